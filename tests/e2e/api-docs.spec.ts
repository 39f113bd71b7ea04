import { expect, login, test } from "./fixtures";

// The API reference renders the OpenAPI document in the browser, inside the app's own frame.
test("the API reference shows the operations of /api/v1 to a signed-in clerk", async ({ page }) => {
  await login(page, "clerk-xinhua");
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "接口文档" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const reference = page.getByTestId("api-reference");
  // The tags of the document, each a section that Scalar fills as it scrolls into view; the
  // operations of "entries" are listed by method and path, and shown each under its summary
  // (lib/api/operations/entries.ts).
  const entries = reference.getByRole("region", { name: "entries" });
  // Scalar works through the 560 kB document for about 10 s of a 2-core machine's time, and far
  // longer when the machine is busy.
  await expect(entries.getByRole("heading", { name: "entries" })).toBeVisible({ timeout: 60_000 });
  await entries.scrollIntoViewIfNeeded();
  const list = entries.getByRole("list", { name: "entries endpoints" });
  await expect(list.getByRole("link", { name: "post /api/v1/entries", exact: true })).toBeVisible();
  await expect(entries.getByRole("heading", { name: /^Record a mark/ })).toBeVisible();
  // An operation further down is shown when its line in the list is followed.
  await list.getByRole("link", { name: "post /api/v1/entries/{id}/void", exact: true }).click();
  await expect(entries.getByRole("heading", { name: /^Withdraw an entry with a reason/ })).toBeInViewport();
});

test("the API reference sends anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page).toHaveURL(/\/sign-in/);
});
