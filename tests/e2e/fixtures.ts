import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

/** Signs in through the real sign-in form, as a person would. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("用户名或档案编号").fill(username);
  await page.getByLabel("密码或登录码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // A sign-in hashes the password on purpose slowly: seconds, on a loaded 2-core machine.
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
}

export const test = base;
export { expect };

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
