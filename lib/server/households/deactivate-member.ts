import "server-only";
import type { DeactivateMemberInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { memberSelect } from "./household-record";
import { lockMemberForWrite } from "./member-record";

/**
 * Takes a member off the household (death, marriage out, moving away). The member is kept, as
 * entries may name them; only the head cannot leave before another member becomes head.
 */
export async function deactivateMember(actor: Actor, id: string, input: DeactivateMemberInput, context: RequestContext) {
  authorize(actor, "households.manage");
  return db.$transaction(async (tx) => {
    const { member, household } = await lockMemberForWrite(tx, actor, id);
    if (!member.active) throw new AppError("RULE_VIOLATION", "errors.memberAlreadyInactive");
    if (member.relation === "HEAD") throw new AppError("RULE_VIOLATION", "errors.headCannotLeave");
    const row = await tx.member.update({ where: { id }, data: { active: false }, select: { ...memberSelect, householdId: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "member.deactivate", targetType: "Member", targetId: id,
      townshipId: household.village.townshipId, villageId: household.villageId,
      before: { householdId: household.id, name: member.name, active: true }, after: { active: false, reason: input.reason },
    });
    return row;
  });
}
