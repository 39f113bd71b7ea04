import "server-only";
import type { AppealView, LodgeAppealInput } from "@/lib/schemas/appeals";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadEntryTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { applyEntryTransition } from "@/lib/server/chain/apply-entry-transitions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetAppealView } from "./appeal-views";

/**
 * A household disputes one of its own entries, with its reason (DESIGN.md "Appeal"). One appeal
 * at a time per entry; a voided entry is no longer held against anyone and cannot be appealed.
 */
export async function lodgeAppeal(
  actor: Actor, entryId: string, input: LodgeAppealInput, context: RequestContext, now: Date = new Date(),
): Promise<AppealView> {
  const entry = await loadEntryTarget(actor, "appeals.lodge", entryId);

  const id = await db.$transaction(async (tx) => {
    // Under the chain's lock, so that a double tap cannot open two appeals.
    await lockChain(tx, entry.householdId);
    const pending = await tx.appeal.count({ where: { entryId, status: "OPEN" } });
    if (pending) throw new AppError("CONFLICT", "errors.appealPending");
    const created = await tx.appeal.create({
      data: {
        entryId, householdId: entry.householdId, villageId: entry.villageId, lodgedById: actor.id, reason: input.reason,
        filedViaAccessCode: actor.viaAccessCode, createdAt: now,
      },
      select: { id: true },
    });
    // The lodging and its text are chained, so that neither can be rewritten or disappear; a
    // voided entry is refused here (lib/domain/entry-lifecycle.ts) and nothing is written.
    const event = await applyEntryTransition(tx, entry.householdId, {
      entryId, transition: "LODGE_APPEAL", reason: input.reason, actorId: actor.id, appealId: created.id, at: now,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "appeal.lodge", targetType: "Appeal", targetId: created.id,
      townshipId: entry.townshipId, villageId: entry.villageId,
      after: {
        entryId, householdId: entry.householdId, status: "OPEN", entryStatus: event.toStatus, reason: input.reason,
        viaAccessCode: actor.viaAccessCode, eventId: event.eventId,
      },
    });
    return created.id;
  });
  return unsafeGetAppealView(id);
}
