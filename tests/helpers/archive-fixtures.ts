// Fixtures for the archive, rectification and appeal tests: fresh entries recorded through the
// API, confirmed or rejected by a real quarterly review, and "nothing changed" snapshots.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { verifyChain } from "@/lib/domain/hash-chain";
import { quarterEnd, type Quarter } from "@/lib/domain/quarter";
import { entryChainSelect, eventChainSelect, householdLinks } from "@/lib/server/chain/chain-records";
import { db } from "@/lib/server/db";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { closeReview } from "@/lib/server/reviews/close-review";
import { openReview } from "@/lib/server/reviews/open-review";
import { callApi, type Caller } from "./api-client";
import { actorOf, testContext } from "./review-village";
import type { FieldError } from "./error-details";

export type Category = "RED" | "YELLOW" | "BLACK";

export const today = () => chinaToday(new Date());

/** The id of a rule of the village's adopted rule set, of the category. */
export async function ruleOf(villageCode: string, category: Category): Promise<string> {
  const rule = await db.rule.findFirstOrThrow({
    where: { ruleSet: { village: { code: villageCode }, status: "ADOPTED" }, category }, orderBy: { code: "asc" }, select: { id: true },
  });
  return rule.id;
}

/** Records a PENDING entry of the category, dated today, as a clerk of the household's village. */
export async function recordEntry(householdId: string, category: Category, clerk = "clerk-xinhua", villageCode = "XH"): Promise<string> {
  const legal = category === "BLACK" ? { legalAuthority: "石门县公安局", legalDocumentNo: "石公（交）行罚决字〔2026〕7号" } : {};
  const res = await callApi("POST", "/api/v1/entries", {
    as: { username: clerk },
    body: { idempotencyKey: randomUUID(), householdId, ruleId: await ruleOf(villageCode, category), occurredOn: today(), description: "测试记录", ...legal },
  });
  if (res.status !== 201) throw new Error(`could not record: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const nextQuarter = ({ year, quarter }: Quarter): Quarter => (quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter["quarter"] });
const quarterKey = (q: { year: number; quarter: number }) => q.year * 10 + q.quarter;

/**
 * Decides entries of one village the way the app does: the village's clerk opens the review of
 * the first quarter (from the entries' latest) that has none yet, with the clock set to the day
 * after that quarter ends; every representative of the roster votes "approve all except" the
 * entries to reject; the clerk closes it. Other PENDING entries of the village up to that
 * quarter are put to the same review and approved. Returns the review's id.
 */
export async function decideByReview(confirm: string[], reject: string[] = []): Promise<string> {
  const entries = await db.entry.findMany({ where: { id: { in: [...confirm, ...reject] } }, select: { villageId: true, year: true, quarter: true } });
  const villageId = entries[0]?.villageId;
  if (!villageId || entries.some((e) => e.villageId !== villageId)) throw new Error("decideByReview takes entries of one village");
  const taken = new Set((await db.quarterlyReview.findMany({ where: { villageId }, select: { year: true, quarter: true } })).map(quarterKey));
  let q = entries.map((e) => ({ year: e.year, quarter: e.quarter }) as Quarter).sort((a, b) => quarterKey(b) - quarterKey(a))[0]!;
  while (taken.has(quarterKey(q))) q = nextQuarter(q);
  const now = new Date(quarterEnd(q).getTime() + 26 * 3_600_000); // 10:00 in China, the day after the quarter ends

  const clerk = await db.account.findFirstOrThrow({ where: { villageId, role: "CLERK", active: true }, orderBy: { username: "asc" }, select: { username: true } });
  const clerkActor = await actorOf(clerk.username);
  const review = await openReview(clerkActor, villageId, q, testContext, now);
  const roster = await db.reviewRosterMember.findMany({ where: { reviewId: review.id }, select: { homeHouseholdId: true, representative: { select: { username: true } } } });
  const rejected = await db.entry.findMany({ where: { id: { in: reject } }, select: { id: true, householdId: true } });
  for (const member of roster) {
    // Recusal: nobody objects to an entry of their own household (they are not counted for it).
    const exceptions = rejected.filter((e) => e.householdId !== member.homeHouseholdId)
      .map((e) => ({ entryId: e.id, decision: "REJECT" as const, reason: "测试：不同意" }));
    await castBallot(await actorOf(member.representative.username), review.id, { defaultDecision: "APPROVE", exceptions }, testContext);
  }
  await closeReview(clerkActor, review.id, { meetingDate: chinaToday(now), minutes: "测试会议记录" }, testContext, now);
  return review.id;
}

/** Confirms an entry through a real quarterly review (see decideByReview). */
export async function confirmEntry(entryId: string): Promise<void> {
  await decideByReview([entryId]);
}

export async function recordConfirmed(householdId: string, category: Category): Promise<string> {
  const id = await recordEntry(householdId, category);
  await confirmEntry(id);
  return id;
}

export const counts = async () => ({
  entries: await db.entry.count(), events: await db.entryEvent.count(), rectifications: await db.rectification.count(),
  appeals: await db.appeal.count(), audit: await db.auditLog.count(), photos: await db.evidencePhoto.count({ where: { entryId: null, rectificationId: null } }),
  statuses: await db.entry.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
  open: {
    rectifications: await db.rectification.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
    appeals: await db.appeal.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } }),
  },
});

/** Runs a refused request and checks that nothing at all was written. */
export async function refused(method: string, path: string, as: Caller, body: unknown, status: number) {
  const before = await counts();
  const res = await callApi(method, path, { as, body });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBeTypeOf("string");
  expect(await counts()).toEqual(before);
  return res.body.error as { code: string; message: string; details?: FieldError[] };
}

/** Runs a write and checks it left exactly one audit record, of the action. */
export async function audited<T>(action: string, write: () => Promise<T>): Promise<T> {
  const latest = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const result = await write();
  const added = await db.auditLog.findMany({ where: { id: { gt: latest?.id ?? 0n } }, select: { action: true } });
  expect(added.map((a) => a.action)).toEqual([action]);
  return result;
}

export async function expectChainIntact(householdId: string): Promise<void> {
  const [row, entries, events] = await Promise.all([
    db.household.findUniqueOrThrow({ where: { id: householdId }, select: { chainLength: true, chainHead: true } }),
    db.entry.findMany({ where: { householdId }, select: entryChainSelect }),
    db.entryEvent.findMany({ where: { householdId }, select: eventChainSelect }),
  ]);
  const links = householdLinks(entries, events);
  expect(links).toHaveLength(row.chainLength);
  expect(verifyChain(links, row.chainHead)).toBeNull();
}

/** A household account for a household that has none, so that "another household" can be tested. */
export async function householdAccountFor(archiveNo: string): Promise<{ username: string; householdId: string }> {
  const household = await db.household.findUniqueOrThrow({ where: { archiveNo }, select: { id: true, villageId: true, headName: true, village: { select: { townshipId: true } } } });
  const existing = await db.account.findFirst({ where: { householdId: household.id }, select: { username: true } });
  if (existing) return { username: existing.username, householdId: household.id };
  const { passwordHash } = await db.account.findUniqueOrThrow({ where: { username: "JS-XH-00001" }, select: { passwordHash: true } });
  await db.account.create({
    data: {
      username: archiveNo, displayName: household.headName, role: "HOUSEHOLD", townshipId: household.village.townshipId,
      villageId: household.villageId, householdId: household.id, passwordHash,
    },
  });
  return { username: archiveNo, householdId: household.id };
}

/** A new household of 新花村 with an account and nothing in its archive yet. */
export async function freshHousehold(serial: number): Promise<{ username: string; householdId: string }> {
  const village = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  const archiveNo = `JS-XH-${String(serial).padStart(5, "0")}`;
  await db.household.create({
    data: { villageId: village.id, archiveNo, headName: "新户主", headInitials: "xhz", address: "新花村9组", registeredOn: new Date("2015-01-01") },
    select: { id: true },
  });
  return householdAccountFor(archiveNo);
}

export const archiveOf = async (householdId: string, as: Caller = { username: "clerk-xinhua" }) => {
  const res = await callApi("GET", `/api/v1/households/${householdId}/archive`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
