import "server-only";
import type { CreateVillageInput } from "@/lib/schemas/villages";
import { writeAudit } from "@/lib/server/audit";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { assertVillageUnique, auditSnapshot, toVillageOutput, villageConflict, villageSelect } from "./village-record";

/** Adds a village or community to a township within the actor's scope. */
export async function createVillage(actor: Actor, input: CreateVillageInput, context: RequestContext) {
  authorize(actor, "villages.manage");
  const townshipId = input.townshipId ?? actor.townshipId;
  if (!townshipId) throw new AppError("INVALID_INPUT", "errors.invalidInput", undefined, { townshipId: "validation.townshipRequired" });
  try {
    return await db.$transaction(async (tx) => {
      const township = await tx.township.findUnique({ where: { id: townshipId }, select: { id: true } });
      if (!township) throw new AppError("NOT_FOUND", "errors.notFound");
      authorizeIn(actor, "villages.manage", { townshipId });
      await assertVillageUnique(tx, townshipId, input);
      const row = await tx.village.create({
        data: { townshipId, code: input.code, name: input.name, kind: input.kind }, select: villageSelect,
      });
      await writeAudit(tx, context, {
        actorId: actor.id, action: "village.create", targetType: "Village", targetId: row.id,
        townshipId, villageId: row.id, after: auditSnapshot(row),
      });
      return toVillageOutput(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw villageConflict("code");
    throw error;
  }
}
