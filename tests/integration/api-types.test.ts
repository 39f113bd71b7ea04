import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "../../scripts/generate-api-types";

// The typed client's types are committed (lib/api/generated/v1.d.ts) so that `tsc --noEmit`
// checks every typed call; this test keeps them equal to the document the handlers serve.
describe("the generated API types", () => {
  it("match the OpenAPI document (run `npm run api:types` after changing an operation)", async () => {
    expect(await readFile(API_TYPES_FILE, "utf8")).toBe(await renderApiTypes());
  });
});
