import type { SeedContext, VillageData } from "./context";
import type { Draft, Period } from "./entries";
import type { Rng } from "./random";
import { attendees } from "./rules";
import { addDays, atBeijing, day, daysBetween, maxDate, officeHoursAfter } from "./time";
import type { AttendanceRow, BallotRow, Decision, EventRow, ExceptionRow, ResultRow, ReviewRow } from "./types";

export type ReviewRows = {
  reviews: ReviewRow[];
  attendance: AttendanceRow[];
  ballots: BallotRow[];
  exceptions: ExceptionRow[];
  results: ResultRow[];
};

const VOID_REASONS = [
  "重复录入，予以撤销", "经核实记错户别，予以撤销后重新录入", "经理事会核实，不符合细则记录条件，予以撤销",
];

/** Builds an event (its chain fields are filled in later by chain.ts). */
export function event(
  ctx: SeedContext, draft: Draft, type: EventRow["type"], toStatus: EventRow["toStatus"], at: Date,
  extra: Partial<Pick<EventRow, "reason" | "actorId" | "reviewId" | "appealId" | "rectificationId">>,
): EventRow {
  const row: EventRow = {
    id: ctx.uuid(`event:${draft.row.id}:${draft.events.length}`, at), entryId: draft.row.id,
    householdId: draft.row.householdId, type, fromStatus: draft.row.status, toStatus,
    reason: extra.reason ?? null, actorId: extra.actorId ?? null, reviewId: extra.reviewId ?? null,
    appealId: extra.appealId ?? null, rectificationId: extra.rectificationId ?? null, createdAt: at,
    chainSeq: 0, prevHash: null, hash: "",
  };
  draft.events.push(row);
  draft.row.status = toStatus;
  return row;
}

/**
 * The quarterly reviews of one village: every past quarter reviewed and CLOSED at its meeting
 * (quorum met, one ballot per attendee, results computed from the ballots with recusal), the
 * current quarter OPEN in some villages.
 */
export function reviewVillage(ctx: SeedContext, rng: Rng, village: VillageData, periods: Period[], drafts: Draft[]): ReviewRows {
  const out: ReviewRows = { reviews: [], attendance: [], ballots: [], exceptions: [], results: [] };
  const clerk = () => rng.pick(village.clerks).id;
  for (const period of periods) {
    const { year, quarter } = period.q;
    const inPeriod = drafts.filter((d) => d.period === period);
    if (!period.meeting) {
      const openVillage = village.spec.code === "XH" || rng.chance(0.5);
      const from = maxDate(period.start, addDays(ctx.today, -20));
      const span = daysBetween(from, ctx.today) - 1;
      if (!openVillage || inPeriod.length === 0 || span < 0) continue;
      const openedAt = atBeijing(addDays(from, rng.int(0, span)), rng.int(8, 17), rng.int(0, 59));
      out.reviews.push({
        id: ctx.uuid(`review:${village.spec.code}:${year}Q${quarter}`, openedAt), villageId: village.row.id, year, quarter,
        status: "OPEN", meetingDate: null, representativesTotal: null, openedById: clerk(), openedAt,
        closedById: null, closedAt: null, noticeEndsOn: null,
      });
      continue;
    }
    const meeting = period.meeting;
    const openedAt = atBeijing(addDays(meeting, -rng.int(1, 5)), rng.int(8, 17), rng.int(0, 59));
    const closedAt = atBeijing(meeting, 11, rng.int(0, 50));
    const reviewId = ctx.uuid(`review:${village.spec.code}:${year}Q${quarter}`, openedAt);
    out.reviews.push({
      id: reviewId, villageId: village.row.id, year, quarter, status: "CLOSED", meetingDate: day(meeting),
      representativesTotal: village.reps.length, openedById: clerk(), openedAt, closedById: clerk(), closedAt,
      noticeEndsOn: day(addDays(meeting, 7)),
    });

    // A few entries are withdrawn by a clerk before the meeting and not put to the vote.
    const reviewed = inPeriod.filter((d) => {
      const withdrawAt = officeHoursAfter(rng, d.row.recordedAt, 1, 6);
      if (!rng.chance(0.025) || withdrawAt >= atBeijing(meeting, 8)) return true;
      event(ctx, d, "VOIDED", "VOIDED", withdrawAt, { actorId: clerk(), reason: rng.pick(VOID_REASONS) });
      return false;
    });

    const present = attendees(rng, village.reps);
    const ballots = present.map((rep) => {
      const ballot: BallotRow = {
        id: ctx.uuid(`ballot:${reviewId}:${rep.id}`, closedAt), reviewId, representativeId: rep.id,
        defaultDecision: rng.weighted([["APPROVE", 95], ["ABSTAIN", 4], ["REJECT", 1]] as const),
        castAt: atBeijing(meeting, rng.int(9, 10), rng.int(0, 59)),
      };
      out.attendance.push({ reviewId, representativeId: rep.id, recordedAt: atBeijing(meeting, 8, rng.int(30, 59)) });
      return { ballot, home: rep.homeHouseholdId, except: new Map<string, Decision>() };
    });
    const vote = (b: (typeof ballots)[number], d: Draft, decision: Decision) => {
      if (b.home !== d.row.householdId && b.ballot.defaultDecision !== decision) b.except.set(d.row.id, decision);
    };
    // Disputed entries: most attendees vote against them.
    for (const d of reviewed) {
      if (!rng.chance(d.row.category === "RED" ? 0.035 : 0.07)) continue;
      const against = 0.55 + 0.35 * rng.float();
      for (const b of ballots) if (rng.chance(against)) vote(b, d, rng.chance(0.85) ? "REJECT" : "ABSTAIN");
    }
    // And the odd individual exception on other entries.
    for (const b of ballots) {
      if (reviewed.length === 0 || !rng.chance(0.12)) continue;
      for (let k = rng.int(1, 2); k > 0; k--) {
        const d = rng.pick(reviewed);
        if (!b.except.has(d.row.id)) vote(b, d, rng.chance(0.6) ? "REJECT" : "ABSTAIN");
      }
    }
    for (const b of ballots) {
      out.ballots.push(b.ballot);
      for (const [entryId, decision] of b.except) out.exceptions.push({ ballotId: b.ballot.id, entryId, decision });
    }

    for (const d of reviewed) {
      const tally = { APPROVE: 0, REJECT: 0, ABSTAIN: 0 };
      let voters = 0;
      for (const b of ballots) {
        if (b.home === d.row.householdId) continue; // recusal: not counted for their own household
        tally[b.except.get(d.row.id) ?? b.ballot.defaultDecision]++;
        voters++;
      }
      const passed = tally.APPROVE * 2 > voters;
      out.results.push({
        reviewId, entryId: d.row.id, attendees: voters, approve: tally.APPROVE, reject: tally.REJECT,
        abstain: tally.ABSTAIN, passed,
      });
      const reason = `${year}年第${quarter}季度村民代表评议：参加${voters}人，同意${tally.APPROVE}票，${passed ? "通过" : "未通过"}`;
      event(ctx, d, passed ? "CONFIRMED" : "REJECTED", passed ? "CONFIRMED" : "REJECTED", closedAt, { reviewId, reason });
    }
  }
  return out;
}
