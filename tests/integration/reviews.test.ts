import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { setAccountActive } from "@/lib/server/accounts/set-account-active";
import { unsafeVerifyChains } from "@/lib/server/chain/verify-chains";
import { db } from "@/lib/server/db";
import { voidEntry } from "@/lib/server/entries/void-entry";
import { loadReviewOverview } from "@/lib/server/home/load-review-overview";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { closeReview } from "@/lib/server/reviews/close-review";
import { enterPaperBallot } from "@/lib/server/reviews/enter-paper-ballot";
import { getReview } from "@/lib/server/reviews/get-review";
import { getReviewNotice } from "@/lib/server/reviews/get-review-notice";
import { openReview } from "@/lib/server/reviews/open-review";
import { recordAttendance } from "@/lib/server/reviews/record-attendance";
import { audited, expectChainIntact } from "../helpers/archive-fixtures";
import { actorOf, createReviewVillage, recordVillageEntry, testContext as ctx } from "../helpers/review-village";

// Quarterly reviews through the use cases, against a village of their own (tests/helpers/review-village.ts):
// six representatives living in households 0–5, so the quorum is four.

const Q3 = { year: 2026, quarter: 3 };
const minutes = { meetingDate: chinaToday(new Date()), minutes: "村民代表会议在村部召开，逐条评议本季度记录。" };
const reject = (entryId: string) => ({ entryId, decision: "REJECT" as const, reason: "情况不属实" });
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error) => error);
const statusOf = async (id: string) => (await db.entry.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("closing a review", () => {
  it("decides every item by its tally (recusal lowering a denominator), chains each decision and keeps minutes and digest", async () => {
    const v = await createReviewVillage({ code: "RB", representatives: 6 });
    const [a, b, c, d, voided] = [
      await recordVillageEntry(v, 6, "RED", "2026-08-15"), await recordVillageEntry(v, 7, "YELLOW", "2026-09-01"),
      await recordVillageEntry(v, 0, "RED", "2026-07-20"), await recordVillageEntry(v, 8, "BLACK", "2026-09-10"),
      await recordVillageEntry(v, 7, "YELLOW", "2026-09-02"),
    ];
    const review = await openReview(v.clerk, v.villageId, Q3, ctx);
    const [rep1, rep2, rep3, rep4] = v.reps as [typeof v.reps[0], typeof v.reps[0], typeof v.reps[0], typeof v.reps[0]];

    // rep1 lives in household 0: an objection to c (its own) is refused, and nothing is stored.
    const recused = await failure(castBallot(rep1, review.id, { defaultDecision: "APPROVE", exceptions: [reject(c)] }, ctx));
    expect(recused).toMatchObject({ code: "FORBIDDEN", message: "errors.recusedOwnHouseholdVote" });
    expect(await db.reviewBallot.count({ where: { reviewId: review.id } })).toBe(0);

    await castBallot(rep1, review.id, { defaultDecision: "APPROVE", exceptions: [reject(b)] }, ctx);
    await castBallot(rep2, review.id, { defaultDecision: "APPROVE", exceptions: [reject(b), { entryId: d, decision: "ABSTAIN" }] }, ctx);
    await castBallot(rep3, review.id, { defaultDecision: "APPROVE", exceptions: [] }, ctx);
    const paper = await audited("review.paperBallot", () => enterPaperBallot(v.clerk, review.id, {
      representativeId: rep4.id, defaultDecision: "APPROVE", exceptions: [reject(b), reject(c)],
    }, ctx));
    expect(paper.rosterMembers.find((m) => m.id === rep4.id)).toMatchObject({ attending: true, paperBallot: true });
    expect(await db.reviewBallot.findFirst({ where: { reviewId: review.id, representativeId: rep4.id }, select: { enteredById: true } }))
      .toEqual({ enteredById: v.clerk.id });
    await voidEntry(v.clerk, voided, { reason: "重复录入" }, ctx);

    const closed = await audited("review.close", () => closeReview(v.clerk, review.id, minutes, ctx));

    const results = Object.fromEntries((await db.reviewEntryResult.findMany({ where: { reviewId: review.id } }))
      .map(({ entryId, attendees, approve, reject: r, abstain, passed }) => [entryId, { attendees, approve, reject: r, abstain, passed }]));
    expect(results).toEqual({
      [a]: { attendees: 4, approve: 4, reject: 0, abstain: 0, passed: true },
      [b]: { attendees: 4, approve: 1, reject: 3, abstain: 0, passed: false },
      // rep1 is recused: 2 of 3 pass, where 2 of 4 (exactly half) would not.
      [c]: { attendees: 3, approve: 2, reject: 1, abstain: 0, passed: true },
      [d]: { attendees: 4, approve: 3, reject: 0, abstain: 1, passed: true },
    });
    expect([await statusOf(a), await statusOf(b), await statusOf(c), await statusOf(d), await statusOf(voided)])
      .toEqual(["CONFIRMED", "REJECTED", "CONFIRMED", "CONFIRMED", "VOIDED"]);

    const events = await db.entryEvent.findMany({ where: { reviewId: review.id }, select: { entryId: true, type: true, actorId: true, reason: true } });
    expect(events).toHaveLength(4);
    expect(events.find((e) => e.entryId === c)).toEqual({ entryId: c, type: "CONFIRMED", actorId: null, reason: "2026年第3季度村民代表评议：参加3人，同意2票，通过" });
    expect(events.find((e) => e.entryId === b)?.reason).toBe("2026年第3季度村民代表评议：参加4人，同意1票，未通过");
    for (const household of v.households) await expectChainIntact(household);
    const moved = await db.household.findUniqueOrThrow({ where: { id: v.households[8]! }, select: { chainLength: true, updatedAt: true } });
    expect(moved.chainLength).toBe(2); // its entry and the review's decision
    expect(Math.abs(moved.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await unsafeVerifyChains({})).brokenTotal).toBe(0);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "review.close", targetId: review.id }, select: { after: true, actorId: true } });
    expect(audit.actorId).toBe(v.clerk.id);
    expect(audit.after).toMatchObject({ roster: 6, attending: 4, items: 5, decided: 4, confirmed: 3, rejected: 1, skipped: 1 });
    const digest = await db.townshipDigest.findFirstOrThrow({ where: { townshipId: v.townshipId, reason: "REVIEW_CLOSED" }, orderBy: { takenAt: "desc" }, select: { digest: true } });
    expect(closed).toMatchObject({ status: "CLOSED", minutes: minutes.minutes, meetingDate: minutes.meetingDate, attending: 4, roster: 6 });
    expect(closed.closingDigest).toMatch(new RegExp(`^JS-\\d{8}T\\d{4}Z-${digest.digest}$`));
    const noticeEnds = new Date(`${minutes.meetingDate}T00:00:00Z`);
    noticeEnds.setUTCDate(noticeEnds.getUTCDate() + 7);
    expect(closed.noticeEndsOn).toBe(noticeEnds.toISOString().slice(0, 10));

    // What representative 2 sees afterwards: their own decisions, the objections without names, the results.
    const seen = await getReview(rep2, review.id);
    expect(seen.myBallotCastAt).not.toBeNull();
    const item = (id: string) => seen.items.find((i) => i.entry.id === id)!;
    expect(item(b)).toMatchObject({ myDecision: "REJECT", result: { passed: false } });
    expect(item(d).myDecision).toBe("ABSTAIN");
    expect(item(c).objections).toEqual([{ decision: "REJECT", reason: "情况不属实" }]);
    expect((await getReview(rep1, review.id)).items.find((i) => i.entry.id === c)).toMatchObject({ recusedForMe: true, myDecision: null });

    // Votes after closing are refused, and so is closing twice.
    const late = { code: "CONFLICT", message: "errors.reviewClosed" };
    expect(await failure(castBallot(v.reps[4]!, review.id, { defaultDecision: "APPROVE", exceptions: [] }, ctx))).toMatchObject(late);
    expect(await failure(enterPaperBallot(v.clerk, review.id, { representativeId: v.reps[5]!.id, defaultDecision: "APPROVE", exceptions: [] }, ctx))).toMatchObject(late);
    expect(await failure(recordAttendance(v.clerk, review.id, { representativeIds: [v.reps[5]!.id] }, ctx))).toMatchObject(late);
    expect(await failure(closeReview(v.clerk, review.id, minutes, ctx))).toMatchObject(late);
    expect(await db.reviewBallot.count({ where: { reviewId: review.id } })).toBe(4);
  });

  it("refuses without two thirds of the frozen roster, saying how many more must attend; a deactivated representative still counts in the base", async () => {
    const v = await createReviewVillage({ code: "RC", representatives: 6 });
    const entry = await recordVillageEntry(v, 6, "RED", "2026-09-05");
    const review = await openReview(v.clerk, v.villageId, Q3, ctx);
    await recordAttendance(v.clerk, review.id, { representativeIds: [v.reps[0]!.id, v.reps[1]!.id] }, ctx);
    const auditBefore = await db.auditLog.count();

    expect(await failure(closeReview(v.clerk, review.id, minutes, ctx)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewQuorumMissing", values: { missing: 2, attending: 2, quorum: 4, roster: 6 } });

    // Two representatives leave office after the opening: the base stays six, the quorum four.
    const official = await actorOf("official");
    for (const rep of [v.reps[4]!, v.reps[5]!]) await setAccountActive(official, rep.id, false, ctx);
    await recordAttendance(v.clerk, review.id, { representativeIds: [v.reps[2]!.id] }, ctx);
    expect(await failure(closeReview(v.clerk, review.id, minutes, ctx))).toMatchObject({ values: { missing: 1, attending: 3, quorum: 4, roster: 6 } });
    expect(await statusOf(entry)).toBe("PENDING");
    expect(await db.auditLog.count()).toBe(auditBefore + 3); // the attendance and the two deactivations only
    expect((await getReview(v.clerk, review.id)).missingForQuorum).toBe(1);

    // A deactivated representative of the roster may still hand in a paper ballot.
    await enterPaperBallot(v.clerk, review.id, { representativeId: v.reps[5]!.id, defaultDecision: "APPROVE", exceptions: [] }, ctx);
    const closed = await closeReview(v.clerk, review.id, minutes, ctx);
    expect(closed).toMatchObject({ status: "CLOSED", roster: 6, attending: 4, quorum: 4, missingForQuorum: 0 });
    // Three of four attendees cast no ballot: one approval of four is no majority.
    expect(await statusOf(entry)).toBe("REJECTED");
  });
});

describe("the notice period", () => {
  it("starts on the day the review closes, not on the meeting day", async () => {
    const v = await createReviewVillage({ code: "RN", representatives: 3 });
    await recordVillageEntry(v, 4, "RED", "2026-08-15");
    const opened = new Date("2026-10-05T02:00:00Z");
    const review = await openReview(v.clerk, v.villageId, Q3, ctx, opened);
    await recordAttendance(v.clerk, review.id, { representativeIds: v.reps.map((r) => r.id) }, ctx);
    // The meeting on day 1, the close on day 9 (China dates), with the township's seven days.
    const closed = await closeReview(v.clerk, review.id, { ...minutes, meetingDate: "2026-10-05" }, ctx, new Date("2026-10-13T03:00:00Z"));
    expect(closed).toMatchObject({ meetingDate: "2026-10-05", noticeEndsOn: "2026-10-20" });
    expect(await getReviewNotice(review.id)).toMatchObject({ meetingDate: "2026-10-05", noticeStartsOn: "2026-10-13", noticeEndsOn: "2026-10-20" });
  });
});

describe("the representatives' invitation to vote", () => {
  it("goes to the frozen roster only, counting the entries still pending", async () => {
    const v = await createReviewVillage({ code: "RI", representatives: 3 });
    const [kept, withdrawn] = [await recordVillageEntry(v, 4, "RED", "2026-08-15"), await recordVillageEntry(v, 5, "YELLOW", "2026-08-16")];
    const review = await openReview(v.clerk, v.villageId, Q3, ctx);
    await voidEntry(v.clerk, withdrawn, { reason: "重复录入" }, ctx);
    const { id: lateId } = await db.account.create({
      data: { username: "rep-ri-late", displayName: "新代表", role: "REPRESENTATIVE", townshipId: v.townshipId, villageId: v.villageId },
      select: { id: true },
    });
    const late = await actorOf("rep-ri-late");
    expect(late.id).toBe(lateId);

    const mine = (await loadReviewOverview(v.reps[0]!, { page: 1, pageSize: 20 })).items.find((r) => r.id === review.id);
    expect(mine).toMatchObject({ awaitingMyVote: 1, joinedAfterOpening: false });
    const theirs = (await loadReviewOverview(late, { page: 1, pageSize: 20 })).items.find((r) => r.id === review.id);
    expect(theirs).toMatchObject({ awaitingMyVote: null, joinedAfterOpening: true });
    expect(kept).toBeTruthy();
  });
});

describe("voting", () => {
  it("admits only representatives of the frozen roster, once each, on entries of the review", async () => {
    const v = await createReviewVillage({ code: "RD", representatives: 3 });
    const entry = await recordVillageEntry(v, 4, "RED", "2026-08-01");
    const elsewhere = await recordVillageEntry(v, 4, "RED", "2026-10-20"); // 2026Q4: not part of the review
    const review = await openReview(v.clerk, v.villageId, Q3, ctx);
    const ballot = { defaultDecision: "APPROVE" as const, exceptions: [] };

    const stranger = await actorOf("rep-xinhua-1");
    expect(await failure(castBallot(stranger, review.id, ballot, ctx))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(castBallot(v.clerk, review.id, ballot, ctx))).toMatchObject({ code: "FORBIDDEN", message: "errors.forbidden" });
    const newcomer = await db.account.create({
      data: { username: "rep-rd-new", displayName: "新代表", role: "REPRESENTATIVE", townshipId: v.townshipId, villageId: v.villageId },
      select: { username: true, id: true },
    });
    expect(await failure(castBallot(await actorOf(newcomer.username), review.id, ballot, ctx)))
      .toMatchObject({ code: "FORBIDDEN", message: "errors.reviewNotOnRosterSelf" });
    expect(await failure(enterPaperBallot(v.clerk, review.id, { representativeId: newcomer.id, ...ballot }, ctx)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewNotOnRoster" });
    expect(await failure(castBallot(v.reps[0]!, review.id, { defaultDecision: "APPROVE", exceptions: [reject(elsewhere)] }, ctx)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.ballotExceptionNotInReview" });
    expect(await failure(castBallot(v.reps[0]!, review.id, { defaultDecision: "APPROVE", exceptions: [reject(entry), reject(entry)] }, ctx)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.ballotExceptionTwice" });

    const cast = await audited("review.ballot", () => castBallot(v.reps[0]!, review.id, { defaultDecision: "APPROVE", exceptions: [reject(entry)] }, ctx));
    expect(cast.rosterMembers.find((m) => m.id === v.reps[0]!.id)).toMatchObject({ attending: true, paperBallot: false });
    expect(cast.items.map((i) => i.entry.id)).toEqual([entry]);
    expect(await failure(castBallot(v.reps[0]!, review.id, ballot, ctx))).toMatchObject({ code: "CONFLICT", message: "errors.ballotAlreadyCast" });
    expect(await failure(enterPaperBallot(v.clerk, review.id, { representativeId: v.reps[0]!.id, ...ballot }, ctx)))
      .toMatchObject({ code: "CONFLICT", message: "errors.ballotAlreadyCast" });
    expect(await db.reviewBallotException.count({ where: { ballot: { reviewId: review.id } } })).toBe(1);
  });

  it("records attendance of roster members only, idempotently", async () => {
    const v = await createReviewVillage({ code: "RE", representatives: 3 });
    await recordVillageEntry(v, 4, "RED", "2026-08-01");
    const review = await openReview(v.clerk, v.villageId, Q3, ctx);
    const ids = { representativeIds: [v.reps[0]!.id, v.reps[1]!.id] };
    await audited("review.attendance", () => recordAttendance(v.clerk, review.id, ids, ctx));
    const before = await db.auditLog.count();
    const again = await recordAttendance(v.clerk, review.id, ids, ctx);
    expect(again.attending).toBe(2);
    expect(await db.auditLog.count()).toBe(before);
    const rows = await db.reviewAttendance.findMany({ where: { reviewId: review.id }, select: { recordedById: true } });
    expect(rows).toEqual([{ recordedById: v.clerk.id }, { recordedById: v.clerk.id }]);
    expect(await failure(recordAttendance(v.clerk, review.id, { representativeIds: [v.clerk.id] }, ctx)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewNotOnRoster" });
    expect(await failure(recordAttendance(v.reps[0]!, review.id, ids, ctx))).toMatchObject({ code: "FORBIDDEN" });
  });
});
