import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { RuleView } from "@/lib/schemas/entries";
import type { RuleSetStatus, RuleSetSummary, RuleSetTally } from "@/lib/schemas/rule-sets";

// How rule sets, rules and vote tallies are read and shown; shared by the list, the detail and
// the public page so that all three say the same thing.

const CATEGORY_ORDER = { RED: 0, YELLOW: 1, BLACK: 2 } as const;

export const ruleSelect = {
  id: true, code: true, category: true, title: true, description: true, marks: true, evidenceHint: true,
} as const;

/** Reds, then yellows, then blacks; by code within each. */
export function sortRules<R extends Pick<RuleView, "category" | "code">>(rules: R[]): R[] {
  return [...rules].sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || a.code.localeCompare(b.code));
}

export const voteTallySelect = {
  id: true, meetingDate: true, representativesTotal: true, createdAt: true, closedAt: true,
  passed: true, attendees: true, approve: true, reject: true, abstain: true,
} as const;

type StoredTally = {
  closedAt: Date | null; passed: boolean | null; attendees: number | null;
  approve: number | null; reject: number | null; abstain: number | null;
};

/** The tally stored when the vote closed; null while it is open. */
export function toTally(vote: StoredTally | null | undefined): RuleSetTally | null {
  if (!vote?.closedAt || vote.passed === null) return null;
  return {
    attendees: vote.attendees ?? 0, approve: vote.approve ?? 0, reject: vote.reject ?? 0, abstain: vote.abstain ?? 0,
    passed: vote.passed,
  };
}

export const ruleSetSummarySelect = {
  id: true, villageId: true, version: true, title: true, status: true, effectiveFrom: true, effectiveTo: true,
  _count: { select: { rules: true } },
  votes: { orderBy: { createdAt: "desc" }, take: 1, select: voteTallySelect },
} as const;

type SummaryRow = {
  id: string; villageId: string; version: number; title: string; status: RuleSetStatus;
  effectiveFrom: Date | null; effectiveTo: Date | null; _count: { rules: number };
  votes: (StoredTally & { meetingDate: Date })[];
};

export const dayOrNull = (date: Date | null): string | null => (date ? dateToDay(date) : null);

export function toRuleSetSummary(row: SummaryRow, inForceId: string | null): RuleSetSummary {
  const vote = row.votes[0];
  return {
    id: row.id, villageId: row.villageId, version: row.version, title: row.title, status: row.status,
    effectiveFrom: dayOrNull(row.effectiveFrom), effectiveTo: dayOrNull(row.effectiveTo),
    inForceToday: row.id === inForceId, rules: row._count.rules,
    meetingDate: vote ? dateToDay(vote.meetingDate) : null, tally: toTally(vote),
  };
}
