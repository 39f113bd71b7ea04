import "server-only";
import { pinyinInitials } from "@/lib/domain/pinyin-initials";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateMemberInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { changedFields, memberSelect, nothingChanged, type HouseholdRow } from "./household-record";
import { lockMemberForWrite } from "./member-record";

/**
 * Corrects a member's name, relation, gender or birth year, with a reason. Making a member the
 * head hands the former head the relation `formerHeadRelation` in the same write, so that a
 * household always has exactly one head.
 */
export async function updateMember(actor: Actor, id: string, input: UpdateMemberInput, context: RequestContext) {
  authorize(actor, "households.manage");
  return db.$transaction(async (tx) => {
    const { member, household } = await lockMemberForWrite(tx, actor, id);
    if (!member.active) throw new AppError("RULE_VIOLATION", "errors.memberInactive");
    const { name, relation, gender, birthYear } = member;
    const diff = changedFields({ name, relation, gender, birthYear }, {
      name: input.name, relation: input.relation, gender: input.gender, birthYear: input.birthYear,
    });
    if (!diff.changed) throw nothingChanged();
    if (member.relation === "HEAD" && diff.after.relation !== undefined) {
      throw new AppError("RULE_VIOLATION", "errors.headRelationFixed", undefined, { relation: "errors.headRelationFixed" });
    }
    const formerHead = diff.after.relation === "HEAD" ? await handOverHead(tx, household, input.formerHeadRelation) : null;
    const row = await tx.member.update({ where: { id }, data: diff.after, select: { ...memberSelect, householdId: true } });
    if (row.relation === "HEAD" && (formerHead || diff.after.name !== undefined)) {
      await tx.household.update({ where: { id: household.id }, data: { headName: row.name, headInitials: pinyinInitials(row.name) } });
    }
    await writeAudit(tx, context, {
      actorId: actor.id, action: "member.update", targetType: "Member", targetId: id,
      townshipId: household.village.townshipId, villageId: household.villageId,
      before: { householdId: household.id, ...diff.before, ...(formerHead && { formerHead: formerHead.before }) },
      after: { ...diff.after, ...(formerHead && { formerHead: formerHead.after }), reason: input.reason },
    });
    return row;
  });
}

async function handOverHead(tx: Prisma.TransactionClient, household: HouseholdRow, formerHeadRelation: UpdateMemberInput["formerHeadRelation"]) {
  const head = household.members.find((m) => m.active && m.relation === "HEAD");
  if (!head) return null;
  if (!formerHeadRelation) {
    throw new AppError("RULE_VIOLATION", "errors.formerHeadRelationRequired", undefined, { formerHeadRelation: "errors.formerHeadRelationRequired" });
  }
  await tx.member.update({ where: { id: head.id }, data: { relation: formerHeadRelation }, select: { id: true } });
  return {
    before: { id: head.id, name: head.name, relation: "HEAD" },
    after: { id: head.id, name: head.name, relation: formerHeadRelation },
  };
}
