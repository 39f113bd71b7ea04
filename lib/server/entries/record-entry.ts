import "server-only";
import { dayToDate } from "@/lib/domain/entry-date";
import { quarterOf } from "@/lib/domain/quarter";
import type { EntryDetail, RecordEntryInput } from "@/lib/schemas/entries";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { appendEntry } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { checkEntry, loadHouseholdForEntry } from "./check-entry";
import { findReplayedEntry } from "./entry-replay";
import { getEntry } from "./get-entry";

export type RecordEntryResult = { entry: EntryDetail; replayed: boolean };

/**
 * Records a mark for a household of the clerk's village. It starts PENDING in the quarter of the
 * day it occurred, copies category and marks from the rule in force that day, and is appended
 * to the household's hash chain together with its audit record, in one transaction.
 */
export async function recordEntry(
  actor: Actor, input: RecordEntryInput, context: RequestContext, now: Date = new Date(),
): Promise<RecordEntryResult> {
  authorize(actor, "entries.record");
  const replayed = input.idempotencyKey ? await findReplayedEntry(actor, input.idempotencyKey, input) : null;
  if (replayed) return { entry: await getEntry(actor, replayed), replayed: true };

  const household = await loadHouseholdForEntry(actor, input.householdId);
  const rule = await checkEntry(actor, household, input, now);
  const occurredOn = dayToDate(input.occurredOn);
  const { year, quarter } = quarterOf(occurredOn);
  const isBlack = rule.category === "BLACK";
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const appended = await appendEntry(tx, {
        householdId: household.id, memberId: input.memberId ?? null, villageId: household.villageId,
        ruleId: rule.id, category: rule.category, marks: rule.marks, occurredOn, year, quarter,
        description: input.description,
        legalAuthority: isBlack ? input.legalAuthority ?? null : null,
        legalDocumentNo: isBlack ? input.legalDocumentNo ?? null : null,
        recordedById: actor.id, idempotencyKey: input.idempotencyKey ?? null,
      }, input.evidenceIds);
      await writeAudit(tx, context, {
        actorId: actor.id, action: "entry.record", targetType: "Entry", targetId: appended.id,
        townshipId: household.townshipId, villageId: household.villageId,
        after: {
          householdId: household.id, ruleCode: rule.code, category: rule.category, marks: rule.marks,
          occurredOn: input.occurredOn, status: "PENDING", evidence: input.evidenceIds.length, chainSeq: appended.chainSeq,
        },
      });
      return appended.id;
    });
  } catch (error) {
    // Two taps raced past the first check: the loser answers with the winner's entry.
    const winner = isUniqueViolation(error) && input.idempotencyKey ? await findReplayedEntry(actor, input.idempotencyKey, input) : null;
    if (!winner) throw error;
    return { entry: await getEntry(actor, winner), replayed: true };
  }
  return { entry: await getEntry(actor, id), replayed: false };
}
