import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";
import { photoFile } from "./test-image";

// A clerk's working day, through the API as the pages call it, leaves a page of records of the
// kinds an official reads most: archives opened and corrected, marks recorded and voided, photos,
// API tokens, an access code, sign-ins and a mistyped password.

type Api = { request: APIRequestContext; origin: string };

async function send(api: Api, method: "post" | "patch", path: string, data?: object) {
  const response = await api.request[method](path, { headers: { origin: api.origin }, ...(data ? { data } : {}) });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? null : ((await response.json()) as { id: string });
}

async function clerksDay(clerk: Page, round: number): Promise<void> {
  const api = { request: clerk.request, origin: new URL(clerk.url()).origin };
  const me = (await (await clerk.request.get("/api/v1/me")).json()) as { villageId: string };
  const rules = (await (await clerk.request.get(`/api/v1/villages/${me.villageId}/rules`)).json()) as {
    date: string; items: { id: string; category: string }[];
  };
  const red = rules.items.find((r) => r.category === "RED")!;
  const token = await send(api, "post", "/api/v1/tokens", { name: `记账软件 ${round}` });
  await send(api, "post", `/api/v1/tokens/${token!.id}/revoke`);
  for (let i = 0; i < 9; i++) {
    const household = await send(api, "post", "/api/v1/households", {
      headName: `审计${round}${i}`, headGender: "MALE", headBirthYear: 1970 + i, address: `新花村${i + 1}组${round}号`, registeredOn: rules.date,
    });
    const id = household!.id;
    await send(api, "patch", `/api/v1/households/${id}`, { phone: "13800138000", reason: "补登联系电话" });
    await send(api, "post", `/api/v1/households/${id}/members`, { name: `审计${round}${i}妻`, relation: "SPOUSE", gender: "FEMALE", birthYear: 1972 });
    const photo = await clerk.request.post("/api/v1/evidence", { headers: { origin: api.origin }, multipart: { file: photoFile(`audit-${round}-${i}.png`, i) } });
    expect(photo.status(), await photo.text()).toBe(201);
    const entry = await send(api, "post", "/api/v1/entries", {
      idempotencyKey: randomUUID(), householdId: id, ruleId: red.id, occurredOn: rules.date,
      description: "帮邻居抢收油菜籽。", evidenceIds: [(await photo.json()).id],
    });
    if (i % 3 === 0) await send(api, "post", `/api/v1/entries/${entry!.id}/void`, { reason: "记错了农户" });
    if (i === 0) await send(api, "post", `/api/v1/households/${id}/access-code`);
  }
}

const RAW = [
  /\b(auth|account|token|household|member|evidence|entry)\.[a-z]+/i, // action codes
  /\b(Household|ApiToken|Account|EvidencePhoto|Entry)\b/, // target types
  /\bnull\b/, /::ffff:/, /Mozilla\//, /[{}]/, // JSON, raw addresses and user agents
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, // whole ids
];

test("a township official reads the audit log as plain Chinese, one compact card a record", async ({ page, browser, baseURL }, info) => {
  test.setTimeout(240_000);
  const clerkContext = await browser.newContext({ baseURL, locale: "zh-CN" });
  try {
    const clerk = await clerkContext.newPage();
    await login(clerk, "clerk-xinhua");
    await clerksDay(clerk, info.project.name === "phone" ? 1 : 2);
  } finally {
    await clerkContext.close();
  }
  // Someone mistypes the official's password before the official signs in.
  await page.goto("/sign-in");
  await page.getByLabel("用户名或档案编号").fill("official");
  await page.getByLabel("密码或登录码").fill("wrong-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible({ timeout: 30_000 });
  await login(page, "official");

  await page.goto("/audit");
  const cards = page.getByTestId("audit-row");
  await expect(cards).toHaveCount(50);
  // Everything a card holds, opened or not, is in words.
  const everything = (await page.getByTestId("audit-log").textContent()) ?? "";
  for (const pattern of RAW) expect(everything, `${pattern} on the page`).not.toMatch(pattern);
  await expect(page.getByTestId("audit-what").filter({ hasText: "登录失败（密码或登录码不对）" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-what").filter({ hasText: /^建立农户档案 · JS-XH-\d{5}$/ }).first()).toBeVisible();
  await expect(page.getByTestId("audit-what").filter({ hasText: /^撤销记录 · JS-XH-\d{5}$/ }).first()).toBeVisible();

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`audit log, 50 records, ${info.project.name}: ${height} px`);
  // Before the cards, these 50 records made a page of 16,793 px on a Pixel 7.
  if (info.project.name === "phone") expect(height).toBeLessThan(6_000);
  await page.screenshot({ path: `tests/e2e/screenshots/audit-after-${info.project.name}.png`, fullPage: true });

  // Opened, a card says what was recorded and what changed, in words, and where the change came from.
  const recorded = cards.filter({ has: page.getByTestId("audit-what").filter({ hasText: /^登记红黄黑榜记录/ }) }).first();
  await recorded.getByText("登记红黄黑榜记录").click();
  await expect(recorded.getByTestId("audit-changes")).toContainText(/农户：JS-XH-\d{5}/);
  await expect(recorded.getByTestId("audit-changes")).toContainText("类别：红榜");
  await expect(recorded.getByTestId("audit-changes")).toContainText("状态：待评议");
  await expect(recorded.getByTestId("audit-changes")).toContainText("照片张数：1");
  const edit = cards.filter({ has: page.getByTestId("audit-what").filter({ hasText: /^修改农户信息/ }) }).first();
  await expect(edit.getByTestId("audit-changes")).toBeHidden();
  await edit.getByText("修改农户信息").click();
  const changes = edit.getByTestId("audit-changes");
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("listitem").filter({ hasText: "联系电话：" })).toHaveText(/^联系电话：（空）\s*→\s*改为\s*13800138000$/);
  await expect(changes.getByRole("listitem").filter({ hasText: "理由：" })).toHaveText("理由：补登联系电话");
  await expect(edit).toContainText(/来源127\.0\.0\.1 · Chrome · \S+/);
  await expect(edit).toContainText("操作人李国荣（clerk-xinhua）");
  await edit.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/audit-after-expanded-${info.project.name}.png` });

  // The filter offers the same words, and a whole action's name finds that action only.
  await page.getByText("筛选", { exact: true }).first().click();
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "登录" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/action=auth\.signIn(&|$)/);
  await expect(cards.first()).toBeVisible();
  const shown = await page.getByTestId("audit-what").allTextContents();
  expect(shown.every((what) => what.startsWith("登录") && !what.startsWith("登录失败"))).toBe(true);
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("auth.signIn");

  // A first day chosen on the calendar (today, where it opens) narrows the log; cleared, it is gone again.
  const from = page.getByLabel("开始日期", { exact: true });
  await from.click();
  await expect(page.getByRole("dialog", { name: "日历" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(from).not.toHaveText("选择日期");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}(&|$)/);
  await expect(cards.first()).toBeVisible();
  // With a last day chosen too, each clear button is named after its field, so that a screen reader tells them apart.
  const to = page.getByLabel("结束日期", { exact: true });
  await to.click();
  await page.keyboard.press("Enter");
  await expect(to).not.toHaveText("选择日期");
  await page.getByRole("button", { name: "清除结束日期" }).click();
  await expect(to).toHaveText("选择日期");
  await expect(to).toBeFocused();
  await expect(from).not.toHaveText("选择日期");
  await page.getByRole("button", { name: "清除开始日期" }).click();
  await expect(from).toHaveText("选择日期");
  await expect(from).toBeFocused();
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/[?&]from=(&|$)/);
  await expect(page.getByLabel("操作", { exact: true })).toHaveValue("auth.signIn");
  await expect(from).toHaveText("选择日期");

  // The same page in English.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("audit-what").first()).toHaveText("Signed in");
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("auth.signIn");
});
