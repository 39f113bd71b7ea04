import { nextStatus, type Transition } from "../../lib/domain/entry-lifecycle";
import { reviewDecisionReason } from "../../lib/domain/review-decision";
import { versionOn, type SettingsVersion } from "../../lib/domain/township-settings";
import { hasQuorum, quorumOf, tallyEntry, type Attendee } from "../../lib/domain/vote-rules";
import type { SeedContext, VillageData } from "./context";
import type { Draft, Period } from "./entries";
import type { Rng } from "./random";
import { addDays, addMinutes, atBeijing, beijingDay, day, officeHoursAfter } from "./time";
import type { AccountRow, AttendanceRow, BallotRow, Decision, EventRow, ExceptionRow, ItemRow, ResultRow, ReviewRow, RosterRow } from "./types";

// The quarterly reviews of the seeded history, counted by lib/domain/vote-rules.ts exactly as the
// app counts them (lib/server/reviews/close-review.ts): opened once the quarter has ended, with a
// frozen roster and the entries recorded by then, closed with quorum, each entry decided by its
// tally (recusal included) and chained with the reason the app writes.

export type ReviewRows = {
  reviews: ReviewRow[]; roster: RosterRow[]; items: ItemRow[]; attendance: AttendanceRow[];
  ballots: BallotRow[]; exceptions: ExceptionRow[]; results: ResultRow[];
};

/** The village whose last ended quarter is still under review, so its representatives have something to vote on. */
export const OPEN_REVIEW_VILLAGE = "XH";
const VOID_REASONS = ["重复录入，予以撤销", "经核实记错户别，予以撤销后重新录入", "经理事会核实，不符合细则记录条件，予以撤销"];
const OBJECTIONS = ["情况与事实有出入，建议核实后再定", "证据不足，现场照片看不出是这一户", "同一件事已经记过一次", "事出有因，不宜记入档案"];

/**
 * Builds the event of a transition (its chain fields are filled in later by chain.ts), through the
 * app's lifecycle table: a change the app would refuse throws, so the seed cannot produce it.
 */
export function event(
  ctx: SeedContext, draft: Draft, transition: Transition, at: Date,
  extra: Partial<Pick<EventRow, "reason" | "actorId" | "reviewId" | "appealId" | "rectificationId">>,
): EventRow {
  const next = nextStatus({ category: draft.row.category, status: draft.row.status }, transition);
  if (!next) throw new Error(`seed: ${transition} is not allowed for a ${draft.row.status} ${draft.row.category} entry (${draft.row.id})`);
  const row: EventRow = {
    id: ctx.uuid(`event:${draft.row.id}:${draft.events.length}`, at), entryId: draft.row.id,
    householdId: draft.row.householdId, type: next.event, fromStatus: draft.row.status, toStatus: next.to,
    reason: extra.reason ?? null, actorId: extra.actorId ?? null, reviewId: extra.reviewId ?? null,
    appealId: extra.appealId ?? null, rectificationId: extra.rectificationId ?? null, createdAt: at,
    chainSeq: 0, prevHash: null, hash: "",
  };
  draft.events.push(row);
  draft.row.status = next.to;
  return row;
}

type Ballot = { row: BallotRow; home: string | null; except: Map<string, { decision: Decision; reason: string | null }> };

/** Who attends a meeting: at least two thirds, sometimes exactly the minimum. */
function present(rng: Rng, reps: readonly AccountRow[]): AccountRow[] {
  const min = quorumOf(reps.length);
  return rng.sample(reps, rng.chance(0.15) ? min : rng.int(min, reps.length));
}

/** A decision other than the ballot's default, never on the representative's own household (recusal). */
function vote(rng: Rng, ballot: Ballot, draft: Draft, decision: Decision): void {
  if (ballot.home === draft.row.householdId || ballot.row.defaultDecision === decision) return;
  ballot.except.set(draft.row.id, { decision, reason: decision === "REJECT" ? rng.pick(OBJECTIONS) : null });
}

function addBallots(out: ReviewRows, ballots: Ballot[]): void {
  for (const b of ballots) {
    out.ballots.push(b.row);
    for (const [entryId, x] of b.except) out.exceptions.push({ ballotId: b.row.id, entryId, decision: x.decision, reason: x.reason });
  }
}

function startReview(ctx: SeedContext, village: VillageData, period: Period, openedAt: Date, clerkId: string, items: Draft[], out: ReviewRows): ReviewRow {
  const { year, quarter } = period.q;
  const review: ReviewRow = {
    id: ctx.uuid(`review:${village.spec.code}:${year}Q${quarter}`, openedAt), villageId: village.row.id, year, quarter,
    status: "OPEN", meetingDate: null, representativesTotal: village.reps.length, openedById: clerkId, openedAt,
    closedById: null, closedAt: null, noticeEndsOn: null, minutes: null,
  };
  out.reviews.push(review);
  // Loops, not push(...list): a village of a million-household seed has thousands of each.
  for (const r of village.reps) out.roster.push({ reviewId: review.id, representativeId: r.id, homeHouseholdId: r.homeHouseholdId });
  for (const d of items) out.items.push({ reviewId: review.id, entryId: d.row.id });
  return review;
}

/**
 * Every ended quarter with entries is reviewed at its meeting and CLOSED, except the last ended
 * quarter of OPEN_REVIEW_VILLAGE, which is still OPEN with some ballots cast — none by the
 * village's first representative (the demo sign-in). The current quarter has not ended: its
 * entries await a review.
 */
export function reviewVillage(
  ctx: SeedContext, rng: Rng, village: VillageData, periods: Period[], drafts: Draft[], settings: readonly SettingsVersion[],
): ReviewRows {
  const out: ReviewRows = { reviews: [], roster: [], items: [], attendance: [], ballots: [], exceptions: [], results: [] };
  const lastEnded = periods.at(-2);
  const byPeriod = new Map<Period, Draft[]>();
  for (const d of drafts) {
    const list = byPeriod.get(d.period) ?? [];
    list.push(d);
    byPeriod.set(d.period, list);
  }
  for (const period of periods) {
    if (!period.meeting || period.meeting <= period.end) continue;
    const inPeriod = byPeriod.get(period) ?? [];
    if (village.spec.code === OPEN_REVIEW_VILLAGE && period === lastEnded) openReview(ctx, rng, village, period, inPeriod, out);
    else closedReview(ctx, rng, village, period, inPeriod, out, settings);
  }
  return out;
}

function closedReview(
  ctx: SeedContext, rng: Rng, village: VillageData, period: Period, inPeriod: Draft[], out: ReviewRows, settings: readonly SettingsVersion[],
): void {
  const meeting = period.meeting!;
  const clerkId = rng.pick(village.clerks).id;
  const openedAt = atBeijing(meeting, 8, rng.int(0, 29));
  const closedAt = atBeijing(meeting, 11, rng.int(0, 50));
  // A few entries are withdrawn by a clerk before the review opens and are not put to it (never
  // all of them: every ended quarter with entries has its review).
  const withdrawn = new Map<Draft, Date>();
  for (const d of inPeriod) {
    const withdrawAt = officeHoursAfter(rng, d.row.recordedAt, 1, 6);
    if (rng.chance(0.025) && withdrawAt < openedAt && withdrawn.size < inPeriod.length - 1) withdrawn.set(d, withdrawAt);
  }
  for (const [d, at] of withdrawn) event(ctx, d, "VOID", at, { actorId: clerkId, reason: rng.pick(VOID_REASONS) });
  const items = inPeriod.filter((d) => !withdrawn.has(d));
  if (items.length === 0) return;
  const review = startReview(ctx, village, period, openedAt, clerkId, items, out);

  const attending = present(rng, village.reps);
  if (!hasQuorum(attending.length, village.reps.length)) throw new Error(`${village.spec.name}: a seeded meeting without quorum`);
  // Paper ballots at the meeting, entered by the clerk.
  const ballots: Ballot[] = attending.map((rep) => {
    out.attendance.push({ reviewId: review.id, representativeId: rep.id, recordedAt: atBeijing(meeting, 8, rng.int(30, 59)), recordedById: clerkId });
    return {
      row: {
        id: ctx.uuid(`ballot:${review.id}:${rep.id}`, closedAt), reviewId: review.id, representativeId: rep.id,
        // Like the app's ballots: the rest approved or abstained on; rejecting is per entry, with a reason.
        defaultDecision: rng.weighted([["APPROVE", 96], ["ABSTAIN", 4]] as const),
        castAt: atBeijing(meeting, rng.int(9, 10), rng.int(0, 59)), enteredById: clerkId,
      },
      home: rep.homeHouseholdId, except: new Map(),
    };
  });
  // Disputed entries: most attendees vote against them; and the odd individual exception.
  for (const d of items) {
    if (!rng.chance(d.row.category === "RED" ? 0.035 : 0.07)) continue;
    const against = 0.55 + 0.35 * rng.float();
    for (const b of ballots) if (rng.chance(against)) vote(rng, b, d, rng.chance(0.85) ? "REJECT" : "ABSTAIN");
  }
  for (const b of ballots) {
    if (!rng.chance(0.12)) continue;
    for (let k = rng.int(1, 2); k > 0; k--) {
      const d = rng.pick(items);
      if (!b.except.has(d.row.id)) vote(rng, b, d, rng.chance(0.6) ? "REJECT" : "ABSTAIN");
    }
  }
  addBallots(out, ballots);

  const attendees: Attendee[] = ballots.map((b) => ({
    representativeId: b.row.representativeId, homeHouseholdId: b.home,
    ballot: { defaultDecision: b.row.defaultDecision, exceptions: new Map([...b.except].map(([id, x]) => [id, x.decision])) },
  }));
  let passed = 0;
  for (const d of items) {
    const tally = tallyEntry({ id: d.row.id, householdId: d.row.householdId }, attendees);
    if (tally.passed) passed++;
    out.results.push({ reviewId: review.id, entryId: d.row.id, ...tally });
    event(ctx, d, tally.passed ? "CONFIRM" : "REJECT", closedAt, { reviewId: review.id, reason: reviewDecisionReason(period.q, tally) });
  }
  Object.assign(review, {
    status: "CLOSED", meetingDate: day(meeting), closedById: clerkId, closedAt, noticeEndsOn: day(addDays(beijingDay(closedAt), versionOn(settings, day(beijingDay(closedAt))).noticePeriodDays)),
    minutes: `${period.q.year}年第${period.q.quarter}季度家庭文明档案评议会议于${day(meeting)}上午在村部召开。应到村民代表${village.reps.length}人，` +
      `实到${attending.length}人，超过三分之二，会议有效。会议逐条评议本季度记录${items.length}条，通过${passed}条，未通过${items.length - passed}条。` +
      "本户记录由本户代表回避表决。",
  } satisfies Partial<ReviewRow>);
}

function openReview(ctx: SeedContext, rng: Rng, village: VillageData, period: Period, items: Draft[], out: ReviewRows): void {
  if (items.length === 0) return;
  const opening = period.meeting!;
  // Opened on the day the quarter's entries were all in (its planned meeting day, yesterday at the latest).
  const openedAt = atBeijing(opening, rng.int(9, 11), rng.int(0, 59));
  const review = startReview(ctx, village, period, openedAt, rng.pick(village.clerks).id, items, out);
  const span = Math.max(5, Math.floor((ctx.now.getTime() - openedAt.getTime()) / 60_000) - 60);
  const [, ...others] = village.reps;
  const voters = rng.sample(others, Math.max(1, Math.floor(others.length / 2)));
  const ballots: Ballot[] = voters.map((rep) => {
    const castAt = addMinutes(openedAt, rng.int(5, span));
    out.attendance.push({ reviewId: review.id, representativeId: rep.id, recordedAt: castAt, recordedById: null });
    return {
      row: { id: ctx.uuid(`ballot:${review.id}:${rep.id}`, castAt), reviewId: review.id, representativeId: rep.id, defaultDecision: "APPROVE", castAt, enteredById: null },
      home: rep.homeHouseholdId, except: new Map(),
    };
  });
  for (const b of ballots) if (rng.chance(0.4)) vote(rng, b, rng.pick(items), rng.chance(0.7) ? "REJECT" : "ABSTAIN");
  addBallots(out, ballots);
}
