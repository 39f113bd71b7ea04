import "server-only";
import { appealRefusal } from "@/lib/domain/due-process";
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
 * A household disputes one of its own entries, with its reason (DESIGN.md "Appeal"): a yellow or
 * black that counts against it, one appeal at a time (lib/domain/due-process.ts, the rule the
 * archive page offers the button by).
 */
export async function lodgeAppeal(
  actor: Actor, entryId: string, input: LodgeAppealInput, context: RequestContext, now: Date = new Date(),
): Promise<AppealView> {
  const entry = await loadEntryTarget(actor, "appeals.lodge", entryId);

  const id = await db.$transaction(async (tx) => {
    // Under the chain's lock, so that a double tap cannot open two appeals.
    await lockChain(tx, entry.householdId);
    const [state, open] = await Promise.all([
      tx.entry.findUniqueOrThrow({ where: { id: entryId }, select: { category: true, status: true } }),
      tx.appeal.count({ where: { entryId, status: "OPEN" } }),
    ]);
    // What is not appealable at all (a red, an entry that no longer counts) is refused by the
    // transition below, with its reason, and nothing is written.
    if (appealRefusal({ ...state, hasOpenAppeal: open > 0 }) === "OPEN_APPEAL") throw new AppError("CONFLICT", "errors.appealPending");
    const created = await tx.appeal.create({
      data: {
        entryId, householdId: entry.householdId, villageId: entry.villageId, lodgedById: actor.id, reason: input.reason,
        filedViaAccessCode: actor.viaAccessCode, createdAt: now,
      },
      select: { id: true },
    });
    // The lodging and its text are chained, so that neither can be rewritten or disappear.
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
