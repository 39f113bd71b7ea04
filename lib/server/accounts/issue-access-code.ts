import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IssueAccessCodeResult } from "@/lib/schemas/accounts";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { liftSignInLocks } from "@/lib/server/auth/sign-in-limits";
import { assertUsernameFree, usernameColumns, usernameTaken } from "./account-record";
import { newAccessCode } from "./secrets";

const findHousehold = (id: string) =>
  db.household.findUnique({
    where: { id },
    select: {
      id: true, archiveNo: true, headName: true, status: true,
      village: { select: { id: true, name: true, townshipId: true, township: { select: { id: true, name: true } } } },
    },
  });
type HouseholdForCode = NonNullable<Awaited<ReturnType<typeof findHousehold>>>;

/**
 * Issues a household a one-time access code (for the printed household card), creating its
 * account on first issue. Only the argon2id hash is stored; the code is returned here once.
 * A new code replaces any earlier one; signing in with it spends it (auth/sign-in.ts).
 */
export async function issueAccessCode(actor: Actor, householdId: string, context: RequestContext): Promise<IssueAccessCodeResult> {
  await loadHouseholdTarget(actor, "accounts.issueAccessCode", householdId);
  const household = await findHousehold(householdId);
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");
  const { village } = household;
  if (household.status !== "ACTIVE") throw new AppError("RULE_VIOLATION", "errors.householdNotActive");
  const code = await newAccessCode();
  try {
    return await db.$transaction(async (tx) => {
      const { account, created, before } = await upsertHouseholdAccount(tx, household, code);
      await writeAudit(tx, context, {
        actorId: actor.id, action: "account.issueAccessCode", targetType: "Account", targetId: account.id,
        townshipId: village.townshipId, villageId: village.id, before,
        after: { householdId: household.id, accountCreated: created, accessCodeExpiresAt: code.expiresAt.toISOString() },
      });
      return {
        accessCode: { code: code.code, expiresAt: code.expiresAt.toISOString() },
        accountCreated: created,
        account,
        household: { id: household.id, archiveNo: household.archiveNo, headName: household.headName,
          village: { id: village.id, name: village.name }, township: village.township },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
}

async function upsertHouseholdAccount(
  tx: Prisma.TransactionClient, household: HouseholdForCode, code: { hash: string; expiresAt: Date },
) {
  const codeData = { accessCodeHash: code.hash, accessCodeExpiresAt: code.expiresAt };
  const select = { id: true, username: true } as const;
  const existing = await tx.account.findFirst({
    where: { householdId: household.id, role: "HOUSEHOLD" },
    select: { id: true, active: true, accessCodeExpiresAt: true, lockedUntil: true },
  });
  if (existing) {
    // A deactivated account stays deactivated: reactivating is for an admin or official.
    if (!existing.active) throw new AppError("RULE_VIOLATION", "errors.accountInactive");
    // A code also lifts the locks from failed sign-ins: the household is starting afresh.
    await liftSignInLocks(tx, existing.id, new Date());
    const account = await tx.account.update({ where: { id: existing.id }, data: codeData, select });
    const before = {
      accessCodeExpiresAt: existing.accessCodeExpiresAt?.toISOString() ?? null,
      lockedUntil: existing.lockedUntil?.toISOString() ?? null,
    };
    return { account, created: false, before };
  }
  await assertUsernameFree(tx, household.archiveNo);
  const account = await tx.account.create({
    data: {
      ...usernameColumns(household.archiveNo), displayName: household.headName, role: "HOUSEHOLD",
      townshipId: household.village.townshipId, villageId: household.village.id, householdId: household.id,
      mustChangePassword: true, ...codeData,
    },
    select,
  });
  return { account, created: true, before: null };
}
