import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { getReviewNotice } from "@/lib/server/reviews/get-review-notice";
import { listQuartersToReview } from "@/lib/server/reviews/list-quarters-to-review";
import { listReviews } from "@/lib/server/reviews/list-reviews";
import { openReview } from "@/lib/server/reviews/open-review";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { callApi } from "../helpers/api-client";
import { audited, decideByReview } from "../helpers/archive-fixtures";
import { actorOf, createReviewVillage, recordVillageEntry, testContext as ctx } from "../helpers/review-village";
import { fields } from "../helpers/error-details";

// Opening a review, the lists that lead to it, its public notice, and the API's answers.

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error) => error);
const at = (iso: string) => new Date(iso);
const page = { page: 1, pageSize: 50 };

describe("opening a review", () => {
  it("puts the quarter's PENDING entries and late ones of earlier quarters to it, and freezes the roster with its homes", async () => {
    const v = await createReviewVillage({ code: "OA", representatives: 4 });
    const own = await recordVillageEntry(v, 5, "RED", "2026-08-15");
    const late = await recordVillageEntry(v, 6, "YELLOW", "2026-05-10");
    const later = await recordVillageEntry(v, 5, "RED", "2026-10-15");
    const inNovember = at("2026-11-20T02:00:00Z");

    expect(await listQuartersToReview(v.clerk, v.villageId, inNovember)).toEqual([
      { year: 2026, quarter: 3, pending: 2 }, { year: 2026, quarter: 2, pending: 1 },
    ]);
    expect(await failure(openReview(v.clerk, v.villageId, { year: 2026, quarter: 4 }, ctx, inNovember)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewQuarterNotEnded", values: { year: 2026, quarter: 4 } });

    const review = await audited("review.open", () => openReview(v.clerk, v.villageId, { year: 2026, quarter: 3 }, ctx, inNovember));
    expect(review).toMatchObject({ status: "OPEN", year: 2026, quarter: 3, roster: 4, quorum: 3, missingForQuorum: 3, attending: 0, entries: 2 });
    expect(review.items.map((i) => i.entry.id).sort()).toEqual([own, late].sort());
    expect(review.openedAt).toBe(inNovember.toISOString());
    const roster = await db.reviewRosterMember.findMany({ where: { reviewId: review.id }, select: { representativeId: true, homeHouseholdId: true } });
    expect(roster.sort((a, b) => a.representativeId.localeCompare(b.representativeId)))
      .toEqual(v.reps.map((r) => ({ representativeId: r.id, homeHouseholdId: r.homeHouseholdId })).sort((a, b) => a.representativeId.localeCompare(b.representativeId)));

    expect(await failure(openReview(v.clerk, v.villageId, { year: 2026, quarter: 3 }, ctx, inNovember)))
      .toMatchObject({ code: "CONFLICT", message: "errors.reviewExists" });
    // The late entry went to the 2026Q3 review: 2026Q2 has nothing left.
    expect(await failure(openReview(v.clerk, v.villageId, { year: 2026, quarter: 2 }, ctx, inNovember)))
      .toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewNothingToReview" });
    expect(await listQuartersToReview(v.clerk, v.villageId, inNovember)).toEqual([]);
    expect(await listQuartersToReview(v.clerk, v.villageId, at("2027-01-05T02:00:00Z"))).toEqual([{ year: 2026, quarter: 4, pending: 1 }]);
    expect(later).toBeTruthy();
  });

  it("is for the village's clerks only, and refuses a village without representatives", async () => {
    const v = await createReviewVillage({ code: "OB", representatives: 3 });
    await recordVillageEntry(v, 4, "RED", "2026-08-15");
    const q = { year: 2026, quarter: 3 };
    expect(await failure(openReview(await actorOf("clerk-xinhua"), v.villageId, q, ctx))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(openReview(v.reps[0]!, v.villageId, q, ctx))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(openReview(await actorOf("official"), v.villageId, q, ctx))).toMatchObject({ code: "FORBIDDEN" });
    await db.account.updateMany({ where: { id: { in: v.reps.map((r) => r.id) } }, data: { active: false } });
    expect(await failure(openReview(v.clerk, v.villageId, q, ctx))).toMatchObject({ code: "RULE_VIOLATION", message: "errors.reviewNoRepresentatives" });
    expect(await db.quarterlyReview.count({ where: { villageId: v.villageId } })).toBe(0);
  });
});

describe("lists and the public notice", () => {
  it("lists reviews in the caller's scope, with a representative's own ballot time", async () => {
    const v = await createReviewVillage({ code: "OC", representatives: 3 });
    const entry = await recordVillageEntry(v, 4, "RED", "2026-08-15");
    await decideByReview([entry]);
    const mine = await listReviews(v.reps[0]!, page);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ status: "CLOSED", village: { id: v.villageId }, entries: 1, ballots: 3 });
    expect(mine.items[0]!.myBallotCastAt).not.toBeNull();
    expect((await listReviews(v.clerk, page)).items[0]!.myBallotCastAt).toBeNull();
    const township = await listReviews(await actorOf("official"), { ...page, status: "CLOSED" });
    expect(township.items.map((r) => r.village.id)).toContain(v.villageId);
    expect(township.items.every((r) => r.status === "CLOSED")).toBe(true);
    expect(await failure(listReviews(await actorOf("clerk-xinhua"), page, v.villageId))).toMatchObject({ code: "NOT_FOUND" });
    expect((await listReviews(await actorOf("clerk-xinhua"), page)).items.map((r) => r.village.id)).not.toContain(v.villageId);
  });

  it("publishes a closed review's confirmed entries, yellows and blacks without details where the township says so", async () => {
    const v = await createReviewVillage({ code: "OD", representatives: 3 });
    const red = await recordVillageEntry(v, 4, "RED", "2026-08-15", "拾到手机一部，当即归还失主");
    const yellow = await recordVillageEntry(v, 5, "YELLOW", "2026-08-20", "在河边倾倒生活垃圾");
    const rejected = await recordVillageEntry(v, 5, "RED", "2026-09-01", "记录有误");
    const reviewId = await decideByReview([red, yellow], [rejected]);

    const res = await callApi("GET", `/api/v1/reviews/${reviewId}/notice`, { as: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const review = await db.quarterlyReview.findUniqueOrThrow({ where: { id: reviewId }, select: { closingDigest: true, meetingDate: true } });
    expect(res.body).toMatchObject({
      reviewId, village: { id: v.villageId }, township: { name: "夹山镇" }, hidesNegativeDetail: true, roster: 3, attending: 3,
      digest: review.closingDigest, noticeStartsOn: review.meetingDate!.toISOString().slice(0, 10),
    });
    expect(res.body.entries).toEqual([
      { archiveNo: "JS-OD-00005", headName: "户主5", category: "RED", marks: 1, ruleTitle: "拾金不昧", occurredOn: "2026-08-15", description: "拾到手机一部，当即归还失主" },
      { archiveNo: "JS-OD-00006", headName: "户主6", category: "YELLOW", marks: 1, ruleTitle: null, occurredOn: null, description: null },
    ]);

    // The notice stays as posted: settings changed later do not rewrite it.
    const official = await actorOf("official");
    const { closedAt } = await db.quarterlyReview.findUniqueOrThrow({ where: { id: reviewId }, select: { closedAt: true } });
    const closingDay = chinaToday(closedAt!);
    const { id: _id, effectiveFrom: _from, ...values } = await settingsInForce(db, v.townshipId, closingDay);
    await changeTownshipSettings(official, { ...values, noticeHidesNegativeDetail: false, effectiveFrom: chinaToday(new Date()), reason: "测试：公示显示细节" }, ctx);
    expect((await getReviewNotice(reviewId)).entries[1]).toMatchObject({ category: "YELLOW", ruleTitle: null, description: null });
    // Where the township showed the details on the day the review closed (the official set it
    // that morning), the notice shows them.
    await changeTownshipSettings(official, { ...values, noticeHidesNegativeDetail: false, effectiveFrom: closingDay, reason: "测试：公示显示细节" }, ctx, at(`${closingDay}T00:30:00Z`));
    const shown = await getReviewNotice(reviewId);
    expect(shown.entries[1]).toMatchObject({ category: "YELLOW", ruleTitle: "乱倒垃圾", description: "在河边倾倒生活垃圾" });
  });

  it("has no notice for an open review", async () => {
    const v = await createReviewVillage({ code: "OE", representatives: 3 });
    await recordVillageEntry(v, 4, "RED", "2026-08-15");
    const review = await openReview(v.clerk, v.villageId, { year: 2026, quarter: 3 }, ctx);
    expect((await callApi("GET", `/api/v1/reviews/${review.id}/notice`, { as: null })).status).toBe(404);
  });
});

describe("the API", () => {
  it("says in the message how many more representatives must attend, and refuses bad ballots field by field", async () => {
    const v = await createReviewVillage({ code: "OF", representatives: 6 });
    const entry = await recordVillageEntry(v, 7, "RED", "2026-08-15");
    const opened = await callApi("POST", `/api/v1/villages/${v.villageId}/reviews`, { as: { username: v.clerk.username }, body: { year: 2026, quarter: 3 } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id;
    const attended = await callApi("POST", `/api/v1/reviews/${id}/attendance`, { as: { username: v.clerk.username }, body: { representativeIds: [v.reps[0]!.id] } });
    expect(attended.body.attending).toBe(1);

    const close = await callApi("POST", `/api/v1/reviews/${id}/close`, { as: { username: v.clerk.username }, body: { meetingDate: chinaToday(new Date()), minutes: "会议记录" } });
    expect(close.status).toBe(422);
    expect(close.body.error.message).toContain("还需要3人出席");

    const noReason = await callApi("POST", `/api/v1/reviews/${id}/ballots`, {
      as: { username: v.reps[1]!.username }, body: { exceptions: [{ entryId: entry, decision: "REJECT" }] },
    });
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body.error.details)).toEqual(["exceptions.0.reason"]);
    const cast = await callApi("POST", `/api/v1/reviews/${id}/ballots`, {
      as: { username: v.reps[1]!.username }, body: { exceptions: [{ entryId: entry, decision: "REJECT", reason: "不属实" }] },
    });
    expect(cast.status, JSON.stringify(cast.body)).toBe(201);
    expect(cast.body.items[0]).toMatchObject({ myDecision: "REJECT", recusedForMe: false });
    const quarters = await callApi("GET", `/api/v1/villages/${v.villageId}/reviews/quarters`, { as: { username: v.clerk.username } });
    expect(quarters.body).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });
});
