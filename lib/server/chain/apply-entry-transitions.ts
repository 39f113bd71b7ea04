import "server-only";
import { appealRefusal } from "@/lib/domain/due-process";
import { nextStatus, type EntryState, type Transition } from "@/lib/domain/entry-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";
import { refreshScores } from "@/lib/server/scores/refresh-scores";
import { appendEvents, lockChains, type NewEvent } from "./append-to-chain";

// The one way an entry's status changes, and the one way a due-process step reaches the chain
// (lib/domain/entry-lifecycle.ts): under the household's chain lock, each change is checked
// against the table, appended as an event, and the entry's status and the household's
// maintained scores follow it. The caller writes
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

/**
 * Applies the changes, in order, to entries of one or many households (a quarterly review
 * closing); refuses the whole batch if one is not allowed. Every chain is
 * locked in household id order, then the events are appended and the statuses updated in a few
 * statements, whatever the number of entries.
 */
export async function applyEntryTransitionsAcross(tx: Tx, changes: (EntryChange & { householdId: string })[]): Promise<AppliedChange[]> {
  if (changes.length === 0) return [];
  await lockChains(tx, changes.map((c) => c.householdId));
  const rows = await tx.entry.findMany({
    where: { id: { in: changes.map((c) => c.entryId) } }, select: { id: true, householdId: true, category: true, status: true },
  });
  const current = new Map(rows.map((row) => [row.id, row]));
  const original = new Map(rows.map((row) => [row.id, row.status]));
  const planned: { change: (typeof changes)[number]; fromStatus: EntryStatus; toStatus: EntryStatus; event: NewEvent }[] = [];
  for (const change of changes) {
    const entry = current.get(change.entryId);
    if (!entry || entry.householdId !== change.householdId) throw new AppError("NOT_FOUND", "errors.notFound");
    const next = nextStatus(entry, change.transition);
    if (!next) throw refusal(entry, change.transition);
    planned.push({
      change, fromStatus: entry.status, toStatus: next.to,
      event: {
        entryId: entry.id, householdId: entry.householdId, type: next.event, fromStatus: entry.status, toStatus: next.to, reason: change.reason,
        actorId: change.actorId, reviewId: change.reviewId ?? null, appealId: change.appealId ?? null,
        rectificationId: change.rectificationId ?? null, ...(change.at ? { at: change.at } : {}),
      },
    });
    current.set(entry.id, { ...entry, status: next.to });
  }
  const appended = await appendEvents(tx, planned.map((p) => p.event));
  // Entry.status follows each entry's last event.
  const moved = new Map<EntryStatus, string[]>();
  for (const [id, entry] of current) {
    if (entry.status === original.get(id)) continue;
    const ids = moved.get(entry.status) ?? [];
    ids.push(id);
    moved.set(entry.status, ids);
  }
  for (const [status, ids] of moved) await tx.entry.updateMany({ where: { id: { in: ids } }, data: { status } });
  // The maintained scores follow in the same transaction (DESIGN.md "Score"), for the households
  // whose entries changed status (an appeal lodged or a request declined changes none).
  await refreshScores(tx, planned.filter((p) => p.fromStatus !== p.toStatus).map((p) => p.change.householdId));
  return planned.map((p, i) => ({
    entryId: p.change.entryId, eventId: appended[i]!.id, fromStatus: p.fromStatus, toStatus: p.toStatus, createdAt: appended[i]!.createdAt,
  }));
}

// What the person is told when the entry cannot take the step: it has moved on since they looked
// at it, or (a red appealed) never could.
function refusal(entry: EntryState, transition: Transition): AppError {
  switch (transition) {
    case "VOID":
      return entry.status === "VOIDED"
        ? new AppError("CONFLICT", "errors.entryAlreadyVoided")
        : new AppError("RULE_VIOLATION", "errors.entryNotVoidable");
    case "RECTIFY":
    case "REQUEST_RECTIFICATION":
      return new AppError("RULE_VIOLATION", "errors.entryNotRectifiable");
    case "LODGE_APPEAL": {
      const isRed = appealRefusal({ ...entry, hasOpenAppeal: false }) === "RED";
      return new AppError("RULE_VIOLATION", isRed ? "errors.redNotAppealable" : "errors.entryNotAppealable");
    }
    default:
      return new AppError("CONFLICT", "errors.entryAlreadyDecided");
  }
}

/** One change to one entry (see applyEntryTransitionsAcross). */
export async function applyEntryTransition(tx: Tx, householdId: string, change: EntryChange): Promise<AppliedChange> {
  const [applied] = await applyEntryTransitionsAcross(tx, [{ ...change, householdId }]);
  return applied!;
}
