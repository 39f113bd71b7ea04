import "server-only";
import { isAppealable } from "@/lib/domain/due-process";
import type { AppealView, LodgeAppealInput } from "@/lib/schemas/appeals";
import { writeAudit } from "@/lib/server/audit";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetAppealView } from "./appeal-views";

/**
 * A household disputes one of its own entries, with its reason (DESIGN.md "Appeal"). One appeal
 * at a time per entry; a voided entry is no longer held against anyone and cannot be appealed.
 */
export async function lodgeAppeal(actor: Actor, entryId: string, input: LodgeAppealInput, context: RequestContext): Promise<AppealView> {
  authorize(actor, "appeals.lodge");
  const entry = await db.entry.findUnique({
    where: { id: entryId },
    select: { householdId: true, villageId: true, village: { select: { townshipId: true } } },
  });
  if (!entry) throw new AppError("NOT_FOUND", "errors.notFound");
  const place = { townshipId: entry.village.townshipId, villageId: entry.villageId, householdId: entry.householdId };
  authorizeIn(actor, "appeals.lodge", place);

  const id = await db.$transaction(async (tx) => {
    // Under the chain's lock, so that a double tap cannot open two appeals.
    await lockChain(tx, entry.householdId);
    const current = await tx.entry.findUniqueOrThrow({
      where: { id: entryId },
      select: { status: true, appeals: { where: { status: "OPEN" }, take: 1, select: { id: true } } },
    });
    if (!isAppealable(current)) throw new AppError("RULE_VIOLATION", "errors.entryNotAppealable");
    if (current.appeals.length) throw new AppError("CONFLICT", "errors.appealPending");
    const created = await tx.appeal.create({
      data: { entryId, householdId: entry.householdId, villageId: entry.villageId, lodgedById: actor.id, reason: input.reason },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "appeal.lodge", targetType: "Appeal", targetId: created.id,
      townshipId: place.townshipId, villageId: place.villageId,
      after: { entryId, householdId: entry.householdId, status: "OPEN", entryStatus: current.status, reason: input.reason },
    });
    return created.id;
  });
  return unsafeGetAppealView(id);
}
