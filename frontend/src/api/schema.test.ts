// @vitest-environment node
/**
 * The SPA's API types are generated from docs/openapi.json (`npm run gen:api`, part of
 * `make openapi`). Like the OpenAPI staleness test, this fails when the committed file is stale.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("src/api/schema.d.ts", () => {
  it("is what openapi-typescript generates from docs/openapi.json (run `make openapi`)", async () => {
    const document = JSON.parse(readFileSync(here("../../../docs/openapi.json"), "utf8"));
    const fresh = astToString(await openapiTS(document, { defaultNonNullable: false }));
    const committed = readFileSync(here("./schema.d.ts"), "utf8");
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, "").trim();
    expect(body(committed)).toBe(body(fresh));
  }, 30_000);
});
