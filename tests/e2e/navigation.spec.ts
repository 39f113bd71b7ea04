import type { Locator, Page } from "@playwright/test";
import { expect, login, openMoreSheet, test } from "./fixtures";
import { hrefs, menus, nav } from "./menu-pages";

// Every item of each role's menu is in sight: on a phone in the bottom bar or one tap away behind
// 更多, on a wider screen all in the menu at once (the menus: ./menu-pages.ts).

/** In full view without scrolling, at least 44 × 44 px, and leading where the policy says. */
async function expectInSight(link: Locator, href?: string): Promise<void> {
  await expect(link).toBeInViewport({ ratio: 1 });
  const box = await link.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(box?.height).toBeGreaterThanOrEqual(44);
  if (href) await expect(link).toHaveAttribute("href", href);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const menu of menus) {
  const others = menu.items.filter((key) => !menu.bar.includes(key));

  test(`the ${menu.role} on a phone has every menu item in the bar or one tap away behind 更多`, async ({ page }, info) => {
    test.skip(info.project.name !== "phone", "the bottom bar is the phone's menu");
    await login(page, menu.username);
    const bar = page.getByTestId("phone-menu");
    await expect(page.getByTestId("full-menu")).toBeHidden();
    await expect(bar.getByRole("link")).toHaveText(menu.bar.map((key) => nav.short[key]!));
    for (const key of menu.bar) await expectInSight(bar.getByRole("link", { name: nav.short[key], exact: true }), hrefs[key]);
    await expectNoSidewaysScroll(page);
    if (menu.role === "clerk") await page.screenshot({ path: "tests/e2e/screenshots/nav-after-clerk-phone.png" });

    const more = bar.getByRole("button", { name: nav.more });
    if (others.length === 0) {
      await expect(more).toHaveCount(0);
    } else {
      await expectInSight(more);
      const sheet = await openMoreSheet(page);
      await expect(sheet.getByRole("link")).toHaveText(others.map((key) => nav[key]!));
      for (const key of others) await expectInSight(sheet.getByRole("link", { name: nav[key], exact: true }), hrefs[key]);
      await expectInSight(sheet.getByRole("button", { name: nav.close }));
      if (menu.role === "clerk") await page.screenshot({ path: "tests/e2e/screenshots/nav-after-clerk-phone-more.png" });

      // A modal sheet: Tab stays inside it, Esc closes it and gives the focus back to 更多.
      for (let i = 0; i <= others.length + 1; i++) await page.keyboard.press("Tab");
      await expect(sheet.locator(":focus")).toHaveCount(1);
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();
      await expect(more).toBeFocused();

      // A page from the sheet opens, the sheet closes, and 更多 is marked as where the page lives.
      const last = others.at(-1)!;
      await more.click();
      await sheet.getByRole("link", { name: nav[last], exact: true }).click();
      await expect(page).toHaveURL(hrefs[last]);
      await expect(sheet).toBeHidden();
      await expect(more).toHaveClass(/text-red-800/);
      await more.click();
      await expect(sheet.getByRole("link", { name: nav[last], exact: true })).toHaveAttribute("aria-current", "page");
      await page.keyboard.press("Escape");
    }

    // A page from the bar opens and is marked as the current one.
    const second = menu.bar[1]!;
    await bar.getByRole("link", { name: nav.short[second], exact: true }).click();
    await expect(page).toHaveURL(hrefs[second]);
    await expect(bar.getByRole("link", { name: nav.short[second], exact: true })).toHaveAttribute("aria-current", "page");
    await expect(bar.locator('[aria-current="page"]')).toHaveCount(1);

    await expectPageEndsAboveBar(page);

    // A printed page carries no menu.
    await page.emulateMedia({ media: "print" });
    await expect(bar).toBeHidden();
    await page.emulateMedia({ media: "screen" });
  });

  test(`the ${menu.role} on a wide screen sees the whole menu at once, and each page opens`, async ({ page }, info) => {
    test.skip(info.project.name === "phone", "the full menu is for wider screens");
    await login(page, menu.username);
    const full = page.getByTestId("full-menu");
    await expect(page.getByTestId("phone-menu")).toBeHidden();
    await expect(full.getByRole("link")).toHaveText(menu.items.map((key) => nav[key]!));
    for (const key of menu.items) await expectInSight(full.getByRole("link", { name: nav[key], exact: true }), hrefs[key]);
    await expectNoSidewaysScroll(page);
    if (menu.role === "clerk") await page.screenshot({ path: "tests/e2e/screenshots/nav-after-clerk-desktop.png" });

    // Each menu page opens for this role (no refusal, no sign-in page); the last one by a click. A
    // refused page answers 200 too, with the notice (withNotice): look for it, and see it where a
    // clerk has no business.
    const REFUSED = 'data-testid="page-error"';
    for (const key of menu.items) {
      const response = await page.request.get(hrefs[key]);
      expect(response.status(), key).toBe(200);
      expect(new URL(response.url()).pathname, key).not.toBe("/sign-in");
      expect(await response.text(), key).not.toContain(REFUSED);
    }
    if (menu.role === "clerk") expect(await (await page.request.get("/admin/villages")).text()).toContain(REFUSED);
    const last = menu.items.at(-1)!;
    await full.getByRole("link", { name: nav[last], exact: true }).click();
    await expect(page).toHaveURL(hrefs[last]);
    await expect(full.getByRole("link", { name: nav[last], exact: true })).toHaveAttribute("aria-current", "page");
    await expect(full.locator('[aria-current="page"]')).toHaveCount(1);
  });
}

test("a visitor's menu is the sign-in link alone, on any screen", async ({ page }) => {
  await page.goto("/sign-in");
  const menu = page.getByRole("navigation", { name: nav.menu });
  await expect(menu.getByRole("link")).toHaveText([nav.signIn!]);
  await expectInSight(menu.getByRole("link", { name: nav.signIn }), "/sign-in");
  await expect(page.getByTestId("phone-menu")).toHaveCount(0);
});

/** On a page longer than the screen (my account, with its sign-in history), scrolled to the end, the last line sits above the bar. */
async function expectPageEndsAboveBar(page: Page): Promise<void> {
  await page.goto("/account");
  const { scrolls, gap } = await page.evaluate(() => {
    const root = document.documentElement;
    window.scrollTo(0, root.scrollHeight);
    const content = document.querySelector("main")!.lastElementChild!.getBoundingClientRect();
    const bar = document.querySelector('[data-testid="phone-menu"]')!.getBoundingClientRect();
    return { scrolls: root.scrollHeight > window.innerHeight, gap: bar.top - content.bottom };
  });
  expect(scrolls).toBe(true);
  expect(gap).toBeGreaterThanOrEqual(0);
}
