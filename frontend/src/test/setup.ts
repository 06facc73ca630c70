import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  if (typeof window === "undefined") return; // node-environment tests (e.g. the schema check)
  cleanup();
  window.localStorage.clear();
  window.location.hash = "";
});
