import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy*/waitFor give up after 5 s instead of 1 s: lazy screens load slowly on a loaded machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  if (typeof window === "undefined") return; // node-environment tests (e.g. the schema check)
  cleanup();
  window.localStorage.clear();
  window.location.hash = "";
});
