import type { Category, EntryStatus } from "./scoring";

// The legal changes of an entry (DESIGN.md "Domain"), the one table every use case goes through:
// the quarterly review confirms or rejects what was recorded; a clerk or an upheld appeal voids;
// an approved correction rectifies a yellow. The due-process steps that leave the status as it is
// (an appeal lodged or dismissed, a rectification asked for or declined) are chained events too,
// so they are listed here with `to: "SAME"`. Anything not in the table is refused.

export type Transition =
  | "CONFIRM" | "REJECT" | "VOID" | "RECTIFY" | "UPHOLD_APPEAL"
  | "LODGE_APPEAL" | "DISMISS_APPEAL" | "REQUEST_RECTIFICATION" | "DECLINE_RECTIFICATION";

export type EventType =
  | "CONFIRMED" | "REJECTED" | "VOIDED" | "RECTIFIED"
  | "APPEAL_LODGED" | "APPEAL_DISMISSED" | "RECTIFICATION_REQUESTED" | "RECTIFICATION_DECLINED";

type Rule = { from: readonly EntryStatus[]; to: EntryStatus | "SAME"; event: EventType; categories?: readonly Category[] };

const ANY: readonly EntryStatus[] = ["PENDING", "CONFIRMED", "REJECTED", "VOIDED", "RECTIFIED"];

export const transitions: Record<Transition, Rule> = {
  CONFIRM: { from: ["PENDING"], to: "CONFIRMED", event: "CONFIRMED" },
  REJECT: { from: ["PENDING"], to: "REJECTED", event: "REJECTED" },
  // A rejected entry never counted and stays as the review left it; a voided one is gone already.
  VOID: { from: ["PENDING", "CONFIRMED", "RECTIFIED"], to: "VOIDED", event: "VOIDED" },
  // Only a yellow is erased by correcting the behaviour; blacks are never erased, reds need none.
  RECTIFY: { from: ["PENDING", "CONFIRMED"], to: "RECTIFIED", event: "RECTIFIED", categories: ["YELLOW"] },
  REQUEST_RECTIFICATION: { from: ["PENDING", "CONFIRMED"], to: "SAME", event: "RECTIFICATION_REQUESTED", categories: ["YELLOW"] },
  DECLINE_RECTIFICATION: { from: ANY, to: "SAME", event: "RECTIFICATION_DECLINED" },
  // A household disputes what counts against it: a yellow or black awaiting its review or
  // confirmed. A red is praise; a rejected, voided or rectified entry no longer counts.
  LODGE_APPEAL: { from: ["PENDING", "CONFIRMED"], to: "SAME", event: "APPEAL_LODGED", categories: ["YELLOW", "BLACK"] },
  DISMISS_APPEAL: { from: ANY, to: "SAME", event: "APPEAL_DISMISSED" },
  // Upheld, the disputed entry is voided; if a clerk voided it meanwhile, the decision is still
  // chained (VOIDED to VOIDED) so the household sees its appeal answered.
  UPHOLD_APPEAL: { from: ANY, to: "VOIDED", event: "VOIDED" },
};

export type EntryState = { category: Category; status: EntryStatus };

export function canTransition(entry: EntryState, transition: Transition): boolean {
  const rule = transitions[transition];
  return rule.from.includes(entry.status) && (!rule.categories || rule.categories.includes(entry.category));
}

/** The status and event type a transition leads to, or null when it is not allowed from here. */
export function nextStatus(entry: EntryState, transition: Transition): { to: EntryStatus; event: EventType } | null {
  if (!canTransition(entry, transition)) return null;
  const { to, event } = transitions[transition];
  return { to: to === "SAME" ? entry.status : to, event };
}
