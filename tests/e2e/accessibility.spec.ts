import type { Locator, Page } from "@playwright/test";
import { expectAccessible, expectAccessibleOnEveryScreen, loadAxeIntoEveryPage } from "./axe";
import { expect, issueAccessCode, login, openMoreSheet, signOut, test } from "./fixtures";
import { hrefs, menuOf, type MenuKey } from "./menu-pages";

// Every page each role can reach meets WCAG 2.1 A and AA (axe-core), on the phone and on the
// desktop: the pages of its menu (./menu-pages.ts) and the pages their links lead to, found by
// following those links as a person would. Each page is loaded once and checked at both sizes
// (expectAccessibleOnEveryScreen), so the walk runs in the phone project only (@phone-only); one
// sign-in per role; the failures are soft, so one run lists the violations of every page.

// Many pages per test on a loaded 2-core machine.
test.slow();
test.beforeEach(({ page }) => loadAxeIntoEveryPage(page));

/**
 * A page reached from another: the address its link must have, read off the page (`href`), and the
 * pages reached from it in turn.
 */
type Lead = { to: RegExp; href: (page: Page) => Promise<string | null>; leads?: Lead[]; optional?: boolean };

const ID = "[0-9a-f-]{36}";
const linkTo = (to: RegExp, link: (page: Page) => Locator, leads?: Lead[]): Lead => ({
  to,
  // The page has loaded: a link that is not there now will not come.
  href: async (page) => ((await link(page).count()) ? link(page).first().getAttribute("href") : null),
  leads,
});
/** Township staff see one village's entries or rules at a time: the chooser's first village. */
const chosenVillage = (path: string, leads: Lead[]): Lead => ({
  to: new RegExp(`^${path}\\?villageId=${ID}$`),
  href: async (page) => `${path}?villageId=${await page.locator("main select#village option").first().getAttribute("value")}`,
  leads,
});

/**
 * Opens a page, checks it, then each page its leads go to. The page must open as itself: neither
 * the sign-in page nor a refusal (which answers 200 with the notice of withNotice).
 */
async function check(page: Page, path: string, leads: Lead[] = []): Promise<void> {
  await page.goto(path);
  expect(new URL(page.url()).pathname, `${path} opened`).toBe(new URL(path, page.url()).pathname);
  await expect(page.getByTestId("page-error")).toHaveCount(0);
  await expectAccessibleOnEveryScreen(page);
  const next: [string, Lead[] | undefined][] = [];
  for (const lead of leads) {
    const href = await lead.href(page);
    if (href === null && lead.optional) continue;
    expect(href, `a link to ${lead.to} on ${path}`).toMatch(lead.to);
    next.push([href!, lead.leads]);
  }
  for (const [href, more] of next) await check(page, href, more);
}

/** Each page of the role's menu, and the pages reached from them. */
async function walk(page: Page, role: string, leads: Partial<Record<MenuKey, Lead[]>>): Promise<void> {
  for (const key of menuOf(role).items) await check(page, hrefs[key], leads[key]);
}

const inMain = (selector: string) => (page: Page) => page.locator(`main ${selector}`);
const byTestId = (id: string) => (page: Page) => page.getByTestId(id);
const household = linkTo(new RegExp(`^/households/${ID}$`), (page) => page.getByTestId("household-results").getByRole("link"));
const householdImport = linkTo(/^\/households\/import$/, inMain('a[href="/households/import"]'));
const entry = linkTo(new RegExp(`^/entries/${ID}$`), (page) => page.getByTestId("entry-list").locator('a[href^="/entries/"]'));
const closedReview = linkTo(new RegExp(`^/reviews/${ID}$`), (page) => page.locator('[data-testid="review-card"][data-status="CLOSED"]').getByTestId("review-link"),
  [linkTo(new RegExp(`^/notices/${ID}$`), byTestId("notice-link"))]);
const openReview = linkTo(new RegExp(`^/reviews/${ID}$`), (page) => page.locator('[data-testid="review-card"][data-status="OPEN"]').getByTestId("review-link"));
const ruleSets = [
  linkTo(new RegExp(`^/rule-sets/${ID}$`), (page) => page.getByTestId("rule-set-list").getByRole("link")),
  linkTo(new RegExp(`^/villages/${ID}/rules$`), inMain('a[href^="/villages/"]')),
];
const account = linkTo(new RegExp(`^/admin/accounts/${ID}$`), byTestId("account-row"));
const newAccount = linkTo(/^\/admin\/accounts\/new$/, byTestId("new-account"));
const selectionPrint = linkTo(/^\/selection\/\d{4}\/print$/, byTestId("print-link"));

/** The pages the township's staff reach from their menu. */
const townshipLeads: Partial<Record<MenuKey, Lead[]>> = {
  households: [household, householdImport],
  entries: [chosenVillage("/entries", [entry])],
  reviews: [closedReview],
  ruleSets: [chosenVillage("/rule-sets", ruleSets)],
  accounts: [account, newAccount],
  selection: [selectionPrint],
};

/**
 * The API reference, open to anyone signed in: Scalar renders it in the browser once the page has
 * loaded, the sections in sight first and the others as they are scrolled to. It is checked as it
 * opens, with the menu of every operation and the "entries" section drawn (its operations with
 * parameters, bodies, responses and examples): every other section is drawn by the same components.
 * Scrolled to its end it is 49,000 elements, and axe takes 45 s per screen on it.
 */
async function checkApiDocs(page: Page): Promise<void> {
  await page.goto("/api/docs");
  const entries = page.getByTestId("api-reference").getByRole("region", { name: "entries" });
  // Scalar works through the 560 kB document for about 10 s of a 2-core machine's time, and far
  // longer when the machine is busy.
  await expect(entries.getByRole("heading", { name: "entries" })).toBeVisible({ timeout: 60_000 });
  await expectAccessibleOnEveryScreen(page);
}

test("the pages open to anyone meet WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  for (const path of ["/sign-in", "/honour", "/verify"]) await check(page, path);
  // The answer to a mistyped code.
  await page.getByLabel("验证码").fill("ABCD-EFGH-JKLM");
  await page.getByRole("button", { name: "核验", exact: true }).click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-verdict", "NOT_FOUND");
  await expectAccessibleOnEveryScreen(page);
});

test("every page the household reaches meets WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, menuOf("household").username);
  await walk(page, "household", {});
  // Its home with the extract request open. The request (one per database) is what the official
  // issues below, so that the extract's print view is there to check.
  await page.goto(hrefs.home);
  const extracts = page.getByTestId("household-extracts");
  const first = (await extracts.getByTestId("extract-item").count()) === 0;
  const form = extracts.getByTestId("extract-request-form");
  // The button opens the form once the page's script has loaded: tapped again until it has.
  await expect(async () => {
    if (!(await form.isVisible())) await extracts.getByTestId("extract-request-open").click();
    await expect(form).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessibleOnEveryScreen(page);
  if (first) {
    await extracts.getByTestId("extract-request-submit").click();
    await expect(extracts.getByTestId("extract-requested")).toBeVisible();
  }
});

test("every page the administrator reaches meets WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, menuOf("admin").username);
  await walk(page, "admin", townshipLeads);
  await checkApiDocs(page);
});

test("every page the township official reaches meets WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, menuOf("official").username);
  await walk(page, "official", townshipLeads);

  // An extract, issued from the queue unless one is already (the household's request above), and printed.
  await page.goto(hrefs.extracts);
  const printable = page.getByTestId("extract-print-link");
  if ((await printable.count()) === 0) {
    await page.getByTestId("extract-issue").first().click();
    await expect(printable.first()).toBeVisible();
    await expectAccessibleOnEveryScreen(page);
  }
  const print = await printable.first().getAttribute("href");
  expect(print).toMatch(new RegExp(`^/extracts/${ID}/print$`));
  await check(page, print!);
  const verifyUrl = await page.getByTestId("extract-verify-url").getAttribute("data-url");
  expect(verifyUrl).toMatch(/\/verify\/[A-Z2-9-]+\?s=/);

  // What anyone handed the paper opens from its QR code.
  await signOut(page);
  await page.goto(verifyUrl!);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-verdict", "VALID");
  await expectAccessibleOnEveryScreen(page);
});

test("every page the clerk reaches meets WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, menuOf("clerk").username);
  // The phone's 更多 sheet, open (the phone's alone: a desktop shows the whole menu).
  const sheet = await openMoreSheet(page);
  await expectAccessible(page, [], "phone");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await walk(page, "clerk", {
    households: [household, linkTo(/^\/households\/new$/, byTestId("new-household")), householdImport],
    entries: [entry],
    // The quarter's open review, while there is one (review.spec.ts closes it).
    reviews: [{ ...openReview, optional: true }, closedReview],
    ruleSets,
  });

  // The record form, for a household found by its number (what the finder's search sends).
  await check(page, `${hrefs.recordEntry}?q=00004`, [linkTo(/^\/entries\/new\?householdId=/, (p) => p.getByTestId("household-results").getByRole("link"))]);
  await expect(page.getByTestId("record-entry-form")).toBeVisible();
  await checkApiDocs(page);

  // An access code issued, and the page where the household signing in with it chooses its password
  // (a 新花村 household that no other spec signs in as).
  const archiveNo = "JS-XH-00007";
  await page.goto(hrefs.accessCodes);
  const code = await issueAccessCode(page, archiveNo);
  await expectAccessibleOnEveryScreen(page);
  await signOut(page);
  await page.getByLabel("用户名或档案编号").fill(archiveNo);
  await page.getByLabel("密码或登录码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expectAccessibleOnEveryScreen(page);
});

test("every page the representative reaches meets WCAG 2.1 AA", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, menuOf("representative").username);
  await walk(page, "representative", { entries: [entry], reviews: [{ ...openReview, optional: true }, closedReview], ruleSets });
});
