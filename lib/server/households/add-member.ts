import "server-only";
import type { AddMemberInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { lockHouseholdForWrite, memberSelect } from "./household-record";

/** Adds a member (a birth, a marriage, someone moving in) to a household of the clerk's village. */
export async function addMember(actor: Actor, householdId: string, input: AddMemberInput, context: RequestContext) {
  authorize(actor, "households.manage");
  return db.$transaction(async (tx) => {
    const household = await lockHouseholdForWrite(tx, actor, householdId);
    // A household has exactly one head; changing who it is goes through updateMember.
    if (input.relation === "HEAD") throw new AppError("RULE_VIOLATION", "errors.householdHasHead", undefined, { relation: "errors.householdHasHead" });
    const member = await tx.member.create({
      data: { householdId, name: input.name, relation: input.relation, gender: input.gender ?? null, birthYear: input.birthYear },
      select: memberSelect,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "member.add", targetType: "Member", targetId: member.id,
      townshipId: household.village.townshipId, villageId: household.villageId,
      after: { householdId, name: member.name, relation: member.relation, gender: member.gender, birthYear: member.birthYear, reason: input.reason ?? null },
    });
    return { ...member, householdId };
  });
}
