import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";
import { accountWhere, authorize, can, type Actor } from "./index";

// Who manages whom (DESIGN.md "Who uses it"): only an admin manages admin and township-official
// accounts; a township official manages the clerks, representatives and households of its own
// township (the township is accountWhere's); nobody changes their own role or status, or resets
// their own password here — that is "change my password", which asks for the current one.
// Every account operation, page and control asks this module.

export type AccountAction = "create" | "update" | "changeRole" | "deactivate" | "reactivate" | "resetPassword";
export const ACCOUNT_ACTIONS: readonly AccountAction[] = ["create", "update", "changeRole", "deactivate", "reactivate", "resetPassword"];

const MANAGED_ROLES: Record<Role, readonly Role[]> = {
  ADMIN: ["ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"],
  TOWNSHIP_OFFICIAL: ["CLERK", "REPRESENTATIVE", "HOUSEHOLD"],
  CLERK: [],
  REPRESENTATIVE: [],
  HOUSEHOLD: [],
};

// Correcting one's own name harms nobody; everything else on one's own account is for someone else.
const ON_ONESELF: readonly AccountAction[] = ["update"];

/** The roles of the accounts the actor manages (creates, changes, gives). */
export const managedRoles = (actor: Actor): readonly Role[] => (can(actor, "accounts.manage") ? MANAGED_ROLES[actor.role] : []);

// id null: the role being given, to a new account or by a role change.
export type AccountRef = { id: string | null; role: Role };

/** Why the actor may not take the action on the account (a message key), or null when it may. Scope is not checked here. */
export function accountActionRefusal(actor: Actor, target: AccountRef, action: AccountAction): string | null {
  if (!managedRoles(actor).includes(target.role)) {
    return target.id === null ? "errors.roleNotGrantable" : "errors.accountNotManaged";
  }
  if (target.id === actor.id && !ON_ONESELF.includes(action)) return "errors.cannotManageOwnAccount";
  return null;
}

/** Which actions the actor may take on an account it can see, for the pages to offer only those. */
export function accountActionsFor(actor: Actor, target: AccountRef): Record<AccountAction, boolean> {
  return Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, accountActionRefusal(actor, target, a) === null])) as Record<AccountAction, boolean>;
}

/**
 * Throws unless the actor may take the action on the account, or give the role (id null): 403
 * with the reason. For creating an account and for changing a role, on top of loadManagedAccount.
 */
export function authorizeAccountAction(actor: Actor, target: AccountRef, action: AccountAction): void {
  authorize(actor, "accounts.manage");
  const refusal = accountActionRefusal(actor, target, action);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/** Prisma `where` for the accounts the actor may take the action on. */
export function manageableAccountWhere(actor: Actor, action: AccountAction): Prisma.AccountWhereInput {
  return {
    AND: [
      accountWhere(actor),
      { role: { in: [...managedRoles(actor)] } },
      ON_ONESELF.includes(action) ? {} : { id: { not: actor.id } },
    ],
  };
}

export type ManagedAccount = { id: string; role: Role; townshipId: string | null; villageId: string | null };

/**
 * The account the actor is about to act on, read in the caller's transaction with the rule in
 * its `where`, so a target the actor may not manage is never loaded. Outside the actor's scope:
 * 404, as everywhere. Within it but not the actor's to manage (another official of the
 * township, one's own role or status): 403 with the reason, since the actor can see it anyway.
 */
export async function loadManagedAccount(
  tx: Prisma.TransactionClient, actor: Actor, id: string, action: AccountAction,
): Promise<ManagedAccount> {
  authorize(actor, "accounts.manage");
  // Held until the caller's transaction ends: nobody changes the role between this check and the write.
  await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const select = { id: true, role: true, townshipId: true, villageId: true } as const;
  const row = await tx.account.findFirst({ where: { AND: [manageableAccountWhere(actor, action), { id }] }, select });
  if (row) return row;
  const visible = await tx.account.findFirst({ where: { AND: [accountWhere(actor), { id }] }, select: { id: true, role: true } });
  if (!visible) throw new AppError("NOT_FOUND", "errors.notFound");
  throw new AppError("FORBIDDEN", accountActionRefusal(actor, visible, action) ?? "errors.forbidden");
}
