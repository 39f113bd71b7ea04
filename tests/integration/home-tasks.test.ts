import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { quarterOf } from "@/lib/domain/quarter";
import type { Actor } from "@/lib/server/authz";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { listOpenAppeals } from "@/lib/server/appeals/list-open-appeals";
import { db } from "@/lib/server/db";
import { changeExtract } from "@/lib/server/extracts/transitions";
import { requestExtract } from "@/lib/server/extracts/request-extract";
import { loadArchiveSection } from "@/lib/server/archive/load-archive-section";
import { countTownshipTasks } from "@/lib/server/home/count-township-tasks";
import { countVillageTasks } from "@/lib/server/home/count-village-tasks";
import { householdTasksOf } from "@/lib/server/home/household-tasks";
import { loadHouseholdHome } from "@/lib/server/home/load-household-home";
import { loadReviewOverview } from "@/lib/server/home/load-review-overview";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { openReview } from "@/lib/server/reviews/open-review";
import { castRuleSetBallot } from "@/lib/server/rule-sets/cast-rule-set-ballot";
import { draftRuleSet } from "@/lib/server/rule-sets/draft-rule-set";
import { openRuleSetVote } from "@/lib/server/rule-sets/open-rule-set-vote";
import { getSelection } from "@/lib/server/selection/get-selection";
import { nominate } from "@/lib/server/selection/nominate";
import { createOtherTownship } from "../helpers/other-township";
import { actorOf, createReviewVillage, recordVillageEntry, testContext as ctx, type ReviewVillage } from "../helpers/review-village";

// What the home pages count (lib/server/home/*-tasks.ts), reached through the real use cases on
// villages of their own, and refused or out of scope where the policy says so.

const now = new Date();
const today = chinaToday(now);
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error) => error);
/** The open appeals the appeal list shows the actor (where a task links): how many, and the age of the oldest. */
async function appealList(actor: Actor) {
  const { total, items } = await listOpenAppeals(actor, { status: "OPEN", page: 1, pageSize: 1 });
  return { total, oldestDays: items[0]?.ageDays ?? null };
}

/** The household's own sign-in (plain row, as the other test helpers make accounts). */
async function householdActor(v: ReviewVillage, index: number): Promise<Actor> {
  const householdId = v.households[index]!;
  const username = `${v.code}-home-${index}`;
  await db.account.create({
    data: { username, displayName: `户主${index + 1}`, role: "HOUSEHOLD", townshipId: v.townshipId, villageId: v.villageId, householdId },
    select: { id: true },
  });
  return actorOf(username);
}

/** Two days after today: the rule-set vote's meeting and effective date. */
const inTwoDays = () => new Date(dayToDate(today).getTime() + 2 * 86_400_000).toISOString().slice(0, 10);

describe("a village's tasks", () => {
  it("count for the clerk what waits in the village, and for a representative only the votes left to cast", async () => {
    const v = await createReviewVillage({ code: "HA", representatives: 3, households: 8 });
    const [clerk, rep1, rep2] = [v.clerk, v.reps[0]!, v.reps[1]!];
    const before = await countVillageTasks(clerk, v.villageId, now);
    expect(before).toMatchObject({
      quarter: quarterOf(dayToDate(today)), pendingThisQuarter: 0, rectificationsRequested: 0,
      openAppeals: { total: 0, oldestDays: null }, extractsAwaitingConsent: 0, openRuleSet: null, ruleSetVotes: null,
    });

    // Two yellows this quarter (one to rectify, one to appeal: a red is never appealed), and a red of
    // an earlier quarter that does not count.
    const yellow = await recordVillageEntry(v, 4, "YELLOW", today);
    await recordVillageEntry(v, 5, "YELLOW", today);
    await recordVillageEntry(v, 6, "RED", "2025-03-10");
    await requestRectification(clerk, yellow, { note: "已整改到位", evidenceIds: [] }, ctx);
    const household = await householdActor(v, 5);
    const disputed = await db.entry.findFirstOrThrow({ where: { householdId: v.households[5]! }, select: { id: true } });
    await lodgeAppeal(household, disputed.id, { reason: "这件事不是我家做的" }, ctx);
    await requestExtract(clerk, v.households[6]!, { purpose: "SCHOOL_ADMISSION" }, ctx);
    const draft = await draftRuleSet(clerk, v.villageId, { title: "第二版细则" }, ctx);

    const after = await countVillageTasks(clerk, v.villageId, now);
    expect(after).toMatchObject({
      pendingThisQuarter: 2, rectificationsRequested: 1, openAppeals: { total: 1, oldestDays: 0 }, extractsAwaitingConsent: 1,
      openRuleSet: { id: draft.id, version: 2, status: "DRAFT", vote: null }, ruleSetVotes: null,
    });
    expect(after.openAppeals).toEqual(await appealList(clerk));

    // A representative sees none of the council's work; a vote appears until they have cast it.
    expect(await countVillageTasks(rep1, v.villageId, now)).toMatchObject({
      pendingThisQuarter: null, rectificationsRequested: null, openAppeals: null, extractsAwaitingConsent: null, openRuleSet: null, ruleSetVotes: [],
    });
    await openRuleSetVote(clerk, draft.id, { meetingDate: inTwoDays(), effectiveFrom: inTwoDays() }, ctx);
    const votes = (await countVillageTasks(rep1, v.villageId, now)).ruleSetVotes;
    expect(votes).toEqual([{ ruleSetId: draft.id, version: 2, title: "第二版细则", meetingDate: inTwoDays() }]);
    await castRuleSetBallot(rep1, draft.id, { decision: "APPROVE" }, ctx);
    expect((await countVillageTasks(rep1, v.villageId, now)).ruleSetVotes).toEqual([]);
    expect((await countVillageTasks(rep2, v.villageId, now)).ruleSetVotes).toHaveLength(1);
    expect((await countVillageTasks(clerk, v.villageId, now)).openRuleSet).toMatchObject({
      status: "VOTING", vote: { meetingDate: inTwoDays(), ballots: 1, roster: 3 },
    });

    // A representative appointed after the vote opened is not on its roster: nothing to cast.
    const late = await db.account.create({
      data: { username: "rep-ha-late", displayName: "新代表", role: "REPRESENTATIVE", townshipId: v.townshipId, villageId: v.villageId },
      select: { username: true },
    });
    expect((await countVillageTasks(await actorOf(late.username), v.villageId, now)).ruleSetVotes).toEqual([]);
  });

  it("are refused to a household and another village's staff", async () => {
    const v = await createReviewVillage({ code: "HB", representatives: 3 });
    const household = await householdActor(v, 4);
    expect(await failure(countVillageTasks(household, v.villageId, now))).toMatchObject({ code: "FORBIDDEN" });
    const otherClerk = await actorOf("clerk-xinhua");
    expect(await failure(countVillageTasks(otherClerk, v.villageId, now))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("an open review on a representative's home", () => {
  it("counts the entries awaiting their ballot, leaving out their own household's, until they have voted", async () => {
    const v = await createReviewVillage({ code: "HE", representatives: 3 });
    // rep 1 lives in household 0 (tests/helpers/review-village.ts).
    await recordVillageEntry(v, 0, "RED", "2026-08-15");
    await recordVillageEntry(v, 4, "RED", "2026-08-16");
    await recordVillageEntry(v, 5, "YELLOW", "2026-09-01");
    const review = await openReview(v.clerk, v.villageId, { year: 2026, quarter: 3 }, ctx);
    const mine = async (rep: Actor) => (await loadReviewOverview(rep, { status: "OPEN", page: 1, pageSize: 20 })).items.find((r) => r.id === review.id);
    expect(await mine(v.reps[0]!)).toMatchObject({ entries: 3, awaitingMyVote: 2, myBallotCastAt: null });
    expect(await mine(v.reps[1]!)).toMatchObject({ awaitingMyVote: 3 });
    await castBallot(v.reps[1]!, review.id, { defaultDecision: "APPROVE", exceptions: [] }, ctx);
    expect(await mine(v.reps[1]!)).toMatchObject({ awaitingMyVote: 0, myBallotCastAt: expect.any(String) });
  });
});

describe("a household's tasks", () => {
  // What the household's home shows, and what a reader of its archive section would see there.
  const tasksOn = async (household: Actor) => (await loadHouseholdHome(household)).tasks;
  const tasksAs = async (actor: Actor, householdId: string) => householdTasksOf(await loadArchiveSection(actor, householdId));

  it("show a council's extract request awaiting consent, what is being handled and what may be done", async () => {
    const v = await createReviewVillage({ code: "HC", representatives: 3, households: 8 });
    const household = await householdActor(v, 4);
    const id = v.households[4]!;
    const empty = await tasksOn(household);
    expect(empty).toEqual({
      extractsAwaitingConsent: 0, extractsRequested: 0,
      openAppeals: { count: 0, firstEntryId: null }, openRectifications: { count: 0, firstEntryId: null },
      rectifiableYellows: { count: 0, firstEntryId: null },
      may: { rectify: true, appeal: true, requestExtract: true },
    });

    const [yellow1, yellow2] = [await recordVillageEntry(v, 4, "YELLOW", today), await recordVillageEntry(v, 4, "YELLOW", today)];
    const black = await recordVillageEntry(v, 4, "BLACK", today);
    const asked = await requestExtract(v.clerk, id, { purpose: "CIVIL_SERVICE" }, ctx);
    expect(await tasksOn(household)).toMatchObject({ extractsAwaitingConsent: 1, rectifiableYellows: { count: 2 } });

    await requestRectification(household, yellow1, { note: "已经清理干净", evidenceIds: [] }, ctx);
    await lodgeAppeal(household, black, { reason: "处罚决定已经撤销" }, ctx);
    await changeExtract(household, asked.id, "consent", {}, ctx);
    expect(await tasksOn(household)).toMatchObject({
      extractsAwaitingConsent: 0, extractsRequested: 1,
      openAppeals: { count: 1, firstEntryId: black }, openRectifications: { count: 1, firstEntryId: yellow1 },
      // A yellow with a request open is not offered again.
      rectifiableYellows: { count: 1, firstEntryId: yellow2 },
    });

    // Another household of the village learns nothing of it; the village's clerk may read it.
    const neighbour = await householdActor(v, 5);
    expect(await failure(tasksAs(neighbour, id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await tasksAs(v.clerk, id)).extractsRequested).toBe(1);
  });

  it("are not found by staff outside the household's village or township, who read their own households", async () => {
    const v = await createReviewVillage({ code: "HG", representatives: 3 });
    await recordVillageEntry(v, 4, "YELLOW", today);
    const id = v.households[4]!;
    const otherClerk = await actorOf("clerk-xinhua");
    const other = await createOtherTownship("HS");
    const otherOfficial = await actorOf(other.officialUsername);
    for (const outsider of [otherClerk, otherOfficial]) {
      expect(await failure(tasksAs(outsider, id)), outsider.username).toMatchObject({ code: "NOT_FOUND" });
    }
    // The same readers, each on a household in their scope; and this household's own clerk and township.
    const home = otherClerk.homeHouseholdId;
    const xinhua = await db.household.findFirstOrThrow({
      where: { village: { code: "XH", townshipId: v.townshipId }, ...(home && { id: { not: home } }) }, select: { id: true },
    });
    expect((await tasksAs(otherClerk, xinhua.id)).may).toEqual({ rectify: true, appeal: false, requestExtract: true });
    expect((await tasksAs(otherOfficial, other.householdId)).rectifiableYellows).toEqual({ count: 0, firstEntryId: null });
    for (const insider of [v.clerk, await actorOf("official")]) {
      expect((await tasksAs(insider, id)).rectifiableYellows.count, insider.username).toBe(1);
    }
  });
});

describe("the township's tasks", () => {
  it("count requested extracts, open appeals as the appeal list does, and nominations once the year's decisions are open", async () => {
    const [official, admin] = [await actorOf("official"), await actorOf("admin")];
    const { townshipId } = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { townshipId: true } });
    // An appeal open in another township: the official's list leaves it out, an administrator's has it.
    await createOtherTownship("HU");
    const elsewhere = await createReviewVillage({ code: "HF", representatives: 3, township: "HU" });
    await lodgeAppeal(await householdActor(elsewhere, 4), await recordVillageEntry(elsewhere, 4, "BLACK", today), { reason: "不是我家的事" }, ctx);
    const before = await countTownshipTasks(official, townshipId, now);
    const asAdmin = await countTownshipTasks(admin, townshipId, now);
    expect(before.openAppeals).toEqual(await appealList(official));
    expect(asAdmin.openAppeals).toEqual(await appealList(admin));
    expect(asAdmin.openAppeals!.total).toBeGreaterThan(before.openAppeals!.total);

    const v = await createReviewVillage({ code: "HD", representatives: 3, households: 8 });
    const household = await householdActor(v, 4);
    await requestExtract(household, v.households[4]!, { purpose: "SCHOOL_ADMISSION" }, ctx);
    await lodgeAppeal(household, await recordVillageEntry(v, 4, "YELLOW", today), { reason: "不是我家的事" }, ctx);
    const after = await countTownshipTasks(official, townshipId, now);
    expect(after.extractsRequested).toBe((before.extractsRequested ?? 0) + 1);
    expect(after.openAppeals?.total).toBe((before.openAppeals?.total ?? 0) + 1);
    expect(after.openAppeals).toEqual(await appealList(official));

    // A nomination of 2026 waits for a decision only from 1 January 2027 (selection/season.ts).
    const clerk = await actorOf("clerk-yangping");
    const nominatedOn = new Date("2026-12-02T02:00:00Z");
    const candidates = await getSelection(clerk, { year: 2026, filter: "candidates", page: 1, pageSize: 1 }, nominatedOn);
    expect(candidates.items.length, "a household of 杨坪 eligible in 2026 and not nominated yet").toBe(1);
    await nominate(clerk, { householdId: candidates.items[0]!.household.id, year: 2026, note: "热心公益" }, ctx, nominatedOn);
    const count2026 = (tasks: Awaited<ReturnType<typeof countTownshipTasks>>) => tasks.nominationsToDecide?.find((n) => n.year === 2026)?.count ?? 0;
    expect(count2026(await countTownshipTasks(official, townshipId, nominatedOn))).toBe(0);
    expect(count2026(await countTownshipTasks(official, townshipId, new Date("2027-01-02T02:00:00Z")))).toBe(1);
  });

  it("gives each role only what it acts on, and is refused outside the township", async () => {
    const { townshipId } = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { townshipId: true } });
    // An administrator watches the appeals but neither issues extracts nor decides awards.
    expect(await countTownshipTasks(await actorOf("admin"), townshipId, now)).toMatchObject({ extractsRequested: null, nominationsToDecide: null });
    expect(await failure(countTownshipTasks(await actorOf("clerk-xinhua"), townshipId, now))).toMatchObject({ code: "FORBIDDEN" });
    const other = await createOtherTownship("HT");
    expect(await failure(countTownshipTasks(await actorOf(other.officialUsername), townshipId, now))).toMatchObject({ code: "NOT_FOUND" });
  });
});
