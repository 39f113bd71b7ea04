import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateAccountInput } from "@/lib/schemas/accounts";
import { writeAudit } from "@/lib/server/audit";
import { hashSecret } from "@/lib/server/auth/password";
import type { Actor } from "@/lib/server/authz";
import { authorizeAccountAction } from "@/lib/server/authz/manage-accounts";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { accountSelect, assertUsernameFree, auditSnapshot, auditTarget, toAccountOutput, usernameColumns, usernameTaken } from "./account-record";
import { resolvePlacement, type Placement } from "./placement";
import { newAccessCode } from "./secrets";

/**
 * Creates an account of a role the actor manages, within its scope. Staff get the initial password
 * typed by the admin; a household gets its archive number as username and a one-time access
 * code instead, returned here once and stored only as a hash.
 */
export async function createAccount(actor: Actor, input: CreateAccountInput, context: RequestContext) {
  authorizeAccountAction(actor, { id: null, role: input.role }, "create");
  const code = input.role === "HOUSEHOLD" ? await newAccessCode() : null;
  const passwordHash = input.role === "HOUSEHOLD" ? null : await hashSecret(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const placement = await resolvePlacement(tx, actor, input);
      const identity = await identityOf(tx, input, placement);
      await assertUsernameFree(tx, identity.username);
      const row = await tx.account.create({
        data: {
          ...usernameColumns(identity.username), displayName: identity.displayName, ...placement, role: input.role, passwordHash,
          // Whoever set the first secret knows it; the holder chooses their own at first sign-in.
          mustChangePassword: true, passwordSetByStaff: passwordHash !== null,
          accessCodeHash: code?.hash ?? null, accessCodeExpiresAt: code?.expiresAt ?? null,
        },
        select: accountSelect,
      });
      await writeAudit(tx, context, {
        actorId: actor.id, action: "account.create", ...auditTarget(row),
        after: { ...auditSnapshot(row), accessCodeIssued: code !== null },
      });
      return {
        account: toAccountOutput(row),
        accessCode: code ? { code: code.code, expiresAt: code.expiresAt.toISOString() } : null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
}

async function identityOf(tx: Prisma.TransactionClient, input: CreateAccountInput, placement: Placement) {
  if (input.role !== "HOUSEHOLD") return { username: input.username, displayName: input.displayName };
  const household = await tx.household.findUniqueOrThrow({
    where: { id: placement.householdId ?? "" },
    select: { archiveNo: true, headName: true, status: true, accounts: { where: { role: "HOUSEHOLD" }, select: { id: true }, take: 1 } },
  });
  if (household.status !== "ACTIVE") throw new AppError("RULE_VIOLATION", "errors.householdNotActive");
  if (household.accounts.length > 0) {
    throw new AppError("CONFLICT", "errors.householdHasAccount", undefined, { householdId: "errors.householdHasAccount" });
  }
  return { username: household.archiveNo, displayName: input.displayName ?? household.headName };
}
