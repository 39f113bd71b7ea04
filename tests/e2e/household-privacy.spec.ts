import { randomUUID } from "node:crypto";
import pg from "pg";
import type { APIResponse, Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";
import { photoFile } from "./test-image";

// "A household can never read another household's data, through any page or endpoint": signed in
// as JS-XH-00001, every page and API call about another household — of its own village or of
// another — must show none of that household's data and answer only refusals.

type Other = { id: string; archiveNo: string; headName: string; headInitials: string; villageId: string; entryId: string };

const ME = "JS-XH-00001";
const ARCHIVE_NO = /JS-[A-Z]+-\d{5}/g;

async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Households with entries (the one with the most of them, of 新花村 and of another village), whose
 * head's name and archive number do not happen to appear on JS-XH-00001's own page for other
 * reasons (a member of the same name, an example in a hint).
 */
async function otherHouseholds(ownPage: string): Promise<Other[]> {
  return withDb(async (client) => {
    const { rows } = await client.query<Other & { sameVillage: boolean }>(`
      SELECT h.id, h."archiveNo", h."headName", h."headInitials", h."villageId",
        (h."villageId" = me."villageId") AS "sameVillage",
        (SELECT e.id FROM "Entry" e WHERE e."householdId" = h.id ORDER BY e."recordedAt" DESC, e.id LIMIT 1) AS "entryId"
      FROM "Household" h, (SELECT "villageId" FROM "Household" WHERE "archiveNo" = $1) me
      WHERE h."archiveNo" <> $1 AND EXISTS (SELECT 1 FROM "Entry" e WHERE e."householdId" = h.id)
      ORDER BY (SELECT count(*) FROM "Entry" e WHERE e."householdId" = h.id) DESC, h."archiveNo"`, [ME]);
    const usable = rows.filter((h) => !ownPage.includes(h.headName) && !ownPage.includes(h.archiveNo));
    const same = usable.find((h) => h.sameVillage);
    const elsewhere = usable.find((h) => !h.sameVillage);
    expect(same && elsewhere, "households with entries in 新花村 and elsewhere").toBeTruthy();
    return [same!, elsewhere!].map(({ sameVillage: _, ...h }) => h);
  });
}

/** Nothing of the other households in what was sent: neither the head's name nor the archive number. */
function expectNothingOf(others: Other[], body: string, where: string): void {
  for (const other of others) {
    expect(body, `${where}: ${other.headName}`).not.toContain(other.headName);
    expect(body, `${where}: ${other.archiveNo}`).not.toContain(other.archiveNo);
  }
}

/**
 * And on the screen, no archive number but our own, of any household. (The HTML also carries the
 * message catalogue, whose hints give example numbers such as JS-XH-00012.)
 */
async function expectNoOtherArchiveNumberShown(page: Page, where: string): Promise<void> {
  const numbers = new Set((await page.locator("body").innerText()).match(ARCHIVE_NO) ?? []);
  numbers.delete(ME);
  expect([...numbers], `${where}: archive numbers of other households`).toEqual([]);
}

/** A refusal as JSON: 403 or 404 with an error code, and nothing of the other households. */
async function expectRefused(response: APIResponse, others: Other[], where: string): Promise<void> {
  expect([403, 404], `${where}: status`).toContain(response.status());
  expect(response.headers()["content-type"], where).toContain("application/json");
  const text = await response.text();
  const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
  expect(["FORBIDDEN", "NOT_FOUND"], `${where}: error code`).toContain(body.error?.code);
  expect(body.error?.message, where).toBeTruthy();
  expectNothingOf(others, text, where);
}

/**
 * The clerk of 新花村 records a red with a photo for the other household of the village, through
 * the API (as the record form does), so that there is evidence of another household to ask for.
 */
async function recordEvidenceFor(clerk: Page, other: Other): Promise<{ entryId: string; photoId: string }> {
  const origin = new URL(clerk.url()).origin;
  const upload = await clerk.request.post("/api/v1/evidence", {
    headers: { origin }, multipart: { file: photoFile("other-household.png", 5) },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const photoId = (await upload.json()).id as string;
  const rules = await (await clerk.request.get(`/api/v1/villages/${other.villageId}/rules`)).json();
  const red = rules.items.find((r: { category: string }) => r.category === "RED");
  const recorded = await clerk.request.post("/api/v1/entries", {
    headers: { origin },
    data: {
      idempotencyKey: randomUUID(), householdId: other.id, ruleId: red.id, occurredOn: rules.date,
      description: "帮邻居抢收油菜籽。", evidenceIds: [photoId],
    },
  });
  expect(recorded.status(), await recorded.text()).toBe(201);
  return { entryId: (await recorded.json()).id, photoId };
}

test("a household can never read another household's data, through any page or endpoint", { tag: "@phone-only" }, async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await login(page, ME);
  await expect(page.getByTestId("archive-no")).toHaveText(ME);
  const ownPage = await page.content();
  const others = await otherHouseholds(ownPage);
  const [neighbour, elsewhere] = others as [Other, Other];

  const clerkContext = await browser.newContext({ baseURL, locale: "zh-CN" });
  try {
    const clerk = await clerkContext.newPage();
    await login(clerk, "clerk-xinhua");
    const evidence = await recordEvidenceFor(clerk, neighbour);
    neighbour.entryId = evidence.entryId;
    // The clerk can read it: the refusals below are about who asks, not about what is asked for.
    expect((await clerk.request.get(`/api/v1/evidence/${evidence.photoId}`)).status()).toBe(200);
    const photoId = evidence.photoId;

    // Pages: about another household, and the staff pages that list households.
    const pages = [
      ...others.flatMap((o) => [`/households/${o.id}`, `/entries/${o.entryId}`, `/entries/new?householdId=${o.id}`]),
      `/entries?villageId=${neighbour.villageId}`, `/entries?villageId=${elsewhere.villageId}`,
      // Searches by the head's initials (a page may echo its own address, so not by name or number).
      "/households", `/households?q=${neighbour.headInitials}`, "/entries", "/entries/new",
      `/entries/new?q=${neighbour.headInitials}`, "/township", "/admin/accounts", "/admin/villages", "/admin/chains",
      "/audit", "/rectifications", "/appeals", "/access-codes", `/access-codes?q=${neighbour.headInitials}`, "/account/tokens",
    ];
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), `${path}: a refusal, not a crash`).toBeLessThan(500);
      const html = (await response?.text()) ?? "";
      expectNothingOf(others, html, `${path} (HTML)`);
      expectNothingOf(others, await page.content(), `${path} (page)`);
      await expectNoOtherArchiveNumberShown(page, path);
      // It says so plainly, rather than showing an empty list as if there were nothing to see.
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(/没有权限|找不到/);
    }

    // API: every read about another household, and writes on its entries, are refused.
    const api = page.request;
    const origin = new URL(page.url()).origin;
    for (const other of others) {
      for (const path of [
        `/api/v1/households/${other.id}`, `/api/v1/households/${other.id}/archive`, `/api/v1/households/${other.id}/history`,
        `/api/v1/entries/${other.entryId}`, `/api/v1/villages/${other.villageId}/entries`,
        `/api/v1/villages/${other.villageId}/rectifications`, `/api/v1/villages/${other.villageId}/rules`,
        `/api/v1/villages/${other.villageId}/households/export`,
      ]) {
        await expectRefused(await api.get(path), others, `GET ${path}`);
      }
      await expectRefused(await api.post(`/api/v1/entries/${other.entryId}/appeals`, { headers: { origin }, data: { reason: "不是我家的事" } }), others, "lodge an appeal on another household's entry");
      await expectRefused(await api.post(`/api/v1/entries/${other.entryId}/rectifications`, { headers: { origin }, data: { note: "已整改", evidenceIds: [] } }), others, "request a rectification of another household's entry");
    }
    await expectRefused(await api.get(`/api/v1/evidence/${photoId}`), others, "another household's photo");
    for (const path of [
      `/api/v1/households?q=${encodeURIComponent(neighbour.archiveNo)}`, "/api/v1/appeals", "/api/v1/audit-log",
      "/api/v1/accounts", "/api/v1/villages",
    ]) {
      await expectRefused(await api.get(path), others, `GET ${path}`);
    }

    // Its own archive it can read, through the same API.
    const me = (await (await api.get("/api/v1/me")).json()) as { householdId: string };
    const own = await api.get(`/api/v1/households/${me.householdId}/archive`);
    expect(own.status()).toBe(200);
    expectNothingOf(others, await own.text(), "own archive");
  } finally {
    await clerkContext.close();
  }
});
