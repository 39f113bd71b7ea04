import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { nominate } from "@/lib/server/selection/nominate";
import { decideNomination } from "@/lib/server/selection/decide-nomination";
import { getSelection } from "@/lib/server/selection/get-selection";
import { loadSelectionPage } from "@/lib/server/selection/load-selection-page";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";
import { callApi } from "../helpers/api-client";
import { audited, decideByReview, freshHousehold, type Category } from "../helpers/archive-fixtures";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";
import { actorOf, testContext } from "../helpers/review-village";

// Civilized-family selection (issue 9 point 5) on the seeded township, every state reached
// through the real use cases: entries recorded by the clerk, confirmed by a quarterly review,
// rectified through a request the clerk approves. The year judged is 2025, a past year whose
// season opened on 2025-12-01 and whose decisions opened on 2026-01-01; the seasons are also
// tested with `now`.

const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const official = { username: "official" };
const YEAR = 2025;

/** Records a PENDING entry of 新花村 dated `day`, under the rule of the category in force that day. */
async function recordOn(householdId: string, category: Category, day: string): Promise<string> {
  const date = new Date(`${day}T00:00:00Z`);
  const rule = await db.rule.findFirstOrThrow({
    where: {
      category, ruleSet: { village: { code: "XH" }, status: { in: ["ADOPTED", "SUPERSEDED"] }, effectiveFrom: { lte: date }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: date } }] },
    },
    orderBy: { code: "asc" }, select: { id: true },
  });
  const legal = category === "BLACK" ? { legalAuthority: "石门县公安局", legalDocumentNo: "石公（交）行罚决字〔2025〕9号" } : {};
  const res = await callApi("POST", "/api/v1/entries", {
    as: clerk, body: { idempotencyKey: randomUUID(), householdId, ruleId: rule.id, occurredOn: day, description: `测试${category}`, ...legal },
  });
  if (res.status !== 201) throw new Error(`could not record: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A rectification of the yellow requested by the clerk and approved by the other clerk of the village. */
async function rectify(entryId: string): Promise<void> {
  const requested = await callApi("POST", `/api/v1/entries/${entryId}/rectifications`, { as: clerk, body: { note: "已经整改到位" } });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  const decided = await callApi("POST", `/api/v1/rectifications/${requested.body.id}/decision`, { as: { username: "clerk-xinhua-2" }, body: { decision: "APPROVE" } });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
}

const selectionOf = async (householdId: string, year = YEAR, as = clerk) => {
  const { archiveNo } = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { archiveNo: true } });
  const res = await callApi("GET", `/api/v1/selection?year=${year}&q=${archiveNo}`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const item = res.body.items.find((i: { household: { id: string } }) => i.household.id === householdId);
  expect(item).toBeDefined();
  return item;
};
const nominateApi = (householdId: string, as = clerk, body: Record<string, unknown> = {}) =>
  callApi("POST", "/api/v1/selection/nominations", { as, body: { householdId, year: YEAR, note: "积极参加村里公益劳动", ...body } });
const decideApi = (awardId: string, body: unknown, as = official) => callApi("POST", `/api/v1/nominations/${awardId}/decision`, { as, body });
const withdrawApi = (awardId: string, body: unknown, as = clerk) => callApi("POST", `/api/v1/nominations/${awardId}/withdraw`, { as, body });
const withdrawAwardApi = (awardId: string, body: unknown, as = official) => callApi("POST", `/api/v1/nominations/${awardId}/withdraw-award`, { as, body });
const statusOf = async (awardId: string) => (await db.civilizedFamilyAward.findUniqueOrThrow({ where: { id: awardId }, select: { status: true } })).status;

const names = [
  "eligible", "black", "yellow", "tooFew", "rectifiedBeforeReview", "rectifiedAfterYearEnd", "lateBlack", "spare",
  "withdrawnFirst", "race", "pending", "awardedThenBlack", "movedOut",
] as const;
type Households = Record<(typeof names)[number], string>;
let h: Households;
let accounts: Households; // the household accounts' usernames
let other: OtherTownship;

beforeAll(async () => {
  const fresh = await Promise.all(names.map(async (name, i) => [name, await freshHousehold(91_000 + i)] as const));
  h = Object.fromEntries(fresh.map(([name, f]) => [name, f.householdId])) as Households;
  accounts = Object.fromEntries(fresh.map(([name, f]) => [name, f.username])) as Households;
  const confirm = [
    await recordOn(h.eligible, "RED", "2025-03-12"),
    await recordOn(h.black, "RED", "2025-04-02"), await recordOn(h.black, "BLACK", "2025-08-20"),
    await recordOn(h.yellow, "RED", "2025-05-06"), await recordOn(h.yellow, "YELLOW", "2025-10-08"),
    await recordOn(h.rectifiedBeforeReview, "RED", "2025-06-01"),
    await recordOn(h.rectifiedAfterYearEnd, "RED", "2025-06-03"), await recordOn(h.rectifiedAfterYearEnd, "YELLOW", "2025-11-11"),
    await recordOn(h.lateBlack, "RED", "2025-02-14"),
    await recordOn(h.spare, "RED", "2025-02-15"),
    await recordOn(h.withdrawnFirst, "RED", "2025-03-01"),
    await recordOn(h.race, "RED", "2025-03-02"),
    await recordOn(h.pending, "RED", "2025-03-03"),
    await recordOn(h.awardedThenBlack, "RED", "2025-03-04"),
    await recordOn(h.movedOut, "RED", "2025-03-05"),
  ];
  // A yellow corrected before the representatives reviewed it never counted.
  const early = await recordOn(h.rectifiedBeforeReview, "YELLOW", "2025-07-07");
  await rectify(early);
  // The representatives reject the only red of this one: it never counts.
  const rejected = await recordOn(h.tooFew, "RED", "2025-09-09");
  await decideByReview(confirm, [rejected]);
  // Confirmed in 2025, rectified only now (December 2026): still unrectified at the end of 2025.
  const late = await db.entry.findFirstOrThrow({ where: { householdId: h.rectifiedAfterYearEnd, category: "YELLOW" }, select: { id: true } });
  await rectify(late.id);
  other = await createOtherTownship();
}, 240_000);

describe("eligibility for a past year, from the maintained rows", () => {
  it("an eligible household: no black, no unrectified yellow, enough reds", async () => {
    const item = await selectionOf(h.eligible);
    expect(item).toMatchObject({ eligible: true, reasons: [], counts: { redMarks: 1, blackMarks: 0, unrectifiedYellows: 0 }, civilizedMinReds: 1 });
    expect(item.actions).toEqual({ nominate: true, withdraw: false, decide: false, withdrawAward: false });
    expect(item).toMatchObject({ pendingEntries: 0, needsReview: false, award: null });
  });

  it("a confirmed black in the year", async () => {
    const item = await selectionOf(h.black);
    expect(item.eligible).toBe(false);
    expect(item.reasons).toEqual([{ code: "HAS_BLACK", count: expect.any(Number) }]);
    expect(item.reasons[0].count).toBeGreaterThan(0);
    expect(item.actions.nominate).toBe(false);
  });

  it("a confirmed yellow unrectified at year end", async () => {
    expect((await selectionOf(h.yellow)).reasons).toEqual([{ code: "UNRECTIFIED_YELLOW", count: 1 }]);
  });

  it("too few confirmed reds (a rejected red does not count; a household without a row has zeros)", async () => {
    expect((await selectionOf(h.tooFew)).reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
    const empty = (await freshHousehold(91_100)).householdId;
    expect((await selectionOf(empty)).reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
  });

  it("a yellow rectified before its review does not count", async () => {
    const item = await selectionOf(h.rectifiedBeforeReview);
    expect(item).toMatchObject({ eligible: true, reasons: [], counts: { unrectifiedYellows: 0 } });
  });

  it("a yellow rectified after the year end counts for that year, not for the next", async () => {
    expect((await selectionOf(h.rectifiedAfterYearEnd)).reasons).toEqual([{ code: "UNRECTIFIED_YELLOW", count: 1 }]);
    const thisYear = await selectionOf(h.rectifiedAfterYearEnd, 2026);
    expect(thisYear.reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
  });

  it("filters by eligibility and searches within the clerk's village only", async () => {
    const eligible = await callApi("GET", `/api/v1/selection?year=${YEAR}&filter=eligible&q=JS-XH-910&pageSize=200`, { as: clerk });
    const ids = eligible.body.items.map((i: { household: { id: string } }) => i.household.id);
    expect(ids).toEqual(expect.arrayContaining([h.eligible, h.rectifiedBeforeReview, h.lateBlack, h.spare]));
    expect(ids).not.toContain(h.black);
    const ineligible = await callApi("GET", `/api/v1/selection?year=${YEAR}&filter=ineligible&q=JS-XH-910&pageSize=200`, { as: clerk });
    expect(ineligible.body.items.map((i: { household: { id: string } }) => i.household.id))
      .toEqual(expect.arrayContaining([h.black, h.yellow, h.tooFew, h.rectifiedAfterYearEnd]));
    expect(ineligible.body.items.every((i: { eligible: boolean }) => !i.eligible)).toBe(true);
    expect(eligible.body.summary.households).toBeGreaterThan(eligible.body.total);
    const other = await callApi("GET", `/api/v1/selection?year=${YEAR}&q=JS-XH-910`, { as: otherClerk });
    expect(other.body.items).toEqual([]);
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    expect((await callApi("GET", `/api/v1/selection?year=${YEAR}&villageId=${xinhua.id}`, { as: otherClerk })).status).toBe(404);
  });

  it("a household no longer ACTIVE is eligible but no candidate, and cannot be nominated", async () => {
    await setHouseholdStatus(await actorOf("clerk-xinhua"), h.movedOut, { status: "MOVED_OUT", reason: "全家迁往县城" }, testContext);
    expect(await selectionOf(h.movedOut)).toMatchObject({ eligible: true, reasons: [], actions: { nominate: false } });
    const ids = async (filter: string) => {
      const res = await callApi("GET", `/api/v1/selection?year=${YEAR}&filter=${filter}&q=JS-XH-910&pageSize=200`, { as: clerk });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i: { household: { id: string } }) => i.household.id);
    };
    expect(await ids("eligible")).toContain(h.movedOut);
    const candidates = await ids("candidates");
    expect(candidates).toEqual(expect.arrayContaining([h.eligible, h.spare])); // ACTIVE, eligible and not nominated yet
    expect(candidates).not.toContain(h.movedOut);
    const refused = await nominateApi(h.movedOut);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe("RULE_VIOLATION");
  });

  it("a year before the township's first settings is judged by its first settings", async () => {
    const first = await db.townshipSettings.findFirstOrThrow({ where: { township: { villages: { some: { code: "XH" } } } }, orderBy: { effectiveFrom: "asc" } });
    expect(first.effectiveFrom.getUTCFullYear()).toBeGreaterThan(2001);
    const res = await callApi("GET", "/api/v1/selection?year=2001&pageSize=1", { as: clerk });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0]).toMatchObject({ civilizedMinReds: first.civilizedMinReds, eligible: false });
  });
});

describe("nominations and decisions", () => {
  it("a clerk nominates an eligible household with a note; once per household and year", async () => {
    const res = await audited("award.nominate", () => nominateApi(h.eligible));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: "NOMINATED", year: YEAR, note: "积极参加村里公益劳动", household: { id: h.eligible } });
    expect((await nominateApi(h.eligible)).status).toBe(409);
    const item = await selectionOf(h.eligible, YEAR, official);
    expect(item.actions).toEqual({ nominate: false, withdraw: false, decide: true, withdrawAward: false });
  });

  it("refuses an ineligible household with the reasons and their numbers (422)", async () => {
    const res = await nominateApi(h.yellow);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "RULE_VIOLATION", message: "这户不符合2025年度文明家庭条件：年底有1条黄榜没有整改销号；不能推荐或评定。" });
    const black = await nominateApi(h.black);
    expect(black.status).toBe(422);
    expect(black.body.error.code).toBe("RULE_VIOLATION");
    expect(black.body.error.message).toMatch(/^这户不符合2025年度文明家庭条件：当年有\d+个黑榜；不能推荐或评定。$/);
    expect(await db.civilizedFamilyAward.count({ where: { householdId: { in: [h.yellow, h.black] } } })).toBe(0);
  });

  it("needs a note (400), the household's own village (404) and never the clerk's own household (403)", async () => {
    expect((await nominateApi(h.spare, clerk, { note: "" })).status).toBe(400);
    expect((await nominateApi(h.spare, otherClerk)).status).toBe(404);
    const home = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
    expect(home.homeHouseholdId).toBeTruthy();
    const own = await nominateApi(home.homeHouseholdId!);
    expect(own.status).toBe(403);
    expect((await nominateApi(h.spare, official)).status).toBe(403);
  });

  it("is closed before 1 December of the year (422)", async () => {
    const actor = await actorOf("clerk-xinhua");
    await expect(nominate(actor, { householdId: h.spare, year: 2026, note: "测试" }, testContext, new Date("2026-11-20T04:00:00Z")))
      .rejects.toMatchObject({ code: "RULE_VIOLATION", message: "selection.errors.notOpen", values: { year: 2026, opensOn: "2026-12-01" } });
    // 30 November, 23:30 in China is still November there.
    await expect(nominate(actor, { householdId: h.spare, year: 2025, note: "测试" }, testContext, new Date("2025-11-30T15:30:00Z")))
      .rejects.toMatchObject({ code: "RULE_VIOLATION", message: "selection.errors.notOpen" });
    const future = await nominateApi(h.spare, clerk, { year: 2027 });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: "RULE_VIOLATION", message: "2027年度文明家庭评选从2027-12-01开始，现在还不能推荐或评定。" });
  });

  it("an official awards; the settings and assessment are stored and the household sees the award", async () => {
    const award = await db.civilizedFamilyAward.findUniqueOrThrow({ where: { householdId_year: { householdId: h.eligible, year: YEAR } }, select: { id: true } });
    expect((await decideApi(award.id, { decision: "AWARD" }, { username: other.officialUsername })).status).toBe(404);
    expect((await decideApi(award.id, { decision: "AWARD" }, clerk)).status).toBe(403);
    const res = await audited("award.award", () => decideApi(award.id, { decision: "AWARD" }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: "AWARDED", decidedBy: expect.any(String),
      assessment: { redMarks: 1, activeYellowMarks: 0, blackMarks: 0, unrectifiedYellows: 0, civilizedMinReds: 1, reasons: [] },
    });
    const row = await db.civilizedFamilyAward.findUniqueOrThrow({ where: { id: award.id }, select: { settingsId: true } });
    expect(row.settingsId).toBeTruthy();
    const again = await decideApi(award.id, { decision: "DECLINE", reason: "重复处理" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "CONFLICT", message: "这项推荐已经处理过了，请刷新页面查看。" });
    const archive = await callApi("GET", `/api/v1/households/${h.eligible}/archive`, { as: { username: accounts.eligible } });
    expect(archive.status).toBe(200);
    expect(archive.body.awards).toEqual([{ id: award.id, year: YEAR, status: "AWARDED", nominatedOn: expect.any(String), decidedOn: expect.any(String), reason: null }]);
    expect((await selectionOf(h.eligible)).award.status).toBe("AWARDED");
  });

  it("declining needs a reason (400); with one, the nomination is declined", async () => {
    const nominated = await nominateApi(h.rectifiedBeforeReview);
    expect(nominated.status).toBe(201);
    expect((await decideApi(nominated.body.id, { decision: "DECLINE" })).status).toBe(400);
    const res = await audited("award.decline", () => decideApi(nominated.body.id, { decision: "DECLINE", reason: "名额有限，明年再评" }));
    expect(res.body).toMatchObject({ status: "DECLINED", decisionReason: "名额有限，明年再评" });
  });

  it("the household sees its nomination declined, with the reason, in its archive", async () => {
    const archive = await callApi("GET", `/api/v1/households/${h.rectifiedBeforeReview}/archive`, { as: { username: accounts.rectifiedBeforeReview } });
    expect(archive.status, JSON.stringify(archive.body)).toBe(200);
    expect(archive.body.awards).toEqual([
      { id: expect.any(String), year: YEAR, status: "DECLINED", nominatedOn: expect.any(String), decidedOn: expect.any(String), reason: "名额有限，明年再评" },
    ]);
    // Another household does not see it.
    expect((await callApi("GET", `/api/v1/households/${h.rectifiedBeforeReview}/archive`, { as: { username: accounts.eligible } })).status).toBe(404);
  });

  it("a household with an entry of the year awaiting review is not awarded (422) until it is reviewed", async () => {
    const nominated = await nominateApi(h.pending);
    expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
    await recordOn(h.pending, "RED", "2025-12-28"); // PENDING until the next review
    expect((await selectionOf(h.pending, YEAR, official)).pendingEntries).toBe(1);
    const res = await decideApi(nominated.body.id, { decision: "AWARD" });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "RULE_VIOLATION", message: "该户2025年还有待评议的记录，评议后再评定" });
    expect(await statusOf(nominated.body.id)).toBe("NOMINATED");
  });

  it("an award stands while the row qualifies (awarded before a later black)", async () => {
    const nominated = await nominateApi(h.awardedThenBlack);
    expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
    expect((await decideApi(nominated.body.id, { decision: "AWARD" })).status).toBe(200);
    const item = await selectionOf(h.awardedThenBlack, YEAR, official);
    expect(item).toMatchObject({ needsReview: false, actions: { withdrawAward: true, decide: false } });
    expect((await selectionOf(h.awardedThenBlack)).actions.withdrawAward).toBe(false);
  });

  it("an award is judged again at the decision: a black confirmed after the nomination refuses it (422)", async () => {
    const nominated = await nominateApi(h.lateBlack);
    expect(nominated.status).toBe(201);
    // The same review confirms a black of 2025 for a family awarded meanwhile (and h.pending's red).
    await decideByReview([await recordOn(h.lateBlack, "BLACK", "2025-12-20"), await recordOn(h.awardedThenBlack, "BLACK", "2025-12-27")]);
    const res = await decideApi(nominated.body.id, { decision: "AWARD" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("RULE_VIOLATION");
    expect(res.body.error.message).toMatch(/^这户不符合2025年度文明家庭条件：当年有1个黑榜；不能推荐或评定。$/);
    expect((await db.civilizedFamilyAward.findUniqueOrThrow({ where: { id: nominated.body.id }, select: { status: true } })).status).toBe("NOMINATED");
  }, 120_000);

  it("a clerk of the village withdraws with a reason while undecided, and may nominate again", async () => {
    const nominated = await nominateApi(h.spare);
    expect(nominated.status).toBe(201);
    const path = `/api/v1/nominations/${nominated.body.id}/withdraw`;
    expect((await callApi("POST", path, { as: otherClerk, body: { reason: "误报" } })).status).toBe(404);
    expect((await callApi("POST", path, { as: clerk, body: {} })).status).toBe(400);
    const res = await audited("award.withdraw", () => callApi("POST", path, { as: clerk, body: { reason: "材料不全，补齐后再报" } }));
    expect(res.body).toMatchObject({ status: "WITHDRAWN", decisionReason: "材料不全，补齐后再报" });
    const twice = await callApi("POST", path, { as: clerk, body: { reason: "再撤一次" } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe("这项推荐已经处理过了，请刷新页面查看。");
    const seen = await callApi("GET", `/api/v1/households/${h.spare}/archive`, { as: { username: accounts.spare } });
    expect(seen.body.awards).toEqual([expect.objectContaining({ status: "WITHDRAWN", reason: "材料不全，补齐后再报" })]);
    const again = await nominateApi(h.spare, clerk, { note: "材料已补齐" });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: nominated.body.id, status: "NOMINATED", note: "材料已补齐", decisionReason: null });
  });

  it("no decision before the year has ended in China (422), though nominations are open", async () => {
    const award = await db.civilizedFamilyAward.findUniqueOrThrow({ where: { householdId_year: { householdId: h.spare, year: YEAR } }, select: { id: true } });
    const actor = await actorOf("official");
    for (const now of ["2025-11-30T04:00:00Z", "2025-12-15T04:00:00Z", "2025-12-31T15:30:00Z"]) { // the last: 23:30 on 31 December in China
      for (const decision of [{ decision: "AWARD" as const }, { decision: "DECLINE" as const, reason: "年度未结束" }]) {
        await expect(decideNomination(actor, award.id, decision, testContext, new Date(now)))
          .rejects.toMatchObject({ code: "RULE_VIOLATION", message: "selection.errors.yearNotEnded", values: { year: YEAR, opensOn: "2026-01-01" } });
      }
    }
    expect(await statusOf(award.id)).toBe("NOMINATED");
    const december = await getSelection(actor, { year: YEAR, q: "JS-XH-91007" }, new Date("2025-12-15T04:00:00Z"));
    expect(december).toMatchObject({ open: true, decisionsOpen: false, decisionsOpenOn: "2026-01-01" });
    expect(december.items[0]!.actions.decide).toBe(false);
    const january = await getSelection(actor, { year: YEAR, q: "JS-XH-91007" }, new Date("2025-12-31T16:30:00Z")); // 00:30 on 1 January in China
    expect(january).toMatchObject({ open: true, decisionsOpen: true });
    expect(january.items[0]!.actions.decide).toBe(true);
  });
});

describe("a withdrawal and a decision on the same nomination", () => {
  it("withdrawn first, then decided: the decision is refused (409) and the withdrawal stands", async () => {
    const nominated = await nominateApi(h.withdrawnFirst);
    expect(nominated.status).toBe(201);
    expect((await withdrawApi(nominated.body.id, { reason: "户主要求撤回" })).status).toBe(200);
    for (const body of [{ decision: "AWARD" }, { decision: "DECLINE", reason: "不予评定" }]) {
      const res = await decideApi(nominated.body.id, body);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: "CONFLICT", message: "这项推荐已经处理过了，请刷新页面查看。" });
    }
    expect(await db.civilizedFamilyAward.findUniqueOrThrow({ where: { id: nominated.body.id }, select: { status: true, decisionReason: true } }))
      .toEqual({ status: "WITHDRAWN", decisionReason: "户主要求撤回" });
  });

  it("at the same moment: exactly one wins and the record says which", async () => {
    const nominated = await nominateApi(h.race);
    expect(nominated.status).toBe(201);
    const [withdrawn, decided] = await Promise.all([
      withdrawApi(nominated.body.id, { reason: "同时撤回" }), decideApi(nominated.body.id, { decision: "AWARD" }),
    ]);
    expect([withdrawn.status, decided.status].sort()).toEqual([200, 409]);
    expect(await statusOf(nominated.body.id)).toBe(withdrawn.status === 200 ? "WITHDRAWN" : "AWARDED");
    const audits = await db.auditLog.count({ where: { targetId: nominated.body.id, action: { in: ["award.withdraw", "award.award"] } } });
    expect(audits).toBe(1);
  });
});

describe("an award whose year changed afterwards", () => {
  it("is flagged for review when its row no longer qualifies", async () => {
    const item = await selectionOf(h.awardedThenBlack, YEAR, official);
    expect(item).toMatchObject({ eligible: false, needsReview: true, award: { status: "AWARDED" } });
    expect(item.reasons).toEqual([{ code: "HAS_BLACK", count: 1 }]);
    const review = await callApi("GET", `/api/v1/selection?year=${YEAR}&filter=review&q=JS-XH-910&pageSize=200`, { as: official });
    expect(review.body.items.map((i: { household: { id: string } }) => i.household.id)).toEqual([h.awardedThenBlack]);
    expect((await selectionOf(h.eligible, YEAR, official)).needsReview).toBe(false);
  });

  it("an official withdraws the award with a reason; the household sees it and why", async () => {
    const award = await db.civilizedFamilyAward.findUniqueOrThrow({ where: { householdId_year: { householdId: h.awardedThenBlack, year: YEAR } }, select: { id: true } });
    expect((await withdrawAwardApi(award.id, { reason: "误撤" }, clerk)).status).toBe(403);
    expect((await withdrawAwardApi(award.id, { reason: "误撤" }, { username: other.officialUsername })).status).toBe(404);
    expect((await withdrawAwardApi(award.id, {})).status).toBe(400);
    const res = await audited("award.withdrawAward", () => withdrawAwardApi(award.id, { reason: "2025年12月有黑榜，经复核撤销称号" }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: award.id, status: "WITHDRAWN", decisionReason: "2025年12月有黑榜，经复核撤销称号" });
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: award.id, action: "award.withdrawAward" }, select: { before: true, after: true } });
    expect(log.before).toMatchObject({ status: "AWARDED", year: YEAR });
    expect(log.after).toMatchObject({ status: "WITHDRAWN", reason: "2025年12月有黑榜，经复核撤销称号" });
    const twice = await withdrawAwardApi(award.id, { reason: "再撤一次" });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "CONFLICT", message: "这户现在不是文明家庭，不能撤销，请刷新页面查看。" });
    // A nomination not awarded cannot be "withdrawn as an award".
    const pending = await db.civilizedFamilyAward.findUniqueOrThrow({ where: { householdId_year: { householdId: h.pending, year: YEAR } }, select: { id: true } });
    expect((await withdrawAwardApi(pending.id, { reason: "测试" })).status).toBe(409);
    expect(await statusOf(pending.id)).toBe("NOMINATED");
    const item = await selectionOf(h.awardedThenBlack, YEAR, official);
    expect(item).toMatchObject({ needsReview: false, award: { status: "WITHDRAWN" }, actions: { withdrawAward: false, nominate: false } });
    const archive = await callApi("GET", `/api/v1/households/${h.awardedThenBlack}/archive`, { as: { username: accounts.awardedThenBlack } });
    expect(archive.body.awards).toEqual([expect.objectContaining({ year: YEAR, status: "WITHDRAWN", reason: "2025年12月有黑榜，经复核撤销称号" })]);
  });
});

describe("the selection page's queue of nominations", () => {
  it("has its own pages, reaching every nomination, and the summary is counted once for the page", async () => {
    const actor = await actorOf("official");
    const nominated = await db.civilizedFamilyAward.findMany({
      where: { year: YEAR, status: "NOMINATED", townshipId: actor.townshipId! }, orderBy: { household: { archiveNo: "asc" } }, select: { householdId: true },
    });
    expect(nominated.length).toBeGreaterThanOrEqual(2);
    const asked = { year: YEAR, filter: "all" as const, q: "", page: 1, pageSize: 30 };
    const pages = [];
    for (let queuePage = 1; queuePage <= nominated.length; queuePage++) {
      const data = await loadSelectionPage(actor, { ...asked, queuePage }, new Date(), 1);
      expect(data.nominations).toMatchObject({ page: queuePage, pageSize: 1, total: nominated.length });
      expect(data.nominations!.items.every((i) => i.award?.status === "NOMINATED" && i.actions.decide)).toBe(true);
      expect(data.nominations).not.toHaveProperty("summary");
      pages.push(...data.nominations!.items.map((i) => i.household.id));
    }
    expect(pages).toEqual(nominated.map((n) => n.householdId));
    // A page past the end (its last nominations just decided) shows the last page.
    const beyond = await loadSelectionPage(actor, { ...asked, queuePage: nominated.length + 5 }, new Date(), 1);
    expect(beyond.nominations).toMatchObject({ page: nominated.length, total: nominated.length });
    expect(beyond.nominations!.items.map((i) => i.household.id)).toEqual([nominated.at(-1)!.householdId]);
    // The list's summary is the whole township's, as the API answers it.
    const api = await getSelection(actor, { year: YEAR, page: 1, pageSize: 1 });
    expect(beyond.list.summary).toEqual(api.summary);
    expect(beyond.list.summary.nominated).toBe(nominated.length);
    // A clerk has no queue.
    expect((await loadSelectionPage(await actorOf("clerk-xinhua"), asked)).nominations).toBeNull();
  });
});
