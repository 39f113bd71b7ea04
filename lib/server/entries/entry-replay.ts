import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { RecordEntryInput } from "@/lib/schemas/entries";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

// A double tap, or a request retried after a lost answer, carries the idempotency key of the
// first: it must get the entry recorded then, not a second one. The same key with another
// content is a client error, not a retry. API clients may send the Idempotency-Key header instead
// (lib/server/api/idempotency.ts), which works the same way for every creating operation.

/** The id of the entry this actor already recorded under the key, or null. */
export async function findReplayedEntry(actor: Actor, idempotencyKey: string, input: RecordEntryInput): Promise<string | null> {
  const entry = await db.entry.findUnique({
    where: { recordedById_idempotencyKey: { recordedById: actor.id, idempotencyKey } },
    select: {
      id: true, householdId: true, memberId: true, ruleId: true, category: true, occurredOn: true,
      description: true, legalAuthority: true, legalDocumentNo: true, evidence: { select: { id: true } },
    },
  });
  if (!entry) return null;
  const legal = (value: string | null | undefined) => (entry.category === "BLACK" ? value ?? null : null);
  const stored = [
    entry.householdId, entry.memberId, entry.ruleId, dateToDay(entry.occurredOn), entry.description,
    entry.legalAuthority, entry.legalDocumentNo, entry.evidence.map((p) => p.id).sort().join(","),
  ];
  const sent = [
    input.householdId, input.memberId ?? null, input.ruleId, input.occurredOn, input.description,
    legal(input.legalAuthority), legal(input.legalDocumentNo), [...input.evidenceIds].sort().join(","),
  ];
  if (stored.some((value, i) => value !== sent[i])) throw new AppError("CONFLICT", "errors.idempotencyKeyReused");
  return entry.id;
}
