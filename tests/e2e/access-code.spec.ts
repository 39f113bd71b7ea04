import { expect, followMenuLink, issueAccessCode, login, test } from "./fixtures";

// A clerk issues a one-time access code; the household signs in with it and must choose a password.
test("a household signs in with its access code and is made to choose its own password", { tag: "@phone-only" }, async ({ page }, info) => {
  const archiveNo = "JS-XH-00002";
  await login(page, "clerk-xinhua");
  await followMenuLink(page, "农户登录码");
  const code = await issueAccessCode(page, archiveNo);
  await page.screenshot({ path: `tests/e2e/screenshots/access-code-card-${info.project.name}.png`, fullPage: true });
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Lower case, as people type it.
  await page.getByLabel("用户名或档案编号").fill(archiveNo.toLowerCase());
  await page.getByLabel("密码或登录码").fill(code.toLowerCase());
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("请设置您自己的密码");

  // Other pages send the household back here until it has chosen a password.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.getByRole("textbox", { name: /^新密码/ }).fill("short");
  await page.getByLabel("再输一次新密码").fill("short");
  await page.getByRole("button", { name: "保存密码" }).click();
  await expect(page.getByText("密码至少 8 位。")).toBeVisible();

  await page.getByRole("textbox", { name: /^新密码/ }).fill("Family-2026");
  await page.getByLabel("再输一次新密码").fill("Family-2026");
  await page.getByRole("button", { name: "保存密码" }).click();
  await expect(page.getByTestId("household-home")).toBeVisible();
  await expect(page.getByTestId("archive-no")).toHaveText(archiveNo);

  // The household sees that its archive was entered with a code, and who issued that code.
  await page.goto("/account");
  await expect(page.getByTestId("via-access-code")).toBeVisible();
  await expect(page.getByTestId("sign-in-signIn").first()).toContainText("用登录码登录");
  await expect(page.getByTestId("sign-in-accessCodeIssued").first()).toContainText("登录码由新花村理事会成员");
  await page.screenshot({ path: `tests/e2e/screenshots/account-sign-ins-${info.project.name}.png`, fullPage: true });

  // The code worked once; the new password works from now on.
  await page.getByTestId("sign-out").click();
  await page.getByLabel("用户名或档案编号").fill(archiveNo);
  await page.getByLabel("密码或登录码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await login(page, archiveNo, "Family-2026");
  await expect(page.getByTestId("household-home")).toBeVisible();
});

test("an administrator creates a clerk account on a phone", { tag: "@phone-only" }, async ({ page }, info) => {
  await login(page, "admin");
  await page.goto("/admin/accounts/new");
  await page.screenshot({ path: `tests/e2e/screenshots/admin-new-account-${info.project.name}.png`, fullPage: true });
  await page.goto("/admin/accounts");
  await expect(page.getByTestId("account-list")).toBeVisible();
  await page.screenshot({ path: `tests/e2e/screenshots/admin-accounts-${info.project.name}.png`, fullPage: true });
  await page.goto("/audit");
  await expect(page.getByTestId("audit-what").filter({ hasText: /^登录/ }).first()).toBeVisible();
  await page.screenshot({ path: `tests/e2e/screenshots/audit-${info.project.name}.png`, fullPage: true });
  await page.goto("/account/tokens");
  await page.screenshot({ path: `tests/e2e/screenshots/tokens-${info.project.name}.png`, fullPage: true });
});
