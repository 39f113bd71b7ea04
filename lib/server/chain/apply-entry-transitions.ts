import "server-only";
import { nextStatus, type Transition } from "@/lib/domain/entry-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";
import { appendEvent, lockChain } from "./append-to-chain";

// The one way an entry's status changes, and the one way a due-process step reaches the chain
// (lib/domain/entry-lifecycle.ts): under the household's chain lock, each change is checked
// against the table, appended as an event, and the entry's status follows it. The caller writes
// the audit record of the whole write in the same transaction.

type Tx = Prisma.TransactionClient;

export type EntryChange = {
  entryId: string;
  transition: Transition;
  reason: string | null;
  actorId: string | null; // null when the quarterly review decided
  reviewId?: string;
  appealId?: string;
  rectificationId?: string;
  at?: Date; // when a filing's row carries the time too
};

export type AppliedChange = { entryId: string; eventId: string; fromStatus: EntryStatus; toStatus: EntryStatus; createdAt: Date };

/** Applies the changes, in order, to entries of one household; refuses the whole batch if one is not allowed. */
export async function applyEntryTransitions(tx: Tx, householdId: string, changes: EntryChange[]): Promise<AppliedChange[]> {
  await lockChain(tx, householdId);
  const rows = await tx.entry.findMany({
    where: { id: { in: changes.map((c) => c.entryId) }, householdId }, select: { id: true, category: true, status: true },
  });
  const current = new Map(rows.map((row) => [row.id, row]));
  const applied: AppliedChange[] = [];
  for (const change of changes) {
    const entry = current.get(change.entryId);
    if (!entry) throw new AppError("NOT_FOUND", "errors.notFound");
    const next = nextStatus(entry, change.transition);
    if (!next) throw refusal(entry.status, change.transition);
    const event = await appendEvent(tx, {
      entryId: entry.id, householdId, type: next.event, fromStatus: entry.status, toStatus: next.to, reason: change.reason,
      actorId: change.actorId, reviewId: change.reviewId ?? null, appealId: change.appealId ?? null,
      rectificationId: change.rectificationId ?? null, ...(change.at ? { at: change.at } : {}),
    });
    if (next.to !== entry.status) {
      await tx.entry.update({ where: { id: entry.id }, data: { status: next.to }, select: { id: true } });
    }
    applied.push({ entryId: entry.id, eventId: event.id, fromStatus: entry.status, toStatus: next.to, createdAt: event.createdAt });
    current.set(entry.id, { ...entry, status: next.to });
  }
  return applied;
}

// What the person is told when the entry has moved on since they looked at it.
function refusal(status: EntryStatus, transition: Transition): AppError {
  switch (transition) {
    case "VOID":
      return status === "VOIDED"
        ? new AppError("CONFLICT", "errors.entryAlreadyVoided")
        : new AppError("RULE_VIOLATION", "errors.entryNotVoidable");
    case "RECTIFY":
    case "REQUEST_RECTIFICATION":
      return new AppError("RULE_VIOLATION", "errors.entryNotRectifiable");
    case "LODGE_APPEAL":
      return new AppError("RULE_VIOLATION", "errors.entryNotAppealable");
    default:
      return new AppError("CONFLICT", "errors.entryAlreadyDecided");
  }
}

/** One change to one entry (see applyEntryTransitions). */
export async function applyEntryTransition(tx: Tx, householdId: string, change: EntryChange): Promise<AppliedChange> {
  const [applied] = await applyEntryTransitions(tx, householdId, [change]);
  return applied!;
}
