import "server-only";
import type { SetHouseholdStatusInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { householdSelect, lockHouseholdForWrite, toHouseholdOutput } from "./household-record";

/**
 * Marks a household as moved out or deregistered, or back in the register. A household is never
 * deleted: its archive is evidence for its children, long after it has left.
 */
export async function setHouseholdStatus(actor: Actor, id: string, input: SetHouseholdStatusInput, context: RequestContext) {
  authorize(actor, "households.manage");
  return db.$transaction(async (tx) => {
    const current = await lockHouseholdForWrite(tx, actor, id);
    if (current.status === input.status) throw new AppError("RULE_VIOLATION", "errors.householdStatusUnchanged");
    const row = await tx.household.update({ where: { id }, data: { status: input.status }, select: householdSelect });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "household.setStatus", targetType: "Household", targetId: id,
      townshipId: current.village.townshipId, villageId: current.villageId,
      before: { status: current.status }, after: { status: input.status, reason: input.reason },
    });
    return toHouseholdOutput(row);
  });
}
