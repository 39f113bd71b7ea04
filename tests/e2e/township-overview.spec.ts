import { expect, login, test } from "./fixtures";
import pg from "pg";

// The overview must show exactly what the database holds: computed here with a query of our own.
type Expected = { name: string; households: number; red: number; yellow: number; black: number; pending: number };

async function expectedTotals(): Promise<Expected[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<Expected>(`
      SELECT v.name,
        (SELECT count(*) FROM "Household" h WHERE h."villageId" = v.id AND h.status = 'ACTIVE')::int AS households,
        COALESCE((SELECT sum(marks) FROM "Entry" e WHERE e."villageId" = v.id AND e.status = 'CONFIRMED' AND e.category = 'RED'), 0)::int AS red,
        COALESCE((SELECT sum(marks) FROM "Entry" e WHERE e."villageId" = v.id AND e.status = 'CONFIRMED' AND e.category = 'YELLOW'), 0)::int AS yellow,
        COALESCE((SELECT sum(marks) FROM "Entry" e WHERE e."villageId" = v.id AND e.status = 'CONFIRMED' AND e.category = 'BLACK'), 0)::int AS black,
        (SELECT count(*) FROM "Entry" e WHERE e."villageId" = v.id AND e.status = 'PENDING')::int AS pending
      FROM "Village" v ORDER BY v.code`);
    return rows;
  } finally {
    await client.end();
  }
}

const digits = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test("the township overview lists every village with the database's numbers, in Chinese", async ({ page }, info) => {
  const expected = await expectedTotals();
  expect(expected.length).toBe(17);

  await login(page, "official");
  await expect(page).toHaveURL(/\/township$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("夹山镇家庭文明档案概览");
  await expect(page.getByRole("columnheader", { name: "红榜" })).toBeVisible();

  const rows = page.getByTestId("village-row");
  await expect(rows).toHaveCount(expected.length);
  for (const [index, village] of expected.entries()) {
    const row = rows.nth(index);
    await expect(row.getByRole("rowheader")).toContainText(village.name);
    for (const column of ["households", "red", "yellow", "black", "pending"] as const) {
      expect(digits(await row.locator(`[data-col=${column}]`).textContent()), `${village.name} ${column}`).toBe(village[column]);
    }
  }
  const total = (key: keyof Omit<Expected, "name">) => expected.reduce((sum, v) => sum + v[key], 0);
  const totals = page.getByTestId("totals-row");
  expect(digits(await totals.locator("[data-col=households]").textContent())).toBe(total("households"));
  expect(digits(await totals.locator("[data-col=red]").textContent())).toBe(total("red"));

  await page.screenshot({ path: `tests/e2e/screenshots/overview-${info.project.name}.png`, fullPage: true });
});

test("the language can be switched to English and back", async ({ page }) => {
  await login(page, "official");
  await page.getByTestId("locale-en").click();
  await expect(page.getByRole("columnheader", { name: "Red" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("locale-zh-CN").click();
  await expect(page.getByRole("columnheader", { name: "红榜" })).toBeVisible();
});

// Details (migrations, database) go to a signed-in admin only: tests/integration/health.test.ts.
test("the health endpoint tells an anonymous caller only that all is fine", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
