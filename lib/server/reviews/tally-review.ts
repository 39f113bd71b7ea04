import "server-only";
import { hasQuorum, missingForQuorum, quorumOf, tallyEntry, type Attendee, type Tally } from "@/lib/domain/vote-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { toDomainBallot } from "./review-views";

type Tx = Prisma.TransactionClient;

export type EntryOutcome = { entryId: string; householdId: string; tally: Tally };

/**
 * The attendees of a review as lib/domain/vote-rules.ts counts them: everyone whose attendance
 * was recorded, with the home household frozen on the roster (recusal) and their ballot, if any.
 * Three reads, whatever the number of ballots.
 */
export async function loadAttendees(tx: Tx, reviewId: string): Promise<Attendee[]> {
  const [roster, attendance, ballots] = await Promise.all([
    tx.reviewRosterMember.findMany({ where: { reviewId }, select: { representativeId: true, homeHouseholdId: true } }),
    tx.reviewAttendance.findMany({ where: { reviewId }, select: { representativeId: true } }),
    tx.reviewBallot.findMany({
      where: { reviewId }, select: { representativeId: true, defaultDecision: true, exceptions: { select: { entryId: true, decision: true } } },
    }),
  ]);
  const homeOf = new Map(roster.map((m) => [m.representativeId, m.homeHouseholdId]));
  const ballotOf = new Map(ballots.map((b) => [b.representativeId, toDomainBallot(b)]));
  return attendance.map(({ representativeId }) => ({
    representativeId, homeHouseholdId: homeOf.get(representativeId) ?? null, ballot: ballotOf.get(representativeId) ?? null,
  }));
}

/** A review without two thirds of its frozen roster present cannot close; the message says how many more must come. */
export function assertQuorum(attending: number, roster: number): void {
  if (hasQuorum(attending, roster)) return;
  throw new AppError("RULE_VIOLATION", "errors.reviewQuorumMissing", {
    missing: missingForQuorum(attending, roster), attending, quorum: quorumOf(roster), roster,
  });
}

export function tallyEntries(entries: { id: string; householdId: string }[], attendees: Attendee[]): EntryOutcome[] {
  return entries.map((entry) => ({ entryId: entry.id, householdId: entry.householdId, tally: tallyEntry(entry, attendees) }));
}
