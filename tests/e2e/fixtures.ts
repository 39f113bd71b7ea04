import { expect, test as base, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

/** Signs out with the header's button, as a person would, and lands on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Signs in through the real sign-in form, as a person would. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("用户名或档案编号").fill(username);
  await page.getByLabel("密码或登录码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // Checking the password (argon2id) and the first render of the home page take more than the
  // default 5 s when the machine is busy: seen as "正在登录…" still on screen.
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
}

// A full-page screenshot is drawn in one piece against the screen's own viewport, so the phone's
// menu bar, fixed to the bottom of the screen, would cross the middle of a long page. In those
// pictures (the user guide's) the bar is drawn where a person sees it at the end of the page.
const barAtPageEnd = 'body { position: relative } [data-testid="phone-menu"] { position: absolute }';

export const test = base.extend({
  page: async ({ page }, provide) => {
    const screenshot = page.screenshot.bind(page);
    page.screenshot = (options) =>
      screenshot(options?.fullPage ? { ...options, style: [barAtPageEnd, options.style].filter(Boolean).join("\n") } : options);
    await provide(page);
  },
});
export { expect };

/**
 * On a phone, a form's sticky submit bar sits above the bottom menu bar: the button is wholly on
 * screen, ends above the menu, and what is drawn at its centre is the button, not the menu.
 * (toBeInViewport alone cannot tell: an element covered by another is still in the viewport.)
 */
export async function expectAbovePhoneMenu(button: Locator): Promise<void> {
  const menu = button.page().getByTestId("phone-menu");
  await expect(menu).toBeVisible();
  await expect(button).toBeInViewport({ ratio: 1 });
  const [buttonBox, menuBox] = await Promise.all([button.boundingBox(), menu.boundingBox()]);
  expect(buttonBox!.y + buttonBox!.height, "the button ends above the menu bar").toBeLessThanOrEqual(menuBox!.y);
  const hitsButton = await button.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(hitsButton, "a tap at the button's centre reaches the button").toBe(true);
}

/** A clerk on the 农户登录码 page issues a household's one-time access code and reads it off the card. */
export async function issueAccessCode(page: Page, archiveNo: string): Promise<string> {
  await page.getByLabel("查找农户").fill(archiveNo);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  const result = page.getByTestId("household-result").filter({ hasText: archiveNo });
  await result.getByRole("button", { name: "生成登录码", exact: true }).click();
  const code = (await result.getByTestId("access-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  return code;
}

/**
 * Opens the phone menu's 更多 sheet. A tap before the page's script has loaded does nothing (the
 * button needs React), so it taps again until the sheet is there — never while it is open, since a
 * tap on its backdrop closes it.
 */
export async function openMoreSheet(page: Page): Promise<Locator> {
  const sheet = page.getByRole("dialog", { name: "更多" });
  await expect(async () => {
    if (!(await sheet.isVisible())) await page.getByTestId("phone-menu").getByRole("button", { name: "更多" }).click();
    await expect(sheet).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return sheet;
}

/** Opens a page from the menu as a person would: on a phone, through 更多 when it is not in the bottom bar. */
export async function followMenuLink(page: Page, name: string): Promise<void> {
  const inSight = page.getByRole("navigation", { name: "导航" }).getByRole("link", { name, exact: true });
  if (await inSight.isVisible()) return inSight.click();
  await (await openMoreSheet(page)).getByRole("link", { name, exact: true }).click();
}

/**
 * A household signs in for the first time with the one-time code a clerk gave it and chooses its
 * own password, as the sign-in page makes it do; the caller is signed out beforehand.
 */
export async function signInWithAccessCode(page: Page, archiveNo: string, code: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("用户名或档案编号").fill(archiveNo);
  await page.getByLabel("密码或登录码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByRole("textbox", { name: /^新密码/ }).fill("Family-2026");
  await page.getByLabel("再输一次新密码").fill("Family-2026");
  await page.getByRole("button", { name: "保存密码" }).click();
}
