import "server-only";
import type { UpdateAccountInput } from "@/lib/schemas/accounts";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { authorizeAccountAction, loadManagedAccount } from "@/lib/server/authz/manage-accounts";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditSnapshot, auditTarget, toAccountOutput } from "./account-record";
import { resolvePlacement } from "./placement";

/**
 * Changes an account's name, role and place, under the same rules as creating one
 * (authz/manage-accounts.ts): a role change needs both the account's present role and the new
 * one to be the actor's to manage, and is never made on one's own account. A household account
 * stays a household account (its username is the archive number).
 */
export async function updateAccount(actor: Actor, id: string, input: UpdateAccountInput, context: RequestContext) {
  return db.$transaction(async (tx) => {
    const target = await loadManagedAccount(tx, actor, id, "update");
    const role = input.role ?? target.role;
    if (role !== target.role) {
      authorizeAccountAction(actor, target, "changeRole");
      authorizeAccountAction(actor, { id: null, role }, "changeRole");
      if (role === "HOUSEHOLD" || target.role === "HOUSEHOLD") {
        throw new AppError("RULE_VIOLATION", "errors.householdRoleFixed", undefined, { role: "errors.householdRoleFixed" });
      }
    }
    const current = await tx.account.findUniqueOrThrow({ where: { id: target.id }, select: accountSelect });
    const villageId = input.villageId ?? current.villageId;
    const placement = await resolvePlacement(tx, actor, {
      role, villageId, householdId: current.householdId, currentVillageId: current.villageId,
      townshipId: input.townshipId ?? current.townshipId,
      homeHouseholdId: input.homeHouseholdId !== undefined ? input.homeHouseholdId
        : villageId === current.villageId ? current.homeHouseholdId : null,
    });
    const row = await tx.account.update({
      where: { id }, data: { displayName: input.displayName ?? current.displayName, role, ...placement }, select: accountSelect,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "account.update", ...auditTarget(row),
      before: auditSnapshot(current), after: auditSnapshot(row),
    });
    return toAccountOutput(row);
  });
}
