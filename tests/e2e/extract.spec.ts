import pg from "pg";
import { expect, login, signOut, test } from "./fixtures";

// An archive extract (证明材料) from request to verification, as people do it: the household asks
// for one for school admission on its phone; a township official issues it from the queue and
// opens the print view (A4, Chinese, seal area, QR code); whoever is handed the paper opens the
// QR code's URL and is told that the extract is authentic, unexpired and unrevoked.

const shot = (name: string, project: string) => `tests/e2e/screenshots/extract-${name}-${project}.png`;

/** A household of the township with its own sign-in, not one other specs use: the phone takes the first, the desktop the last. */
async function chooseHousehold(project: string): Promise<{ archiveNo: string; headName: string }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ archiveNo: string; headName: string }>(`
      SELECT h."archiveNo", h."headName" FROM "Household" h
      JOIN "Village" v ON v.id = h."villageId" JOIN "Account" a ON a."householdId" = h.id AND a.role = 'HOUSEHOLD' AND a.active
      WHERE h.status = 'ACTIVE' AND v.name <> '新花村' AND a."mustChangePassword" = false
      ORDER BY h."archiveNo"`);
    expect(rows.length, "the seed has households with a sign-in outside 新花村").toBeGreaterThan(0);
    return project === "phone" ? rows[0]! : rows[rows.length - 1]!;
  } finally {
    await client.end();
  }
}

test("a household asks, the township issues, the QR code's URL confirms it", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const household = await chooseHousehold(project);

  // The household asks on its home page.
  await login(page, household.archiveNo);
  const section = page.getByTestId("household-extracts");
  await expect(section).toBeVisible();
  await section.getByTestId("extract-request-open").click();
  // Refused (an "other" purpose said in one character), the form keeps what was chosen and typed
  // and puts the cursor back in the note, its error read out with it.
  await section.getByLabel("其他用途").check();
  const note = section.getByLabel("用途说明");
  await note.fill("好");
  await section.getByTestId("extract-request-submit").click();
  const noteError = "用途选“其他”时，请写明用途（至少 2 个字）。";
  await expect(section.getByText(noteError)).toBeVisible();
  await expect(section.getByLabel("其他用途")).toBeChecked();
  await expect(note).toHaveValue("好");
  await expect(note).toBeFocused();
  await expect(note).toHaveAccessibleDescription(noteError);
  await section.screenshot({ path: shot("request-refused", project) });
  await section.getByLabel("升学").check();
  await section.getByTestId("extract-request-submit").click();
  await expect(section.getByTestId("extract-requested")).toHaveText("已提交，等待乡镇出具。");
  await page.reload();
  const mine = page.getByTestId("household-extracts").getByTestId("extract-item").first();
  await expect(mine.getByTestId("extract-status")).toHaveText("待乡镇出具");
  const extractId = await mine.getAttribute("data-extract-id");
  expect(extractId).toBeTruthy();
  await page.getByTestId("household-extracts").screenshot({ path: shot("household-requested", project) });
  await signOut(page);

  // The township official issues it from the queue.
  await login(page, "official");
  await page.goto("/extracts");
  await expect(page.getByRole("heading", { name: "证明材料", level: 1 })).toBeVisible();
  const item = page.locator(`[data-testid="extract-queue-item"][data-extract-id="${extractId}"]`);
  await expect(item).toContainText(household.archiveNo);
  await item.getByTestId("extract-issue").click();
  // The queue is rendered again with the extract issued: printable, downloadable, revocable.
  await expect(item.getByTestId("extract-status")).toHaveText("已出具");
  await expect(item.getByTestId("extract-revoke-open")).toBeVisible();
  await page.screenshot({ path: shot("queue", project), fullPage: true });
  await item.getByTestId("extract-print-link").click();

  // The print view: Chinese, the household, the seal area, the code and the QR code's URL.
  await expect(page).toHaveURL(new RegExp(`/extracts/${extractId}/print$`));
  const sheet = page.getByTestId("extract-document");
  await expect(sheet.getByRole("heading", { name: "家庭文明档案证明" })).toBeVisible();
  await expect(sheet).toContainText("夹山镇人民政府");
  await expect(sheet).toContainText(household.archiveNo);
  await expect(sheet).toContainText(household.headName);
  await expect(sheet.getByTestId("extract-seal")).toContainText("盖章处");
  await expect(sheet).toContainText("升学");
  const code = (await sheet.getByTestId("extract-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const url = await sheet.getByTestId("extract-verify-url").getAttribute("data-url");
  expect(url).toMatch(new RegExp(`/verify/${code}\\?s=[A-Za-z0-9_-]{40,}$`));
  await expect(sheet.getByRole("img", { name: "核验二维码" })).toBeVisible();
  await page.screenshot({ path: shot("print", project), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: shot("print-media", project), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await signOut(page);

  // Anyone handed the paper scans the QR code: no sign-in.
  await page.goto(url!);
  const result = page.getByTestId("verify-result");
  await expect(result).toHaveAttribute("data-verdict", "VALID");
  await expect(result).toContainText("真实有效");
  await expect(page.getByTestId("verify-authentic")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("verify-unexpired")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("verify-unrevoked")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("extract-facts").first()).toContainText(household.archiveNo);
  await page.screenshot({ path: shot("verify", project), fullPage: true });

  // A code typed wrong, or with its signature altered, is not confirmed.
  await page.goto(`/verify?code=${encodeURIComponent("ABCD-EFGH-JKLM")}`);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-verdict", "NOT_FOUND");
  await expect(page.getByTestId("verify-result")).toContainText("未找到");
  await page.goto(url!.replace(/s=(.)/, (_m, c: string) => `s=${c === "A" ? "B" : "A"}`));
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-verdict", "NOT_AUTHENTIC");
});
