// Votes of the village representative assembly (Organic Law of Villagers' Committees, art. 26):
// a meeting is valid only when at least two thirds of the village's representatives attend, and
// a decision passes with more than half of those attending. It governs rule-set adoption and
// every entry of a quarterly review. In a review a representative never votes on the entries of
// his or her own household, and for those entries is not counted among the attendees.

export type Decision = "APPROVE" | "REJECT" | "ABSTAIN";

/** The fewest attendees that make a valid meeting of `roster` representatives. */
export function quorumOf(roster: number): number {
  return Math.ceil((roster * 2) / 3);
}

export function hasQuorum(attending: number, roster: number): boolean {
  return roster > 0 && attending * 3 >= roster * 2;
}

/** How many more representatives must attend before the meeting is valid. */
export function missingForQuorum(attending: number, roster: number): number {
  return roster > 0 ? Math.max(0, quorumOf(roster) - attending) : 1;
}

/** More than half of those attending (and eligible) approve; exactly half is not enough. */
export function isPassed(approve: number, eligibleAttendees: number): boolean {
  return approve * 2 > eligibleAttendees;
}

/**
 * One attending representative's ballot: a default decision ("approve all") and the entries
 * decided otherwise ("… except these"). An attendee who cast no ballot has `ballot: null` and
 * approves nothing, but still counts among those attending.
 */
export type Attendee = {
  representativeId: string;
  homeHouseholdId: string | null;
  ballot: { defaultDecision: Decision; exceptions: ReadonlyMap<string, Decision> } | null;
};

export type Tally = { attendees: number; approve: number; reject: number; abstain: number; passed: boolean };

/** The decision of one attendee on one entry, or null when recused (their own household). */
export function decisionOn(attendee: Attendee, entry: { id: string; householdId: string }): Decision | "NONE" | null {
  if (attendee.homeHouseholdId === entry.householdId) return null;
  if (!attendee.ballot) return "NONE";
  return attendee.ballot.exceptions.get(entry.id) ?? attendee.ballot.defaultDecision;
}

/** The tally of one entry of a review: recused attendees leave the denominator. */
export function tallyEntry(entry: { id: string; householdId: string }, attendees: readonly Attendee[]): Tally {
  const tally = { attendees: 0, approve: 0, reject: 0, abstain: 0 };
  for (const attendee of attendees) {
    const decision = decisionOn(attendee, entry);
    if (decision === null) continue;
    tally.attendees += 1;
    if (decision === "APPROVE") tally.approve += 1;
    else if (decision === "REJECT") tally.reject += 1;
    else if (decision === "ABSTAIN") tally.abstain += 1;
  }
  return { ...tally, passed: isPassed(tally.approve, tally.attendees) };
}

/** The tally of a rule-set vote: one decision per attendee, no recusal. */
export function tallyMotion(decisions: readonly (Decision | null)[]): Tally {
  const count = (d: Decision) => decisions.filter((x) => x === d).length;
  const approve = count("APPROVE");
  return { attendees: decisions.length, approve, reject: count("REJECT"), abstain: count("ABSTAIN"), passed: isPassed(approve, decisions.length) };
}
