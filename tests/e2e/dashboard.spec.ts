import { readFile } from "node:fs/promises";
import pg from "pg";
import { expect, login, test } from "./fixtures";

// The township dashboard on a phone: charts drawn, tables under them with the database's figures,
// no sideways scrolling of the page, and a table downloaded as CSV.

const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/**
 * The official's township's participation (code JS), computed here from the entries themselves (the
 * page reads the maintained score rows); households of any other township are left out.
 */
async function participation(): Promise<{ households: number; withRed: number }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ households: number; withRed: number }>(`
      WITH mine AS (
        SELECT h.id FROM "Household" h JOIN "Village" v ON v.id = h."villageId" JOIN "Township" t ON t.id = v."townshipId"
        WHERE t.code = 'JS' AND h.status = 'ACTIVE')
      SELECT (SELECT count(*) FROM mine)::int AS households,
        (SELECT count(DISTINCT e."householdId") FROM "Entry" e JOIN mine ON mine.id = e."householdId"
          WHERE e.year = $1 AND e.category = 'RED' AND e.status = 'CONFIRMED')::int AS "withRed"`, [year]);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

const digits = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

test("an official reads the dashboard on a phone and downloads a table as CSV", async ({ page }, info) => {
  const expected = await participation();
  await login(page, "official");
  await page.getByTestId("dashboard-link").click();
  await expect(page).toHaveURL(/\/township\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("夹山镇统计图表");

  for (const section of ["byVillageQuarter", "participation", "backlog", "openAppeals", "clerks"]) {
    await expect(page.getByTestId(`section-${section}`).getByRole("heading", { level: 2 })).toBeVisible();
    await expect(page.getByTestId(`table-${section}`)).toBeVisible();
  }
  // Charts are drawn in the browser; the sections without anything to chart say so instead.
  for (const chart of ["byVillageQuarter", "participation", "clerks"]) {
    await expect(page.getByTestId(`chart-${chart}`).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await page.screenshot({ path: `tests/e2e/screenshots/dashboard-${info.project.name}.png`, fullPage: true });
  // One bar per village, each named on the axis.
  await expect(page.getByTestId("chart-participation").locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(17);
  await expect(page.getByTestId("chart-participation").locator("svg.recharts-surface")).toContainText("新花村");
  await expect(page.getByTestId("chart-backlog").or(page.getByTestId("backlog-none"))).toBeVisible();
  await expect(page.getByTestId("chart-openAppeals").or(page.getByTestId("appeals-none"))).toBeVisible();

  const total = page.getByTestId("table-participation").getByTestId("table-total");
  const cells = total.locator("td");
  expect(digits(await cells.nth(0).textContent())).toBe(expected.households);
  expect(digits(await cells.nth(1).textContent())).toBe(expected.withRed);
  expect(expected.withRed).toBeGreaterThan(0);

  // The chart of one village, chosen on the chart.
  await page.getByTestId("chart-village").selectOption({ label: "新花村" });
  await expect(page.getByTestId("chart-byVillageQuarter").locator("figcaption")).toContainText(`新花村${year}年`);

  // Nothing makes the page scroll sideways (wide tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `tests/e2e/screenshots/dashboard-${info.project.name}.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("section-participation").getByRole("link", { name: "导出 CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/参与情况.*\.csv$/);
  const text = await readFile(await download.path(), "utf8");
  expect(text.charCodeAt(0), "byte order mark").toBe(0xfeff);
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("村（社区）,在册户数,有确认红榜的户数,参与率（%）");
  expect(lines).toHaveLength(1 + 17 + 1);
  expect(lines.at(-1)).toMatch(new RegExp(`^全镇,${expected.households},${expected.withRed},`));

  // Another year, by the year chooser.
  await page.getByLabel("年度").selectOption(String(year - 1));
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year - 1}`));
  await expect(page.getByText(`${year - 1}年各村（社区）的记录`)).toBeVisible();
});
