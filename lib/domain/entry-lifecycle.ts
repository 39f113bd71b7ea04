import type { Category, EntryStatus } from "./scoring";

// The legal changes of an entry's status (DESIGN.md "Domain"), the one table every use case
// goes through: the quarterly review confirms or rejects what was recorded; a clerk (or an upheld
// appeal) voids; an approved correction rectifies a yellow. Anything else is refused.

export type Transition = "CONFIRM" | "REJECT" | "VOID" | "RECTIFY";

type Rule = { from: readonly EntryStatus[]; to: EntryStatus; event: "CONFIRMED" | "REJECTED" | "VOIDED" | "RECTIFIED"; categories?: readonly Category[] };

export const transitions: Record<Transition, Rule> = {
  CONFIRM: { from: ["PENDING"], to: "CONFIRMED", event: "CONFIRMED" },
  REJECT: { from: ["PENDING"], to: "REJECTED", event: "REJECTED" },
  // A rejected entry never counted and stays as the review left it; a voided one is gone already.
  VOID: { from: ["PENDING", "CONFIRMED", "RECTIFIED"], to: "VOIDED", event: "VOIDED" },
  // Only a yellow is erased by correcting the behaviour; blacks are never erased, reds need none.
  RECTIFY: { from: ["PENDING", "CONFIRMED"], to: "RECTIFIED", event: "RECTIFIED", categories: ["YELLOW"] },
};

export type EntryState = { category: Category; status: EntryStatus };

export function canTransition(entry: EntryState, transition: Transition): boolean {
  const rule = transitions[transition];
  return rule.from.includes(entry.status) && (!rule.categories || rule.categories.includes(entry.category));
}

/** The status and event type a transition leads to, or null when it is not allowed from here. */
export function nextStatus(entry: EntryState, transition: Transition): { to: EntryStatus; event: Rule["event"] } | null {
  if (!canTransition(entry, transition)) return null;
  const { to, event } = transitions[transition];
  return { to, event };
}
