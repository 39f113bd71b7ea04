import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { lockHouseholdForWrite, memberSelect } from "./household-record";

/**
 * A member and its household for a write: the household row is locked (members change under
 * their household's lock, so "one head per household" holds) and the actor's scope checked.
 */
export async function lockMemberForWrite(tx: Prisma.TransactionClient, actor: Actor, id: string) {
  const found = await tx.member.findUnique({ where: { id }, select: { householdId: true } });
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
  const household = await lockHouseholdForWrite(tx, actor, found.householdId);
  const member = await tx.member.findUniqueOrThrow({ where: { id }, select: memberSelect });
  return { member, household };
}
