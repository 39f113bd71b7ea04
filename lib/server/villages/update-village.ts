import "server-only";
import type { UpdateVillageInput } from "@/lib/schemas/villages";
import { writeAudit } from "@/lib/server/audit";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { assertVillageUnique, auditSnapshot, toVillageOutput, villageConflict, villageSelect } from "./village-record";

/** Renames, recodes, reclassifies, deactivates or reactivates a village within the actor's scope. */
export async function updateVillage(actor: Actor, id: string, input: UpdateVillageInput, context: RequestContext) {
  authorize(actor, "villages.manage");
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.village.findFirst({ where: { AND: [villageWhere(actor), { id }] }, select: villageSelect });
      if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
      const code = input.code !== undefined && input.code !== current.code ? input.code : undefined;
      const name = input.name !== undefined && input.name !== current.name ? input.name : undefined;
      // Archive numbers carry the village code and never change, so the code is fixed once
      // the village has households.
      if (code !== undefined && current._count.households > 0) {
        throw new AppError("RULE_VIOLATION", "errors.villageCodeInUse", undefined, { code: "errors.villageCodeInUse" });
      }
      await assertVillageUnique(tx, current.townshipId, { code, name }, id);
      const row = await tx.village.update({
        where: { id }, select: villageSelect,
        data: {
          ...(code !== undefined && { code }), ...(name !== undefined && { name }),
          ...(input.kind !== undefined && { kind: input.kind }), ...(input.active !== undefined && { active: input.active }),
        },
      });
      await writeAudit(tx, context, {
        actorId: actor.id, action: "village.update", targetType: "Village", targetId: id,
        townshipId: current.townshipId, villageId: id, before: auditSnapshot(current), after: auditSnapshot(row),
      });
      return toVillageOutput(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw villageConflict("code");
    throw error;
  }
}
