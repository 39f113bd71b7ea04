import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday, dateToDay, dayAfter, dayToDate } from "@/lib/domain/entry-date";
import { quorumOf } from "@/lib/domain/vote-rules";
import { db } from "@/lib/server/db";
import { closeRuleSetVote } from "@/lib/server/rule-sets/close-rule-set-vote";
import { callApi, type Caller } from "../helpers/api-client";
import { actorOf, testContext } from "../helpers/review-village";
import { codes, type FieldError } from "../helpers/error-details";

// Village rules (issue 8 point 5): a clerk drafts, the representative assembly votes (quorum two
// thirds of the roster, majority of those attending), adoption supersedes the previous version
// from the effective date. Every write leaves exactly one audit record; every refusal nothing.

const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const otherRep = { username: "rep-yangping-1" };
const official = { username: "official" };
const household = { username: "JS-XH-00001" };

let xinhuaId: string;
let reps: { id: string; username: string }[];
let today: string;
let yesterday: string;
let tomorrow: string;
let inTwoDays: string;
let promoted: { id: string; username: string };

const api = (method: string, path: string, as: Caller, body?: unknown) => callApi(method, `/api/v1${path}`, { as, body });
const asRep = (i: number) => ({ username: reps[i]!.username });

/** Everything a refusal must leave as it was. */
async function snapshot() {
  const [sets, rules, votes, ballots, audit] = await Promise.all([
    db.ruleSet.findMany({ where: { villageId: xinhuaId }, orderBy: { version: "asc" }, select: { id: true, status: true, title: true, consultation: true, effectiveFrom: true, effectiveTo: true } }),
    db.rule.findMany({ where: { ruleSet: { villageId: xinhuaId } }, orderBy: { id: "asc" } }),
    db.ruleSetVote.findMany({ where: { ruleSet: { villageId: xinhuaId } }, orderBy: { id: "asc" } }),
    db.ruleSetBallot.count(),
    db.auditLog.count(),
  ]);
  return { sets, rules, votes, ballots, audit };
}

/** Calls, expects the status and the error code, and that nothing changed. */
async function refused(method: string, path: string, as: Caller, body: unknown, status: number, code?: string) {
  const before = await snapshot();
  const res = await api(method, path, as, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (code) expect(res.body.error.code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return res.body.error as { code: string; message: string; details?: FieldError[] };
}

/** Calls, expects the status and exactly one new audit record, with this action. */
async function audited(action: string, method: string, path: string, as: Caller, body: unknown, status: number) {
  const before = await db.auditLog.count();
  const res = await api(method, path, as, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(await db.auditLog.count()).toBe(before + 1);
  const last = await db.auditLog.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { action: true, villageId: true } });
  expect(last).toEqual({ action, villageId: xinhuaId });
  return res.body;
}

const draft = (title: string) => audited("ruleSet.draft", "POST", `/villages/${xinhuaId}/rule-sets`, clerk, { title }, 201);
const openVote = (id: string, effectiveFrom = tomorrow) =>
  audited("ruleSet.openVote", "POST", `/rule-sets/${id}/vote`, clerk, { meetingDate: today, effectiveFrom }, 200);
const vote = (id: string, i: number, decision: string) => audited("ruleSet.ballot", "POST", `/rule-sets/${id}/ballots`, asRep(i), { decision }, 201);

async function recordEntry(ruleId: string, occurredOn: string) {
  const { homeHouseholdId } = await db.account.findUniqueOrThrow({ where: { username: clerk.username }, select: { homeHouseholdId: true } });
  const target = await db.household.findFirstOrThrow({
    where: { villageId: xinhuaId, status: "ACTIVE", ...(homeHouseholdId ? { id: { not: homeHouseholdId } } : {}), registeredOn: { lt: dayToDate(yesterday) } }, select: { id: true },
  });
  return api("POST", "/entries", clerk, { idempotencyKey: randomUUID(), householdId: target.id, ruleId, occurredOn, description: "义务清扫村部前坪一天" });
}

beforeAll(async () => {
  xinhuaId = (await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } })).id;
  reps = await db.account.findMany({ where: { villageId: xinhuaId, role: "REPRESENTATIVE", active: true }, orderBy: { username: "asc" }, select: { id: true, username: true } });
  today = chinaToday(new Date());
  yesterday = dateToDay(new Date(dayToDate(today).getTime() - 86_400_000));
  tomorrow = dayAfter(today);
  inTwoDays = dayAfter(tomorrow);
  expect(reps.length).toBeGreaterThanOrEqual(3);
  // A clerk of the village, made a representative once a vote has opened.
  const { townshipId } = await db.village.findUniqueOrThrow({ where: { id: xinhuaId }, select: { townshipId: true } });
  promoted = await db.account.create({
    data: { username: `clerk-later-rep-${randomUUID().slice(0, 6)}`, displayName: "后任代表", role: "CLERK", townshipId, villageId: xinhuaId },
    select: { id: true, username: true },
  });
});

describe("the demo village rules", () => {
  it("gives each village its own rules, and 汉丰村 a second version adopted by a recorded vote", async () => {
    const ruleTexts = async (code: string) => (await db.rule.findMany({ where: { ruleSet: { village: { code }, status: "ADOPTED" } }, select: { description: true } }))
      .map((r) => r.description).join("\n");
    expect(await ruleTexts("YP")).toContain("养鸡鸭100只以上或生猪5头以上，记红榜1次");
    expect(await ruleTexts("YP")).toContain("子女考取硕士、博士研究生，记红榜2次");
    expect(await ruleTexts("YP")).toContain("义务打扫公共区域一天，记红榜1次");
    expect(await ruleTexts("HF")).toContain("拾到一袋油菜籽或手机");

    const hanfeng = await db.ruleSet.findMany({
      where: { village: { code: "HF" } }, orderBy: { version: "asc" },
      select: { status: true, effectiveFrom: true, effectiveTo: true, _count: { select: { rules: true } }, votes: { select: { passed: true, attendees: true, representativesTotal: true, _count: { select: { ballots: true } } } } },
    });
    expect(hanfeng.map((s) => s.status)).toEqual(["SUPERSEDED", "ADOPTED"]);
    expect(hanfeng[0]!.effectiveTo).toEqual(hanfeng[1]!.effectiveFrom);
    expect(hanfeng[1]!._count.rules).toBe(hanfeng[0]!._count.rules + 2);
    const vote = hanfeng[1]!.votes[0]!;
    expect(vote).toMatchObject({ passed: true, attendees: vote._count.ballots });
    expect((vote.attendees ?? 0) * 3).toBeGreaterThanOrEqual(vote.representativesTotal * 2);
  });

  it("has every seeded entry cite a rule of the version in force on the day it occurred", async () => {
    const outOfForce = await db.$queryRaw<{ id: string }[]>`
      SELECT e.id FROM "Entry" e JOIN "Rule" r ON r.id = e."ruleId" JOIN "RuleSet" s ON s.id = r."ruleSetId"
      WHERE s."villageId" <> e."villageId" OR s.status NOT IN ('ADOPTED', 'SUPERSEDED') OR s."effectiveFrom" > e."occurredOn"
         OR (s."effectiveTo" IS NOT NULL AND s."effectiveTo" <= e."occurredOn")`;
    expect(outOfForce).toEqual([]);
    // Both of 汉丰村's versions are cited, each within its own days.
    const cited = await db.entry.groupBy({ by: ["ruleId"], where: { village: { code: "HF" } }, _count: true });
    const versions = await db.rule.findMany({ where: { id: { in: cited.map((c) => c.ruleId) } }, select: { ruleSet: { select: { version: true } } } });
    expect(new Set(versions.map((r) => r.ruleSet.version))).toEqual(new Set([1, 2]));
  });
});

describe("a rule set adopted by the representative assembly", () => {
  it("drafts from the current version, edits the draft, and supersedes the previous version from the effective date", async () => {
    const v1 = await db.ruleSet.findFirstOrThrow({ where: { villageId: xinhuaId, status: "ADOPTED" }, select: { id: true, version: true, rules: { select: { id: true, code: true } } } });
    const listed = await api("GET", `/villages/${xinhuaId}/rule-sets`, clerk);
    expect(listed.body).toMatchObject({ page: 1, total: 1, items: [{ id: v1.id, status: "ADOPTED", inForceToday: true, effectiveTo: null }] });
    expect(listed.body.items[0].tally.passed).toBe(true);

    const v2 = await draft("新花村家庭文明档案评议细则（第2版）");
    expect(v2).toMatchObject({ version: v1.version + 1, status: "DRAFT", inForceToday: false, vote: null, draftedBy: { displayName: expect.any(String) } });
    expect(v2.rules.map((r: { code: string }) => r.code).sort()).toEqual(v1.rules.map((r) => r.code).sort());
    expect((await refused("POST", `/villages/${xinhuaId}/rule-sets`, clerk, { title: "又一个草稿" }, 409, "CONFLICT")).message).toContain(`第${v2.version}版`);

    const path = `/rule-sets/${v2.id}`;
    await audited("ruleSet.update", "PATCH", path, clerk, { consultation: "召开院落会12场、村民小组会议6场，入户走访80户。" }, 200);
    const added = await audited("rule.add", "POST", `${path}/rules`, clerk, { code: "r90", category: "RED", title: "调解邻里纠纷", description: "主动调解邻里矛盾并化解，记红榜2次", marks: 2 }, 201);
    expect(added).toMatchObject({ code: "R90", marks: 2, evidenceHint: null });
    await refused("POST", `${path}/rules`, clerk, { code: "R90", category: "RED", title: "重复", description: "重复" }, 409, "CONFLICT");
    await refused("POST", `${path}/rules`, clerk, { code: "R91", category: "RED", title: "太多", description: "太多", marks: 11 }, 400, "INVALID_INPUT");
    await audited("rule.update", "PATCH", `/rules/${added.id}`, clerk, { evidenceHint: "村调解委员会记录" }, 200);
    const dropped = v2.rules.find((r: { category: string }) => r.category === "YELLOW");
    await audited("rule.remove", "DELETE", `/rules/${dropped.id}`, clerk, undefined, 204);

    await refused("POST", `${path}/vote`, clerk, { meetingDate: yesterday, effectiveFrom: yesterday }, 422, "RULE_VIOLATION");
    await refused("POST", `${path}/vote`, clerk, { meetingDate: today, effectiveFrom: yesterday }, 400, "INVALID_INPUT");
    // Not even today: the new rules would reach back to what was recorded this morning.
    expect(codes((await refused("POST", `${path}/vote`, clerk, { meetingDate: today, effectiveFrom: today }, 422, "RULE_VIOLATION")).details))
      .toEqual({ effectiveFrom: "validation.effectiveFromNotAfterToday" });
    const voting = await openVote(v2.id);
    expect(voting).toMatchObject({ status: "VOTING", effectiveFrom: tomorrow, vote: { meetingDate: today, representativesTotal: reps.length, ballots: 0, quorum: quorumOf(reps.length), tally: null } });

    // The text is frozen once it is put to the vote.
    for (const [method, target, body] of [
      ["PATCH", path, { title: "改个名字" }], ["POST", `${path}/rules`, { code: "R92", category: "RED", title: "新增", description: "新增" }],
      ["PATCH", `/rules/${added.id}`, { marks: 3 }], ["DELETE", `/rules/${added.id}`, undefined], ["POST", `${path}/vote`, { meetingDate: today, effectiveFrom: tomorrow }],
    ] as const) {
      expect((await refused(method, target, clerk, body, 422, "RULE_VIOLATION")).message).toContain("已提交村民代表会议表决");
    }

    // Short of a quorum: one ballot short of two thirds, and the answer says how many more.
    const quorum = quorumOf(reps.length);
    for (let i = 0; i < quorum - 1; i++) await vote(v2.id, i, "APPROVE");
    await refused("POST", `${path}/ballots`, asRep(0), { decision: "REJECT" }, 409, "CONFLICT");
    await refused("POST", `${path}/paper-ballots`, clerk, { representativeId: reps[0]!.id, decision: "REJECT" }, 409, "CONFLICT");
    const short = await refused("POST", `${path}/vote/close`, clerk, undefined, 422, "RULE_VIOLATION");
    expect(short.message).toContain("还需要至少 1 人");

    // The last needed ballot comes from the paper record, entered by the clerk.
    const paper = await audited("ruleSet.paperBallot", "POST", `${path}/paper-ballots`, clerk, { representativeId: reps[quorum - 1]!.id, decision: "APPROVE" }, 201);
    expect(paper.vote.representatives.find((r: { id: string }) => r.id === reps[quorum - 1]!.id)).toMatchObject({ voted: true, paper: true });
    expect(await db.ruleSetBallot.findFirstOrThrow({ where: { representativeId: reps[quorum - 1]!.id, vote: { ruleSetId: v2.id } }, select: { enteredById: true } }))
      .toEqual({ enteredById: (await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true } })).id });

    const closed = await audited("ruleSet.closeVote", "POST", `${path}/vote/close`, clerk, undefined, 200);
    expect(closed).toMatchObject({
      status: "ADOPTED", effectiveFrom: tomorrow, effectiveTo: null, inForceToday: false,
      vote: { tally: { attendees: quorum, approve: quorum, reject: 0, abstain: 0, passed: true }, closedAt: expect.any(String) },
    });
    expect(await db.ruleSet.findUniqueOrThrow({ where: { id: v1.id }, select: { status: true, effectiveTo: true } }))
      .toEqual({ status: "SUPERSEDED", effectiveTo: dayToDate(tomorrow) });

    // The rules in force change on the effective date, and entries must cite the rules of their day.
    const rulesOn = (date: string) => api("GET", `/villages/${xinhuaId}/rules?date=${date}`, clerk);
    expect((await rulesOn(today)).body.ruleSet.id).toBe(v1.id);
    expect((await rulesOn(tomorrow)).body.ruleSet.id).toBe(v2.id);
    const tomorrowsRules = (await rulesOn(tomorrow)).body;
    expect((tomorrowsRules.items ?? tomorrowsRules.rules).map((r: { code: string }) => r.code)).toContain("R90");
    const before = await snapshot();
    const early = await recordEntry(added.id, today);
    expect(early.status).toBe(422);
    expect(codes(early.body.error.details)).toEqual({ ruleId: "errors.ruleNotInForce" });
    expect(await snapshot()).toEqual(before);
    const oldRule = v1.rules.find((r) => r.code === "R03")!;
    expect((await recordEntry(oldRule.id, today)).status).toBe(201);

    // Adopted versions are read-only; the vote is over.
    for (const [method, target, body] of [
      ["PATCH", path, { title: "改个名字" }], ["POST", `${path}/rules`, { code: "R92", category: "RED", title: "新增", description: "新增" }],
      ["PATCH", `/rules/${added.id}`, { marks: 3 }], ["DELETE", `/rules/${added.id}`, undefined],
      ["PATCH", `/rules/${oldRule.id}`, { marks: 3 }],
    ] as const) {
      expect((await refused(method, target, clerk, body, 422, "RULE_VIOLATION")).message).toContain("已经村民代表会议表决通过");
    }
    await refused("POST", `${path}/ballots`, asRep(quorum), { decision: "REJECT" }, 422, "RULE_VIOLATION");
    await refused("POST", `${path}/vote/close`, clerk, undefined, 422, "RULE_VIOLATION");

    const after = await api("GET", `/villages/${xinhuaId}/rule-sets`, official);
    expect(after.body.items.map((s: { id: string; status: string; inForceToday: boolean }) => [s.id, s.status, s.inForceToday]))
      .toEqual([[v2.id, "ADOPTED", false], [v1.id, "SUPERSEDED", true]]);
    const pub = await api("GET", `/public/villages/${xinhuaId}/rules`, null);
    expect(pub.status).toBe(200);
    // Adopted today, the new version is announced and in force from tomorrow.
    expect(pub.body.ruleSet).toMatchObject({ version: v1.version, adoption: { passed: true } });
    expect(pub.body.upcoming).toEqual({ version: v2.version, effectiveFrom: tomorrow });
    expect(pub.body.rules.map((r: { category: string }) => r.category)).toEqual([...pub.body.rules.map((r: { category: string }) => r.category)].sort((a: string, b: string) => ["RED", "YELLOW", "BLACK"].indexOf(a) - ["RED", "YELLOW", "BLACK"].indexOf(b)));
    expect(JSON.stringify(pub.body)).not.toMatch(/rep-xinhua|representativeId/);
  });
});

describe("a rule set rejected by the representative assembly", () => {
  it("needs more than half of those attending: a tie is rejected, read-only, and the rules in force stay", async () => {
    const inForce = await db.ruleSet.findFirstOrThrow({ where: { villageId: xinhuaId, status: "ADOPTED" }, select: { id: true } });
    const v3 = await draft("新花村家庭文明档案评议细则（第3版）");
    // A later version can only take over after the one just adopted began.
    await refused("POST", `/rule-sets/${v3.id}/vote`, clerk, { meetingDate: today, effectiveFrom: tomorrow }, 422, "RULE_VIOLATION");
    await openVote(v3.id, inTwoDays);
    // Someone who becomes a representative after the vote opened is not on its roster.
    const late = await db.account.create({ data: { username: `rep-late-${randomUUID().slice(0, 6)}`, displayName: "新代表", role: "REPRESENTATIVE", townshipId: (await db.village.findUniqueOrThrow({ where: { id: xinhuaId }, select: { townshipId: true } })).townshipId, villageId: xinhuaId, passwordHash: (await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { passwordHash: true } })).passwordHash } });
    await refused("POST", `/rule-sets/${v3.id}/paper-ballots`, clerk, { representativeId: late.id, decision: "APPROVE" }, 422, "RULE_VIOLATION");
    const quorum = quorumOf(reps.length);
    const attending = quorum % 2 === 0 ? quorum : quorum + 1;
    for (let i = 0; i < attending; i++) await vote(v3.id, i, i % 2 === 0 ? "APPROVE" : "REJECT");
    const closed = await audited("ruleSet.closeVote", "POST", `/rule-sets/${v3.id}/vote/close`, clerk, undefined, 200);
    expect(closed).toMatchObject({ status: "REJECTED", inForceToday: false, vote: { representativesTotal: reps.length, tally: { attendees: attending, approve: attending / 2, passed: false } } });
    expect(await db.ruleSet.findUniqueOrThrow({ where: { id: inForce.id }, select: { status: true, effectiveTo: true } })).toEqual({ status: "ADOPTED", effectiveTo: null });
    expect((await refused("PATCH", `/rule-sets/${v3.id}`, clerk, { title: "再改" }, 422, "RULE_VIOLATION")).message).toContain("未获村民代表会议通过");
    // Rejected, it no longer blocks the next draft.
    expect((await draft("新花村家庭文明档案评议细则（第4版）")).version).toBe(v3.version + 1);
  });
});

describe("who may do what", () => {
  it("refuses other villages (404), the wrong role (403) and anonymous callers (401)", async () => {
    const open = await db.ruleSet.findFirstOrThrow({ where: { villageId: xinhuaId, status: "DRAFT" }, select: { id: true, rules: { take: 1, select: { id: true } } } });
    await openVote(open.id, inTwoDays);
    await refused("POST", `/rule-sets/${open.id}/ballots`, otherRep, { decision: "APPROVE" }, 404, "NOT_FOUND");
    await refused("GET", `/rule-sets/${open.id}`, otherRep, undefined, 404, "NOT_FOUND");
    await refused("GET", `/villages/${xinhuaId}/rule-sets`, otherClerk, undefined, 404, "NOT_FOUND");
    await refused("POST", `/rule-sets/${open.id}/vote/close`, otherClerk, undefined, 404, "NOT_FOUND");
    await refused("POST", `/rule-sets/${open.id}/paper-ballots`, otherClerk, { representativeId: reps[0]!.id, decision: "APPROVE" }, 404, "NOT_FOUND");
    // A representative of the village still cannot enter paper ballots or close; a clerk cannot vote.
    await refused("POST", `/rule-sets/${open.id}/paper-ballots`, asRep(0), { representativeId: reps[1]!.id, decision: "APPROVE" }, 403, "FORBIDDEN");
    await refused("POST", `/rule-sets/${open.id}/vote/close`, asRep(0), undefined, 403, "FORBIDDEN");
    await refused("POST", `/rule-sets/${open.id}/ballots`, clerk, { decision: "APPROVE" }, 403, "FORBIDDEN");
    await refused("GET", `/rule-sets/${open.id}`, household, undefined, 403, "FORBIDDEN");
    await refused("POST", `/rule-sets/${open.id}/ballots`, null, { decision: "APPROVE" }, 401, "UNAUTHENTICATED");
    // A paper ballot for someone who is not a representative of the village.
    const yangpingRep = await db.account.findUniqueOrThrow({ where: { username: "rep-yangping-1" }, select: { id: true } });
    expect(codes((await refused("POST", `/rule-sets/${open.id}/paper-ballots`, clerk, { representativeId: yangpingRep.id, decision: "APPROVE" }, 422)).details))
      .toEqual({ representativeId: "validation.notOnRuleSetRoster" });
    // The public page knows no inactive or unknown village.
    await refused("GET", `/public/villages/${randomUUID()}/rules`, null, undefined, 404, "NOT_FOUND");
    const mine = await api("GET", `/rule-sets/${open.id}`, asRep(0));
    expect(mine.body.vote).toMatchObject({ myBallot: null, ballots: 0 });
    await vote(open.id, 0, "ABSTAIN");
    expect((await api("GET", `/rule-sets/${open.id}`, asRep(0))).body.vote.myBallot).toMatchObject({ decision: "ABSTAIN", paper: false });
    expect((await api("GET", `/rule-sets/${open.id}`, clerk)).body.vote.myBallot).toBeNull();
  });
});

describe("the roster frozen when the vote opened, and the first day in force", () => {
  it("admits exactly the representatives of the opening, whatever became of their accounts, and never takes effect on the closing day", async () => {
    const open = await db.ruleSet.findFirstOrThrow({ where: { villageId: xinhuaId, status: "VOTING" }, select: { id: true, effectiveFrom: true } });
    expect(dateToDay(open.effectiveFrom!)).toBe(inTwoDays);
    const path = `/rule-sets/${open.id}`;
    const gone = reps.at(-1)!;
    await db.account.update({ where: { id: promoted.id }, data: { role: "REPRESENTATIVE" } });
    await db.account.update({ where: { id: gone.id }, data: { active: false } });

    // Made a representative after the opening: neither their phone nor a paper ballot counts.
    expect(codes((await refused("POST", `${path}/paper-ballots`, clerk, { representativeId: promoted.id, decision: "APPROVE" }, 422, "RULE_VIOLATION")).details))
      .toEqual({ representativeId: "validation.notOnRuleSetRoster" });
    await refused("POST", `${path}/ballots`, { username: promoted.username }, { decision: "APPROVE" }, 422, "RULE_VIOLATION");
    // So the page offers them no ballot (mayVote false), while a representative of the opening who has not voted yet may vote.
    const seenByPromoted = await api("GET", path, { username: promoted.username });
    expect(seenByPromoted.status, JSON.stringify(seenByPromoted.body)).toBe(200);
    expect(seenByPromoted.body.vote).toMatchObject({ mayVote: false, myBallot: null });
    expect((await api("GET", path, asRep(1))).body.vote).toMatchObject({ mayVote: true, myBallot: null });
    expect((await api("GET", path, clerk)).body.vote.mayVote).toBe(false);
    // Deactivated after the opening: still on the roster, so the clerk enters their paper ballot.
    await audited("ruleSet.paperBallot", "POST", `${path}/paper-ballots`, clerk, { representativeId: gone.id, decision: "APPROVE" }, 201);
    const shown = (await api("GET", path, clerk)).body.vote;
    const listed = shown.representatives.map((r: { id: string }) => r.id);
    expect(listed).toHaveLength(shown.representativesTotal);
    expect(listed).toContain(gone.id);
    expect(listed).not.toContain(promoted.id);
    expect(shown.ballots).toBe(2);

    const quorum = quorumOf(shown.representativesTotal);
    for (let i = 1; i <= quorum - 2; i++) await vote(open.id, i, "APPROVE");
    // Closed on its proposed day (the China date), it takes effect the day after.
    const closed = await closeRuleSetVote(await actorOf(clerk.username), open.id, testContext, new Date(`${inTwoDays}T04:00:00Z`));
    expect(closed).toMatchObject({ status: "ADOPTED", effectiveFrom: dayAfter(inTwoDays) });
  });
});
