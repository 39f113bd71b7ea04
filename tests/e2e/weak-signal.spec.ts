import type { Locator, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, expectAbovePhoneMenu, login, test } from "./fixtures";
import { photoFile } from "./test-image";

// A clerk records a mark standing in a yard with one bar of signal. A submit that gets no answer
// keeps everything typed and the photo already uploaded, says so, and is sent again with the same
// idempotency key: whether the request never arrived or only its answer was lost, the household
// ends up with exactly one entry. The counts come from the API, as the clerk's phone reads them.

// Each test waits out retries and runs the accessibility check: slow on a loaded 2-core machine.
test.slow();

type Listed = { id: string; description: string; occurredOn: string; evidenceCount: number; status: string };

/** The 记录 page for the first household the clerk finds by the end of its archive number. */
async function openRecordForm(page: Page, number: string): Promise<{ form: Locator; householdId: string }> {
  await page.goto("/entries/new");
  await page.getByLabel("档案编号或户主姓名").fill(number);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await page.getByTestId("household-results").getByRole("link").first().click();
  const form = page.getByTestId("record-entry-form");
  await expect(form).toBeVisible();
  return { form, householdId: new URL(page.url()).searchParams.get("householdId")! };
}

async function fillRed(form: Locator, description: string): Promise<void> {
  await form.getByRole("radio").first().check(); // reds come first
  await form.getByLabel("事情经过").fill(description);
  await form.getByTestId("evidence-input").setInputFiles(photoFile("weak-signal.png", 2));
  await expect(form.getByTestId("evidence-list")).toContainText("已上传");
}

/** The household's entries with this description, through GET /api/v1/villages/{id}/entries. */
async function entriesDescribed(page: Page, householdId: string, description: string): Promise<Listed[]> {
  const me = await (await page.request.get("/api/v1/me")).json();
  const response = await page.request.get(`/api/v1/villages/${me.villageId}/entries?householdId=${householdId}&pageSize=100`);
  expect(response.status()).toBe(200);
  return ((await response.json()).items as Listed[]).filter((e) => e.description === description);
}

const unique = (what: string) => `${what}（${Date.now().toString(36)}）`;
const chineseDate = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

test("a submit cut off by a lost signal keeps the form, says so, and records once when the signal is back", { tag: "@phone-only" }, async ({ page, context }, info) => {
  await login(page, "clerk-xinhua");
  const { form, householdId } = await openRecordForm(page, "0005");

  // The day, with the keyboard on the calendar: it opens on today; one day back is yesterday.
  const day = form.locator('input[name="occurredOn"]');
  const today = await day.inputValue();
  const dateButton = form.getByLabel("发生日期");
  await expect(dateButton).toHaveText(chineseDate(today));
  await dateButton.click();
  const calendar = page.getByRole("dialog", { name: "日历" });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole("grid")).toBeVisible();
  await page.screenshot({ path: `tests/e2e/screenshots/weak-signal-calendar-${info.project.name}.png` });
  await expectAccessible(page, ['[data-testid="record-entry-form"]', '[role="dialog"]']);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await expect(day).toHaveValue(yesterday);
  await expect(dateButton).toHaveText(chineseDate(yesterday));

  const description = unique("帮五保户修缮房屋，断网后重新提交");
  await fillRed(form, description);

  // On the phone the save bar stays above the menu bar, in the middle of the form and at its end.
  const save = form.getByRole("button", { name: "保存记录" });
  await form.getByRole("radio").first().scrollIntoViewIfNeeded();
  await expectAbovePhoneMenu(save);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expectAbovePhoneMenu(save);

  await context.setOffline(true);
  await save.click();
  const unsent = page.getByTestId("entry-unsent");
  await expect(unsent).toContainText("网络不稳定，未能提交。");
  await expect(unsent).toContainText("您填写的内容和照片都还在");
  await expect(unsent).toContainText("有信号后会自动重新提交");
  // Everything is still there, shown as it was sent.
  await expect(form.getByLabel("事情经过")).toHaveValue(description);
  await expect(form.getByRole("radio").first()).toBeChecked();
  await expect(day).toHaveValue(yesterday);
  await expect(form.getByTestId("evidence-list").getByRole("listitem")).toHaveCount(1);
  await expect(form.getByTestId("evidence-list")).toContainText("已上传");
  await page.screenshot({ path: `tests/e2e/screenshots/weak-signal-unsent-${info.project.name}.png`, fullPage: true });
  await expectAccessible(page, ['[data-testid="record-entry-form"]']);

  // Pressing 重新提交 without a signal really sends it again: the request fails, the form is back
  // as it was, and nothing is recorded.
  const resubmit = form.getByRole("button", { name: "重新提交", exact: true });
  const failed = page.waitForEvent("requestfailed", (r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/entries");
  await resubmit.click();
  expect((await failed).failure()?.errorText).toContain("ERR_INTERNET_DISCONNECTED");
  await expect(resubmit).toBeEnabled();
  await expect(unsent).toContainText("有信号后会自动重新提交");
  await expect(form.getByLabel("事情经过")).toHaveValue(description);
  expect(await entriesDescribed(page, householdId, description)).toHaveLength(0);

  // The signal comes back: the form sends it again by itself.
  await context.setOffline(false);
  const done = page.getByTestId("entry-recorded");
  await expect(done).toContainText("已记录");
  const recorded = await entriesDescribed(page, householdId, description);
  expect(recorded).toHaveLength(1);
  expect(recorded[0]).toMatchObject({ occurredOn: yesterday, evidenceCount: 1, status: "PENDING" });
});

test("a retry after the server recorded the entry but its answer was lost records nothing twice", { tag: "@phone-only" }, async ({ page }, info) => {
  await login(page, "clerk-xinhua");
  const { form, householdId } = await openRecordForm(page, "0006");
  const description = unique("拾到钱包归还失主，回执丢失");
  await fillRed(form, description);

  // The request reaches the server, which records the entry; the phone never hears back.
  let answered = false;
  await page.route("**/api/v1/entries", async (route) => {
    if (answered || route.request().method() !== "POST") return route.fallback();
    answered = true;
    const response = await route.fetch();
    expect(response.status()).toBe(201);
    await route.abort("connectionreset");
  });
  await form.getByRole("button", { name: "保存记录" }).click();
  await expect(page.getByTestId("entry-unsent")).toContainText("网络不稳定，未能提交。");
  expect(await entriesDescribed(page, householdId, description)).toHaveLength(1);

  // The automatic retry carries the same key: the server answers with the entry it already has.
  const done = page.getByTestId("entry-recorded");
  await expect(done).toContainText("已记录");
  await expect(done).toContainText("刚才那次提交已经保存过了，没有重复记录。");
  await page.screenshot({ path: `tests/e2e/screenshots/weak-signal-recorded-once-${info.project.name}.png`, fullPage: true });
  const recorded = await entriesDescribed(page, householdId, description);
  expect(recorded).toHaveLength(1);
  expect(recorded[0]!.evidenceCount).toBe(1);
  await done.getByRole("link", { name: "查看这条记录" }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${recorded[0]!.id}$`));
});

test("a refused entry says at each field what is wrong, read out with the field", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, "clerk-xinhua");
  const { form } = await openRecordForm(page, "0007");
  // The calendar offers real days only; a day it cannot make stands for one the server refuses.
  await form.locator('input[name="occurredOn"]').evaluate((input: HTMLInputElement) => { input.value = "2026-13-01"; });
  // No rule chosen, nothing written: refused by the server, field by field.
  await form.getByRole("button", { name: "保存记录" }).click();
  await expect(form.getByTestId("form-error")).toBeVisible();

  const dateButton = form.getByLabel("发生日期");
  await expect(dateButton).toHaveAttribute("aria-invalid", "true");
  await expect(dateButton).toHaveAccessibleDescription(/日期格式应为 年-月-日/);
  const description = form.getByLabel("事情经过");
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveAccessibleDescription("请写明事情经过。");
  const rules = form.getByRole("group", { name: "依据的细则" });
  await expect(rules).toHaveAttribute("aria-invalid", "true");
  await expect(rules).toHaveAccessibleDescription("请选择依据的细则。");
  await expect(rules.getByRole("radio").first()).toHaveAccessibleDescription("请选择依据的细则。");
  await expectAccessible(page, ['[data-testid="record-entry-form"]']);
});
