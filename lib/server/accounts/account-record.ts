import "server-only";
import { usernameKey } from "@/lib/domain/username-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountOutput } from "@/lib/schemas/accounts";
import { AppError } from "@/lib/server/errors";

// The columns an account is shown with. Deliberately no passwordHash or accessCodeHash.
const householdRef = { select: { id: true, archiveNo: true, headName: true } } as const;
export const accountSelect = {
  id: true, username: true, displayName: true, role: true, active: true, mustChangePassword: true,
  townshipId: true, villageId: true, householdId: true, homeHouseholdId: true,
  accessCodeExpiresAt: true, lockedUntil: true, lastSeenAt: true, createdAt: true,
  township: { select: { id: true, name: true } },
  village: { select: { id: true, name: true } },
  household: householdRef,
  homeHousehold: householdRef,
} satisfies Prisma.AccountSelect;

export type AccountRow = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toAccountOutput(row: AccountRow, now = new Date()): AccountOutput {
  return {
    id: row.id, username: row.username, displayName: row.displayName, role: row.role,
    active: row.active, mustChangePassword: row.mustChangePassword,
    township: row.township, village: row.village, household: row.household, homeHousehold: row.homeHousehold,
    hasAccessCode: !!row.accessCodeExpiresAt && row.accessCodeExpiresAt > now,
    accessCodeExpiresAt: iso(row.accessCodeExpiresAt),
    // Only a lock still in force; a past one means nothing.
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    lastSeenAt: iso(row.lastSeenAt), createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of an account: who it is and where, never a secret. */
export function auditSnapshot(row: AccountRow) {
  return {
    username: row.username, displayName: row.displayName, role: row.role, active: row.active,
    townshipId: row.townshipId, villageId: row.villageId, householdId: row.householdId,
    homeHouseholdId: row.homeHouseholdId, mustChangePassword: row.mustChangePassword,
  };
}

/** The audit record's target and place for an account. */
export const auditTarget = (row: Pick<AccountRow, "id" | "townshipId" | "villageId">) => ({
  targetType: "Account" as const, targetId: row.id, townshipId: row.townshipId, villageId: row.villageId,
});

export const usernameTaken = () =>
  new AppError("CONFLICT", "errors.usernameTaken", undefined, { username: "errors.usernameTaken" });

/**
 * The columns that name an account: the username as given, and the key sign-in looks it up by
 * (lib/domain/username-key.ts). Every path that creates or renames an account writes both.
 */
export const usernameColumns = (username: string) => ({ username, usernameKey: usernameKey(username) });

/**
 * Names that differ only in case or width are one name to sign-in, so they must be to
 * uniqueness too. The unique index on usernameKey has the last word; this gives the answer
 * before any write.
 */
export async function assertUsernameFree(tx: Prisma.TransactionClient, username: string): Promise<void> {
  const taken = await tx.account.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true } });
  if (taken) throw usernameTaken();
}
