import { act, render } from "@testing-library/react";
import { MemoryRouter, useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import { useSearchParamsUpdate, type SearchParamsUpdate } from "./searchParams";

function set(key: string, value: string) {
  return (current: URLSearchParams) => {
    const next = new URLSearchParams(current);
    next.set(key, value);
    return next;
  };
}

function Probe({ expose }: { expose: (update: SearchParamsUpdate) => void }) {
  const [, update] = useSearchParamsUpdate();
  expose(update);
  return <output data-testid="search">{useLocation().search}</output>;
}

describe("useSearchParamsUpdate", () => {
  it("keeps every change made before the page re-renders", () => {
    let update: SearchParamsUpdate = () => undefined;
    const view = render(
      <MemoryRouter initialEntries={["/accounts?q=кофе"]}>
        <Probe expose={(u) => (update = u)} />
      </MemoryRouter>,
    );
    act(() => {
      // Three filters picked in one go, as a quick hand (or a test driver) does.
      update(set("bank_id", "vbank"));
      update(set("direction", "out"));
      update(set("category", "groceries"));
    });
    const query = new URLSearchParams(view.getByTestId("search").textContent ?? "");
    expect(Object.fromEntries(query)).toEqual({ q: "кофе", bank_id: "vbank", direction: "out", category: "groceries" });
    act(() => update(set("direction", "in")));
    expect(new URLSearchParams(view.getByTestId("search").textContent ?? "").get("direction")).toBe("in");
    expect(new URLSearchParams(view.getByTestId("search").textContent ?? "").get("bank_id")).toBe("vbank");
  });
});
