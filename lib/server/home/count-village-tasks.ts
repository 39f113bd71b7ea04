import "server-only";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import { quarterOf, type Quarter } from "@/lib/domain/quarter";
import { unsafeCountOpenAppeals, type OpenAppealCount } from "@/lib/server/appeals/count-open-appeals";
import { can, type Actor, type Permission } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";

/** The version of the rules being drafted or voted on (a village has one at a time), for its council. */
export type OpenRuleSet = {
  id: string; version: number; status: "DRAFT" | "VOTING";
  vote: { meetingDate: string; ballots: number; roster: number } | null;
};
/** An open rule-set vote on whose roster the representative is and in which they have not voted yet. */
export type RuleSetVoteToCast = { ruleSetId: string; version: number; title: string; meetingDate: string };

/**
 * What waits in a village for one of its council members or representatives. Each item is
 * counted only for a role that may act on it (null otherwise), so the home page offers exactly
 * what the policy allows; the links lead to pages that check again.
 */
export type VillageTasks = {
  quarter: Quarter;
  pendingThisQuarter: number | null;
  rectificationsRequested: number | null;
  openAppeals: OpenAppealCount | null;
  extractsAwaitingConsent: number | null;
  openRuleSet: OpenRuleSet | null;
  ruleSetVotes: RuleSetVoteToCast[] | null;
};

/** Counts, not rows: this runs on every visit to a clerk's or representative's home. */
export async function countVillageTasks(actor: Actor, villageId: string, now: Date = new Date()): Promise<VillageTasks> {
  await loadVillageTarget(actor, "villages.read", villageId);
  const quarter = quarterOf(dayToDate(chinaToday(now)));
  const when = <T>(permission: Permission, load: () => Promise<T>): Promise<T | null> =>
    can(actor, permission) ? load() : Promise.resolve(null);
  const [pendingThisQuarter, rectificationsRequested, openAppeals, extractsAwaitingConsent, openRuleSet, ruleSetVotes] = await Promise.all([
    when("entries.record", () => db.entry.count({ where: { villageId, year: quarter.year, quarter: quarter.quarter, status: "PENDING" } })),
    when("rectifications.decide", () => db.rectification.count({ where: { status: "REQUESTED", household: { villageId } } })),
    // The clerk's appeal list: the village's.
    when("appeals.resolve", () => unsafeCountOpenAppeals({ villageId }, now)),
    // Asked by the council, waiting for the household to agree (its home page asks it).
    when("extracts.request", () => db.archiveExtract.count({ where: { status: "AWAITING_CONSENT", household: { villageId } } })),
    when("ruleSets.manage", () => findOpenRuleSet(villageId)),
    when("ruleSets.vote", () => listRuleSetVotesToCast(actor.id, villageId)),
  ]);
  return {
    quarter, pendingThisQuarter, rectificationsRequested, openAppeals, extractsAwaitingConsent, openRuleSet: openRuleSet ?? null, ruleSetVotes,
  };
}

async function findOpenRuleSet(villageId: string): Promise<OpenRuleSet | undefined> {
  const row = await db.ruleSet.findFirst({
    where: { villageId, status: { in: ["DRAFT", "VOTING"] } }, orderBy: { version: "desc" },
    select: {
      id: true, version: true, status: true,
      votes: {
        where: { closedAt: null }, orderBy: { createdAt: "desc" }, take: 1,
        select: { meetingDate: true, representativesTotal: true, _count: { select: { ballots: true } } },
      },
    },
  });
  if (!row || (row.status !== "DRAFT" && row.status !== "VOTING")) return undefined;
  const vote = row.votes[0];
  return {
    id: row.id, version: row.version, status: row.status,
    vote: vote ? { meetingDate: dateToDay(vote.meetingDate), ballots: vote._count.ballots, roster: vote.representativesTotal } : null,
  };
}

// Only a representative frozen on the vote's roster may vote in it (record-rule-set-ballot.ts).
async function listRuleSetVotesToCast(representativeId: string, villageId: string): Promise<RuleSetVoteToCast[]> {
  const votes = await db.ruleSetVote.findMany({
    where: {
      closedAt: null, ruleSet: { villageId, status: "VOTING" },
      roster: { some: { representativeId } }, ballots: { none: { representativeId } },
    },
    orderBy: { createdAt: "asc" },
    select: { meetingDate: true, ruleSet: { select: { id: true, version: true, title: true } } },
  });
  return votes.map((v) => ({ ruleSetId: v.ruleSet.id, version: v.ruleSet.version, title: v.ruleSet.title, meetingDate: dateToDay(v.meetingDate) }));
}
