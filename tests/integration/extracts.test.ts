import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { addDays } from "@/lib/domain/extract-content";
import { ALL_TIME } from "@/lib/domain/household-scores";
import { formatDigest, parseDigest } from "@/lib/domain/township-digest";
import { db } from "@/lib/server/db";
import { callApi, fetchInProcess, callerHeaders, ORIGIN } from "../helpers/api-client";
import { audited, householdAccountFor, recordConfirmed } from "../helpers/archive-fixtures";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";

// Archive extracts (issue 9 point 6): the household asks or consents to a clerk's request, a
// township official issues (content frozen and signed in one transaction with its audit record),
// declines or revokes; everyone else is refused, outside the scope as if nothing existed.

const household = { username: "JS-XH-00001" };
const clerk = { username: "clerk-xinhua" };
const official = { username: "official" };
let householdId: string;
let other: OtherTownship;

const request = (id: string, as: { username: string }, body: unknown = { purpose: "SCHOOL_ADMISSION" }) =>
  callApi("POST", `/api/v1/households/${id}/extracts`, { as, body });
const step = (id: string, name: string, as: { username: string }, body?: unknown) =>
  callApi("POST", `/api/v1/extracts/${id}/${name}`, { as, ...(body === undefined ? {} : { body }) });

async function requested(as = household): Promise<string> {
  const res = await request(householdId, as);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  householdId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
  other = await createOtherTownship();
  // A confirmed red of today, so the extract prints at least one.
  await recordConfirmed(householdId, "RED");
});

describe("the household asks, a township official issues", () => {
  it("freezes and signs what the archive says, with its audit record", async () => {
    const created = await audited("extract.request", () => request(householdId, household, { purpose: "SCHOOL_ADMISSION" }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: "REQUESTED", code: null, content: null, requestedBy: { isHousehold: true } });
    const id = created.body.id;

    const queue = await callApi("GET", "/api/v1/extracts?pageSize=200", { as: official });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((e: { id: string }) => e.id)).toContain(id);
    expect(queue.body.items[0].status).toBe("REQUESTED");

    const issued = await step(id, "issue", official);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const content = issued.body.content;
    const today = chinaToday(new Date());
    const row = await db.archiveExtract.findUniqueOrThrow({ where: { id }, include: { settings: true } });
    const h = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { archiveNo: true, headName: true, registeredOn: true, village: { select: { name: true } } } });
    const reds = await db.entry.findMany({ where: { householdId, category: "RED", status: "CONFIRMED" }, orderBy: [{ occurredOn: "asc" }, { chainSeq: "asc" }], include: { rule: true } });
    const score = await db.householdScore.findUniqueOrThrow({ where: { householdId_year: { householdId, year: ALL_TIME } } });
    const awards = await db.civilizedFamilyAward.findMany({ where: { householdId, status: "AWARDED" }, orderBy: { year: "asc" } });
    // The digest printed is one taken on the issue day (China), recorded at issue if none was.
    const printed = parseDigest(content.digest)!;
    const digest = await db.townshipDigest.findFirstOrThrow({ where: { townshipId: row.townshipId, digest: printed.digest, takenAt: { gte: printed.takenAt, lt: new Date(printed.takenAt.getTime() + 60_000) } }, include: { township: true } });
    expect(chinaToday(digest.takenAt)).toBe(chinaToday(new Date()));
    expect(content).toMatchObject({
      code: row.code, household: { archiveNo: h.archiveNo, headName: h.headName, village: h.village.name },
      purpose: "SCHOOL_ADMISSION", issuedOn: today, validUntil: addDays(today, row.settings!.extractValidityDays),
      counts: {
        activeYellows: await db.entry.count({ where: { householdId, category: "YELLOW", status: "CONFIRMED" } }),
        blacks: await db.entry.count({ where: { householdId, category: "BLACK", status: "CONFIRMED" } }),
      },
      score: { basis: "ALL_TIME", score: score.score, redMarks: score.redMarks, activeYellowMarks: score.activeYellowMarks, blackMarks: score.blackMarks },
      awards: awards.map((a) => a.year),
      digest: formatDigest({ townshipCode: digest.township.code, takenAt: digest.takenAt, digest: digest.digest }),
    });
    expect(content.period.to).toBe(today);
    expect(content.period.from <= h.registeredOn.toISOString().slice(0, 10)).toBe(true);
    expect(content.reds).toEqual(reds.map((r) => ({ occurredOn: r.occurredOn.toISOString().slice(0, 10), ruleCode: r.rule.code, ruleTitle: r.rule.title, marks: r.marks })));
    expect(content.reds.length).toBeGreaterThan(0);
    // Nothing but what is printed: no descriptions, no ids.
    expect(JSON.stringify(content)).not.toContain(householdId);
    for (const r of reds) expect(JSON.stringify(content)).not.toContain(r.description);

    expect(row).toMatchObject({ status: "ISSUED", keyId: content.keyId, settingsId: row.settings!.id });
    expect(issued.body.verificationUrl).toBe(`http://localhost:3000/verify/${row.code}?s=${row.jws!.split(".")[2]}`);
    const key = await callApi("GET", "/api/v1/public/extract-key", { as: null });
    expect(key.body.kid).toBe(content.keyId);
    expect(await db.auditLog.count({ where: { action: "extract.issue", targetId: id } })).toBe(1);

    // Issued once; and the database refuses to rewrite what it says.
    expect((await step(id, "issue", official)).status).toBe(409);
    await expect(db.archiveExtract.update({ where: { id }, data: { content: { ...content, counts: { activeYellows: content.counts.activeYellows + 1, blacks: 0 } } } })).rejects.toThrow();
    await expect(db.archiveExtract.delete({ where: { id } })).rejects.toThrow();

    // The signed file (电子版) for its household.
    const file = await fetchInProcess(new Request(`${ORIGIN}/api/v1/extracts/${id}/jws`, { headers: await callerHeaders(household) }));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(`extract-${row.code}.jws`);
    expect(await file.text()).toBe(row.jws);
  });

  it("lists the household's extracts for the household, its clerk and the township", async () => {
    for (const as of [household, clerk, official]) {
      const res = await callApi("GET", `/api/v1/households/${householdId}/extracts`, { as });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
    }
  });
});

describe("a clerk asks, the household consents or refuses", () => {
  it("waits for the household's consent before the township can issue", async () => {
    const created = await request(householdId, clerk, { purpose: "CIVIL_SERVICE" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: "AWAITING_CONSENT", requestedBy: { isHousehold: false } });
    const id = created.body.id;
    expect((await step(id, "issue", official)).status).toBe(409);
    const queue = await callApi("GET", "/api/v1/extracts?pageSize=200", { as: official });
    expect(queue.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await step(id, "consent", clerk)).status).toBe(403);
    const consented = await audited("extract.consent", () => step(id, "consent", household));
    expect(consented.body.status).toBe("REQUESTED");
    expect((await step(id, "consent", household)).status).toBe(409);
    expect((await step(id, "issue", official)).body.status).toBe("ISSUED");
  });

  it("ends as DECLINED when the household refuses", async () => {
    const id = await requested(clerk);
    const refusedByHousehold = await audited("extract.refuse", () => step(id, "refuse", household));
    expect(refusedByHousehold.body).toMatchObject({ status: "DECLINED", consentedAt: null });
    // Refusing is not consenting: who refused is in the audit record only.
    expect(await db.archiveExtract.findUniqueOrThrow({ where: { id }, select: { consentedById: true, consentedAt: true } }))
      .toEqual({ consentedById: null, consentedAt: null });
    expect((await step(id, "issue", official)).status).toBe(409);
  });

  it("asks for a note when the purpose is OTHER", async () => {
    const res = await request(householdId, household, { purpose: "OTHER" });
    expect(res.status).toBe(400);
    expect((await request(householdId, household, { purpose: "OTHER", purposeNote: "办理贷款" })).status).toBe(201);
  });
});

describe("declining and revoking take a reason", () => {
  it("declines a request", async () => {
    const id = await requested();
    expect((await step(id, "decline", official, {})).status).toBe(400);
    const declined = await audited("extract.decline", () => step(id, "decline", official, { reason: "档案正在复核" }));
    expect(declined.body).toMatchObject({ status: "DECLINED", declinedReason: "档案正在复核" });
  });

  it("revokes an issued extract, once", async () => {
    const id = await requested();
    await step(id, "issue", official);
    expect((await step(id, "revoke", official, { reason: "" })).status).toBe(400);
    const revoked = await audited("extract.revoke", () => step(id, "revoke", official, { reason: "发现记录有误，重新出具" }));
    expect(revoked.body).toMatchObject({ status: "REVOKED", revokedReason: "发现记录有误，重新出具" });
    expect((await step(id, "revoke", official, { reason: "再次撤销" })).status).toBe(409);
    // Revoked, the content it printed is still what was signed.
    expect(revoked.body.content).not.toBeNull();
    // And the revocation is final: the database refuses to undo, change or erase it.
    await expect(db.$executeRaw`UPDATE "ArchiveExtract" SET "status" = 'ISSUED', "revokedAt" = NULL, "revokedById" = NULL, "revokedReason" = NULL WHERE "id" = ${id}::uuid`)
      .rejects.toThrow(/revocation is final/);
    await expect(db.$executeRaw`UPDATE "ArchiveExtract" SET "status" = 'ISSUED' WHERE "id" = ${id}::uuid`).rejects.toThrow(/revocation is final/);
    await expect(db.archiveExtract.update({ where: { id }, data: { revokedReason: "改写理由" } })).rejects.toThrow();
    await expect(db.archiveExtract.update({ where: { id }, data: { revokedAt: null } })).rejects.toThrow();
    expect(await db.archiveExtract.findUniqueOrThrow({ where: { id }, select: { status: true, revokedReason: true } }))
      .toEqual({ status: "REVOKED", revokedReason: "发现记录有误，重新出具" });
  });

  it("refuses a revocation without who, when and why, even by a direct update", async () => {
    const id = await requested();
    await step(id, "issue", official);
    await expect(db.$executeRaw`UPDATE "ArchiveExtract" SET "status" = 'REVOKED' WHERE "id" = ${id}::uuid`).rejects.toThrow(/revocation is final/);
    await expect(db.archiveExtract.update({ where: { id }, data: { revokedReason: "先写理由" } })).rejects.toThrow();
    expect((await db.archiveExtract.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("ISSUED");
  });
});

describe("scope and recusal", () => {
  it("answers 404 to a household of another village", async () => {
    const { username } = await householdAccountFor("JS-YP-00001");
    const id = await requested();
    expect((await request(householdId, { username })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/households/${householdId}/extracts`, { as: { username } })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/extracts/${id}`, { as: { username } })).status).toBe(404);
    expect((await step(id, "consent", { username })).status).toBe(404);
  });

  it("answers 404 to a clerk of another village", async () => {
    const id = await requested();
    expect((await request(householdId, { username: "clerk-yangping" })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/extracts/${id}`, { as: { username: "clerk-yangping" } })).status).toBe(404);
  });

  it("answers 404 to an official of another township, whose queue does not show it", async () => {
    const id = await requested();
    const as = { username: other.officialUsername };
    expect((await step(id, "issue", as)).status).toBe(404);
    expect((await step(id, "decline", as, { reason: "不予出具" })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/extracts/${id}`, { as })).status).toBe(404);
    const queue = await callApi("GET", "/api/v1/extracts?pageSize=200", { as });
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(0);
    await step(id, "issue", official);
    expect((await step(id, "revoke", as, { reason: "撤销" })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/extracts/${id}/jws`, { as })).status).toBe(404);
  });

  it("refuses (403) a clerk asking for the household he lives in", async () => {
    const account = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
    let home = account.homeHouseholdId;
    if (!home) {
      // The seeded clerk lives elsewhere: give him a home in his village for this test.
      home = (await db.household.findFirstOrThrow({ where: { village: { code: "XH" }, archiveNo: { not: "JS-XH-00001" } }, select: { id: true } })).id;
      await db.account.update({ where: { username: "clerk-xinhua" }, data: { homeHouseholdId: home } });
    }
    const res = await request(home, clerk);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("回避");
    expect((await request(householdId, clerk)).status).toBe(201);
  });

  it("refuses roles without the permission", async () => {
    const id = await requested();
    expect((await request(householdId, official)).status).toBe(403);
    expect((await request(householdId, { username: "rep-xinhua-1" })).status).toBe(403);
    expect((await step(id, "issue", clerk)).status).toBe(403);
    expect((await step(id, "issue", household)).status).toBe(403);
    expect((await callApi("GET", "/api/v1/extracts", { as: clerk })).status).toBe(403);
    expect((await callApi("GET", "/api/v1/extracts", { as: null })).status).toBe(401);
  });
});
