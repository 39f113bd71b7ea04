import type { Page } from "@playwright/test";
import { expect, issueAccessCode, login, signInWithAccessCode, signOut, test } from "./fixtures";

// Each role's home says what waits for them and leads there (issue 10 point 4): a representative
// to the open review's ballot, a clerk through the village's work list, a household (signed in
// with the access code a clerk issued) to the extract request it has to answer, the township to
// its open appeals. Empty lists say why and offer the way out. Relies on the seed's open review
// of 新花村 (prisma/seed/reviews.ts), which review.spec.ts closes later, so it runs on the phone.

const shot = (name: string, project: string) => `tests/e2e/screenshots/home-${name}-${project}.png`;
const HOUSEHOLD = "JS-XH-00005"; // no sign-in of its own in the seed, used by no other spec
const countOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-count"));

test("a representative's home leads to the ballot of the open review", { tag: "@phone-only" }, async ({ page }, info) => {
  await login(page, "rep-xinhua-2");
  await expect(page.getByTestId("home-waiting")).toHaveText("您有 1 件事要办。");
  const review = page.getByTestId("home-open-review");
  await expect(review).toHaveCount(1);
  await expect(review.getByTestId("awaiting-vote")).toHaveText(/^[1-9]\d* 条记录待您表决$/);
  await expect(review).toContainText("您还没有投票。");
  await expect(page.getByTestId("home-rule-set-votes")).toContainText("目前没有需要您表决的细则。");
  await page.screenshot({ path: shot("representative", info.project.name), fullPage: true });

  await review.getByRole("link", { name: "去表决" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("ballot-form")).toBeVisible();
});

test("a clerk's home is a work list whose counts match the pages they open", { tag: "@phone-only" }, async ({ page }, info) => {
  await login(page, "clerk-xinhua");
  const tasks = page.getByTestId("clerk-tasks");
  await expect(tasks).toBeVisible();
  await expect(page.getByTestId("home-open-review").getByTestId("home-review-step")).toContainText("评议还不能结束");
  await page.screenshot({ path: shot("clerk", info.project.name), fullPage: true });

  // The quarter's pending entries: the same number on the filtered list.
  const pending = await countOf(page, "task-pending");
  expect(pending, "the seed leaves entries of the current quarter awaiting review").toBeGreaterThan(0);
  await tasks.getByTestId("task-pending").click();
  await expect(page).toHaveURL(/\/entries\?quarter=\d{4}Q[1-4]&status=PENDING$/);
  await expect(page.getByText(`共 ${pending} 条`, { exact: true })).toBeVisible();

  // Appeals and rectifications: the same numbers on their queues.
  await page.goto("/");
  const appeals = await countOf(page, "task-appeals");
  await page.getByTestId("task-appeals").click();
  await expect(page).toHaveURL(/\/appeals$/);
  await expect(page.getByTestId("open-count")).toHaveText(`未处理 ${appeals} 件`);
  await page.goto("/");
  const rectifications = await countOf(page, "task-rectifications");
  await page.getByTestId("task-rectifications").click();
  await expect(page).toHaveURL(/\/rectifications$/);
  await expect(page.getByTestId("open-count")).toHaveText(`待审核 ${rectifications} 件`);

  // The review: attendance is the next step while the quorum is short.
  await page.goto("/");
  await page.getByTestId("home-review-step").getByRole("link", { name: "去登记出席" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}#attendance-title$/);
  await expect(page.getByTestId("attendance-form")).toBeVisible();

  // Recording, from the home and from an empty list that says why it is empty.
  await page.goto("/");
  await page.getByTestId("task-record").click();
  await expect(page).toHaveURL(/\/entries\/new$/);
  await page.goto("/entries?archiveNo=JS-XH-99999");
  const empty = page.getByTestId("entries-empty");
  await expect(empty).toContainText("没有符合条件的记录。");
  await expect(empty).toContainText("清除筛选");
  await empty.getByRole("link", { name: "记录一条" }).click();
  await expect(page).toHaveURL(/\/entries\/new$/);
  await page.goto("/households?q=不存在的户主");
  await page.getByTestId("households-empty").getByRole("link", { name: "清除条件" }).click();
  await expect(page).toHaveURL(/\/households$/);
  await expect(page.getByTestId("household-results")).toBeVisible();
});

test("a household signed in with its access code finds the clerk's extract request waiting for its consent", { tag: "@phone-only" }, async ({ page }, info) => {
  // The clerk asks for an extract on the household's behalf, then issues its access code.
  await login(page, "clerk-xinhua");
  // The row shows only while some request waits: none before, unless another spec left one.
  const before = (await page.getByTestId("task-extracts").count()) ? await countOf(page, "task-extracts") : 0;
  await page.goto(`/households?q=${HOUSEHOLD}`);
  await page.getByTestId("household-results").getByRole("link").filter({ hasText: HOUSEHOLD }).click();
  const extracts = page.getByTestId("household-extracts");
  await extracts.getByTestId("extract-request-open").click();
  await extracts.getByLabel("升学").check();
  await extracts.getByTestId("extract-request-submit").click();
  await expect(extracts.getByTestId("extract-requested")).toHaveText("已提交，等待农户确认。");
  await page.goto("/");
  await expect(page.getByTestId("task-extracts")).toHaveAttribute("data-count", String(before + 1));
  await page.goto("/access-codes");
  const code = await issueAccessCode(page, HOUSEHOLD);
  await signOut(page);
  await signInWithAccessCode(page, HOUSEHOLD, code);

  const tasks = page.getByTestId("household-tasks");
  await expect(tasks).toBeVisible();
  const consent = tasks.getByTestId("task-extract-consent");
  await expect(consent).toHaveAttribute("data-count", "1");
  await expect(consent).toContainText("证明材料申请等您同意");
  await expect(tasks.getByTestId("task-request-extract")).toBeVisible();
  await page.screenshot({ path: shot("household", info.project.name) });
  await consent.click();
  await expect(page).toHaveURL(/#extracts-title$/);
  await expect(page.getByTestId("household-extracts").getByTestId("extract-consent")).toBeInViewport();
});

test("the township overview opens with its 待办, each leading to its queue", { tag: "@phone-only" }, async ({ page }, info) => {
  await login(page, "official");
  await expect(page).toHaveURL(/\/township$/);
  const tasks = page.getByTestId("township-tasks");
  await expect(tasks).toBeVisible();
  await page.screenshot({ path: shot("township", info.project.name), fullPage: true });
  const appeals = await countOf(page, "task-appeals");
  await tasks.getByTestId("task-appeals").click();
  await expect(page).toHaveURL(/\/appeals$/);
  await expect(page.getByTestId("open-count")).toHaveText(`未处理 ${appeals} 件`);
  await page.goBack();
  await tasks.getByTestId("task-extracts").click();
  await expect(page).toHaveURL(/\/extracts$/);
});
