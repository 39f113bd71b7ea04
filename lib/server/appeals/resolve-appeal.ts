import "server-only";
import type { AppealView, ResolveAppealInput } from "@/lib/schemas/appeals";
import { writeAudit } from "@/lib/server/audit";
import { assertNotRecused, authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { appendEvent, lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetAppealView } from "./appeal-views";

/**
 * A clerk of the village resolves an appeal, with the reason the household will read. UPHELD
 * voids the entry: a VOIDED event carrying the appeal's id is appended to the household's
 * chain. DISMISSED leaves the entry as it is. Resolved once only.
 */
export async function resolveAppeal(actor: Actor, appealId: string, input: ResolveAppealInput, context: RequestContext): Promise<AppealView> {
  authorize(actor, "appeals.resolve");
  const found = await db.appeal.findUnique({
    where: { id: appealId },
    select: { householdId: true, villageId: true, village: { select: { townshipId: true } } },
  });
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
  const place = { townshipId: found.village.townshipId, villageId: found.villageId, householdId: found.householdId };
  authorizeIn(actor, "appeals.resolve", place);
  assertNotRecused(actor, found.householdId);

  await db.$transaction(async (tx) => {
    // The chain's lock serializes two clerks resolving the same appeal at once.
    await lockChain(tx, found.householdId);
    const open = await tx.appeal.findUniqueOrThrow({
      where: { id: appealId },
      select: { status: true, entryId: true, entry: { select: { status: true } } },
    });
    if (open.status !== "OPEN") throw new AppError("CONFLICT", "errors.appealAlreadyResolved");
    const entryStatus = open.entry.status;
    // A clerk may have voided the entry meanwhile: the appeal is then upheld with nothing left to void.
    const voids = input.outcome === "UPHELD" && entryStatus !== "VOIDED";
    const event = voids
      ? await appendEvent(tx, {
        entryId: open.entryId, householdId: found.householdId, type: "VOIDED", fromStatus: entryStatus, toStatus: "VOIDED",
        reason: input.resolution, actorId: actor.id, appealId,
      })
      : null;
    if (voids) await tx.entry.update({ where: { id: open.entryId }, data: { status: "VOIDED" }, select: { id: true } });
    await tx.appeal.update({
      where: { id: appealId },
      data: { status: input.outcome, resolvedById: actor.id, resolvedAt: new Date(), resolution: input.resolution },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: input.outcome === "UPHELD" ? "appeal.uphold" : "appeal.dismiss",
      targetType: "Appeal", targetId: appealId, townshipId: place.townshipId, villageId: place.villageId,
      before: { status: "OPEN", entryStatus },
      after: {
        status: input.outcome, resolution: input.resolution, entryId: open.entryId,
        entryStatus: voids ? "VOIDED" : entryStatus, eventId: event?.id ?? null,
      },
    });
  });
  return unsafeGetAppealView(appealId);
}
