import type { Locator, Page } from "@playwright/test";
import { expect, expectAbovePhoneMenu, login, signOut, test } from "./fixtures";

// The quarterly review as the village does it, on phones: a representative objects to one entry
// of JS-XH-00001 and approves the rest; the clerk records who came and enters the paper ballots
// of the others, who object to the same entry; the clerk closes the review; the household sees
// that entry rejected, its other entries confirmed and its score moved by exactly those; the
// notice prints. Every state is reached through the pages. It runs once, on the phone: it
// closes the one open review of 新花村 (the desktop run prints a notice of its own, below).

const HOUSEHOLD = "JS-XH-00001";
const shot = (name: string, project: string) => `tests/e2e/screenshots/review-${name}-${project}.png`;

type Entry = { id: string; category: string; marks: number; occurredOn: string };
type Score = { cumulative: number; thisYear: number; year: number; weights: Record<string, number> };

async function readScore(page: Page): Promise<Score> {
  const value = async (id: string) => Number((await page.getByTestId(id).innerText()).trim());
  const text = await page.getByTestId("household-archive").innerText();
  const weights = /红榜 × (\d+) − 没有整改销号的黄榜 × (\d+) − 黑榜 × (\d+)/.exec(text);
  const year = /(\d{4})年得分/.exec(await page.getByTestId("score-this-year").innerText());
  expect(weights && year, "the archive shows its score formula and year").toBeTruthy();
  return {
    cumulative: await value("score-cumulative-value"), thisYear: await value("score-this-year-value"), year: Number(year![1]),
    weights: { RED: Number(weights![1]), YELLOW: -Number(weights![2]), BLACK: -Number(weights![3]) },
  };
}

async function readEntry(row: Locator): Promise<Entry> {
  const [id, category, marks, occurredOn] = await Promise.all(
    ["data-entry-id", "data-category", "data-marks", "data-occurred-on"].map((a) => row.getAttribute(a)));
  return { id: id!, category: category!, marks: Number(marks), occurredOn: occurredOn! };
}

/** Ticks "反对" on the entry, writes the reason, approves the rest and confirms; screenshots on the way if asked. */
async function objectAndApproveRest(form: Locator, entryId: string, reason: string, shots?: { ballot: string; confirm: string }): Promise<void> {
  const row = form.locator(`[data-testid="ballot-entry"][data-entry-id="${entryId}"]`);
  await row.getByRole("checkbox", { name: "反对" }).check();
  await row.getByLabel("反对理由（必填）").fill(reason);
  // The spec runs on the phone only: the ballot's sticky bar stays above the menu bar while the reason is typed.
  const approveRest = form.getByRole("button", { name: "其余全部同意" });
  await expectAbovePhoneMenu(approveRest);
  if (shots) await form.page().screenshot({ path: shots.ballot });
  await approveRest.click();
  const confirm = form.getByTestId("ballot-confirm");
  await expect(confirm).toContainText("反对 1 条");
  await expect(confirm).toContainText(`理由：${reason}`);
  await expect(confirm).toContainText("投票提交后不能更改。");
  if (shots) await form.page().screenshot({ path: shots.confirm });
  await confirm.getByRole("button", { name: "确认投票" }).click();
}

test("a representative objects on a phone, the clerk enters paper ballots and closes, the household sees the outcome", { tag: "@phone-only" }, async ({ page }, info) => {
  test.setTimeout(300_000);
  const project = info.project.name;

  // The household's score before the review.
  await login(page, HOUSEHOLD);
  const before = await readScore(page);
  await signOut(page);

  // 1. rep-xinhua-1 finds the open review on the home page and votes.
  await login(page, "rep-xinhua-1");
  const waiting = page.getByTestId("home-open-review");
  await expect(waiting).toHaveCount(1);
  await expect(waiting.getByTestId("awaiting-vote")).toHaveText(/^[1-9]\d* 条记录待您表决$/);
  await page.screenshot({ path: shot("home-representative", project), fullPage: true });
  await waiting.getByRole("link", { name: "去表决" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  const reviewUrl = page.url();
  const ballot = page.getByTestId("ballot-form");
  const rows = ballot.locator(`[data-testid="ballot-entry"][data-archive-no="${HOUSEHOLD}"]`);
  expect(await rows.count(), `the seed puts at least two entries of ${HOUSEHOLD} in the open review`).toBeGreaterThanOrEqual(2);
  const entries = await Promise.all((await rows.all()).map(readEntry));
  const [target, ...others] = entries as [Entry, ...Entry[]];

  // An objection without a reason is refused before anything is sent, and the form keeps it.
  const targetRow = ballot.locator(`[data-entry-id="${target.id}"]`);
  await targetRow.getByRole("checkbox", { name: "反对" }).check();
  await ballot.getByRole("button", { name: "其余全部同意" }).click();
  await expect(targetRow).toContainText("不同意时请写明理由。");
  await expect(targetRow.getByRole("checkbox", { name: "反对" })).toBeChecked();
  await targetRow.getByRole("checkbox", { name: "反对" }).uncheck();
  await objectAndApproveRest(ballot, target.id, "照片看不出是这户做的，应先核实。", { ballot: shot("ballot", project), confirm: shot("confirm", project) });
  const mine = page.getByTestId("my-ballot");
  await expect(mine).toContainText("您的票已投出");
  await expect(mine.locator(`[data-testid="my-decision"][data-entry-id="${target.id}"]`)).toContainText("反对");
  await page.screenshot({ path: shot("my-ballot", project), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("my-ballot")).toBeVisible();
  await expect(page.getByTestId("ballot-form")).toHaveCount(0);
  await signOut(page);

  // 2. The clerk records attendance and enters the paper ballot of every other representative.
  await login(page, "clerk-xinhua");
  await expect(page.getByTestId("home-open-review").getByTestId("quorum-status")).toBeVisible();
  await page.getByTestId("home-open-review").getByRole("link", { name: /管理评议/ }).click();
  await expect(page).toHaveURL(reviewUrl);
  // Half the roster has voted so far: closing is refused with the server's count, and the form keeps the minutes.
  const close = page.getByTestId("close-review-form");
  const minutes = "村委会议室召开村民代表会议，全体代表出席，逐条表决本季度记录。";
  await expect(close.getByTestId("close-quorum")).toContainText("评议还不能结束");
  await close.getByLabel("会议记录").fill(minutes);
  await close.getByRole("button", { name: "结束评议…" }).click();
  await close.getByRole("button", { name: "确认结束评议" }).click();
  await expect(close.getByTestId("form-error")).toContainText(/出席的代表不足三分之二，评议不能结束：.*还需要\d+人出席。/);
  await expect(close.getByLabel("会议记录")).toHaveValue(minutes);
  await page.screenshot({ path: shot("clerk", project), fullPage: true });

  const attendance = page.getByTestId("attendance-form");
  for (const box of await attendance.getByRole("checkbox", { disabled: false }).all()) await box.check();
  await attendance.getByRole("button", { name: /登记出席/ }).click();
  await expect(attendance).toContainText("名单上的代表都已登记出席。");
  await expect(page.getByTestId("quorum-missing").first()).toHaveText("已够人数");

  await page.getByText("三、录入纸质票").click();
  const paper = page.getByTestId("paper-ballot-form");
  const chooser = paper.getByLabel("录入哪位代表的纸质票");
  const voters = (await chooser.locator("option").allInnerTexts()).slice(1);
  expect(voters.length, "other representatives are left to vote").toBeGreaterThan(0);
  for (const [index, voter] of voters.entries()) {
    await chooser.selectOption({ label: voter });
    if (index === 0) await chooser.scrollIntoViewIfNeeded();
    if (index === 0) await page.screenshot({ path: shot("paper-ballot", project) });
    await objectAndApproveRest(paper, target.id, `纸质票：${voter}认为应先核实。`);
    await expect(paper.getByTestId("ballot-saved")).toContainText("纸质票已录入");
    await expect.poll(() => chooser.locator("option").allInnerTexts()).not.toContain(voter);
  }
  await expect(page.getByText("名单上的代表都已投票。")).toBeVisible();
  await expect(page.getByTestId("roster")).toContainText("纸质票");

  // 3. The clerk closes the review.
  await expect(close.getByTestId("close-quorum")).toContainText("会议有效");
  await expect(close.getByLabel("会议记录")).toHaveValue(minutes);
  await close.getByRole("button", { name: "结束评议…" }).click();
  await close.getByRole("button", { name: "确认结束评议" }).click();
  const results = page.getByTestId("review-results");
  await expect(results).toBeVisible();
  await expect(results.locator(`[data-entry-id="${target.id}"]`).getByTestId("entry-tally")).toContainText("未通过");
  for (const other of others) {
    const tally = results.locator(`[data-entry-id="${other.id}"]`).getByTestId("entry-tally");
    await expect(tally).toContainText("通过");
    await expect(tally).not.toContainText("未通过"); // "未通过" contains "通过" too
  }
  await expect(results.getByTestId("minutes")).toContainText("全体代表出席");
  await page.screenshot({ path: shot("results", project), fullPage: true });
  await results.getByTestId("notice-link").click();
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  const noticeUrl = page.url();
  await signOut(page);

  // 4. The household: that entry rejected, the others confirmed, the score moved by them alone.
  await login(page, HOUSEHOLD);
  const card = (id: string) => page.locator(`[data-testid="archive-entry"][data-entry-id="${id}"]`);
  await expect(card(target.id).getByText("未通过", { exact: true })).toBeVisible();
  for (const other of others) await expect(card(other.id).getByText("已确认", { exact: true })).toBeVisible();
  const after = await readScore(page);
  const gain = (list: Entry[]) => list.reduce((sum, e) => sum + e.marks * before.weights[e.category]!, 0);
  expect(after.cumulative).toBe(before.cumulative + gain(others));
  expect(after.thisYear).toBe(before.thisYear + gain(others.filter((e) => e.occurredOn.startsWith(`${before.year}-`))));
  await card(target.id).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("household-after", project) });
  await signOut(page);

  // 5. The public notice, without signing in.
  await expectNotice(page, noticeUrl, { householdEntries: others.length, digest: true, name: project });
});

test("anyone can open and print the notice of a closed review", async ({ page }, info) => {
  await login(page, "official");
  await page.goto("/reviews");
  const closed = page.locator('[data-testid="review-card"][data-status="CLOSED"]').first();
  await closed.getByTestId("review-link").click();
  await expect(page.getByTestId("review-results")).toBeVisible();
  await page.getByTestId("notice-link").click();
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  const url = page.url();
  await signOut(page);
  // The seed's past reviews carry no closing digest (see the report of issue 8): not asked for here.
  await expectNotice(page, url, { householdEntries: 0, digest: false, name: `${info.project.name}-past` });
});

type NoticeCheck = { householdEntries: number; digest: boolean; name: string };

async function expectNotice(page: Page, url: string, { householdEntries, digest, name }: NoticeCheck): Promise<void> {
  await page.goto(url);
  await expect(page).toHaveURL(url);
  const notice = page.getByTestId("notice");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^.+村\d{4}年第[1-4]季度家庭文明档案评议结果公示$/);
  if (householdEntries > 0) await expect(notice.locator(`[data-testid="notice-entry"][data-archive-no="${HOUSEHOLD}"]`)).toHaveCount(householdEntries);
  await expect(notice.getByTestId("notice-period")).toHaveText(/^公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日。$/);
  await expect(notice.getByTestId("notice-appeal")).toContainText("公示期满以后发现记录有误的，仍然可以申诉。");
  if (digest) await expect(notice.getByTestId("notice-digest")).toContainText(/JS-\d{8}T\d{4}Z-[0-9a-f]{64}/);
  await expect(notice.getByTestId("notice-url")).toHaveText(url);
  await expect(notice.getByRole("img", { name: "本公示网上版本的二维码" }).locator("svg")).toBeVisible();
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();

  // Printed on A4 (794 CSS px wide): no navigation, no print button, the Chinese set in Noto CJK.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.locator("header").first()).toBeHidden();
  await page.screenshot({ path: `tests/e2e/screenshots/notice-print-${name}.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
}
