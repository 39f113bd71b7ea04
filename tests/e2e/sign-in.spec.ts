import { expect, login, test } from "./fixtures";

// Each role signs in on the real form and lands on its own home page.
const homes = [
  { username: "admin", role: "系统管理员", check: "heading", text: "夹山镇家庭文明档案概览" },
  { username: "official", role: "乡镇干部", check: "heading", text: "夹山镇家庭文明档案概览" },
  { username: "clerk-xinhua", role: "理事会成员", check: "testid", text: "village-home" },
  { username: "rep-xinhua-1", role: "村民代表", check: "testid", text: "village-home" },
  { username: "JS-XH-00001", role: "农户", check: "testid", text: "household-home" },
] as const;

for (const home of homes) {
  test(`${home.username} signs in and sees the ${home.role} home`, { tag: "@phone-only" }, async ({ page }, info) => {
    await login(page, home.username);
    await expect(page.getByTestId("signed-in-as")).toContainText(home.role);
    if (home.check === "heading") await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.text);
    else await expect(page.getByTestId(home.text)).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/home-${home.username}-${info.project.name}.png`, fullPage: true });
  });
}

test("a wrong password is refused in plain Chinese, and anonymous visitors are sent to sign in", { tag: "@phone-only" }, async ({ page }) => {
  await page.goto("/township");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("用户名或档案编号").fill("official");
  await page.getByLabel("密码或登录码").fill("wrong-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("密码不正确");
});

test("signing out ends the session", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, "clerk-xinhua");
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sixth wrong password finds the account locked, and the message says until when", { tag: "@phone-only" }, async ({ page }, info) => {
  const username = "clerk-hanfeng-2";
  await page.goto("/sign-in");
  await page.getByLabel("用户名或档案编号").fill(username);
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel("密码或登录码").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    // The password is cleared when the answer has come (the name is kept); then the next try.
    await expect(page.getByLabel("密码或登录码")).toHaveValue("");
    await expect(page.getByLabel("用户名或档案编号")).toHaveValue(username);
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
  }
  await expect(page.getByTestId("sign-in-error")).toContainText(/账号已暂时锁定。请在 \d{2}:\d{2} 以后再试。/);
  // Even the right password is refused until then.
  await page.getByLabel("密码或登录码").fill("demo1234");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("锁定");
  await page.screenshot({ path: `tests/e2e/screenshots/sign-in-locked-${info.project.name}.png` });
});
