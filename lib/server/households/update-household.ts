import "server-only";
import { pinyinInitials } from "@/lib/domain/pinyin-initials";
import type { UpdateHouseholdInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { groupOfVillage } from "./create-household";
import { changedFields, householdSelect, lockHouseholdForWrite, nothingChanged, toHouseholdOutput } from "./household-record";

/**
 * Corrects a household's head name, address, phone or group. The reason is required: the audit
 * record, with the fields before and after, is the household's change history.
 */
export async function updateHousehold(actor: Actor, id: string, input: UpdateHouseholdInput, context: RequestContext) {
  authorize(actor, "households.manage");
  return db.$transaction(async (tx) => {
    const current = await lockHouseholdForWrite(tx, actor, id);
    const groupId = input.groupId === undefined ? undefined : await groupOfVillage(tx, current.villageId, input.groupId);
    const { headName: name, address, phone, groupId: group } = current;
    const wanted = { headName: input.headName, address: input.address, phone: input.phone, groupId };
    const diff = changedFields({ headName: name, address, phone, groupId: group }, wanted);
    if (!diff.changed) throw nothingChanged();
    const headName = diff.after.headName;
    if (headName !== undefined) {
      // The head's name on the household and on the head member are one name.
      await tx.member.updateMany({ where: { householdId: id, relation: "HEAD", active: true }, data: { name: headName } });
    }
    const row = await tx.household.update({
      where: { id }, select: householdSelect,
      data: { ...diff.after, ...(headName !== undefined && { headInitials: pinyinInitials(headName) }) },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "household.update", targetType: "Household", targetId: id,
      townshipId: current.village.townshipId, villageId: current.villageId,
      before: diff.before, after: { ...diff.after, reason: input.reason },
    });
    return toHouseholdOutput(row);
  });
}
