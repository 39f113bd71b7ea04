import "server-only";
import type { UpdateAccountInput } from "@/lib/schemas/accounts";
import { writeAudit } from "@/lib/server/audit";
import { accountWhere, authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditSnapshot, auditTarget, toAccountOutput } from "./account-record";
import { resolvePlacement } from "./placement";

/**
 * Changes an account's name, role and place, under the same scope rules as creating one. A
 * household account stays a household account (its username is the archive number), and
 * nobody changes their own role.
 */
export async function updateAccount(actor: Actor, id: string, input: UpdateAccountInput, context: RequestContext) {
  authorize(actor, "accounts.manage");
  return db.$transaction(async (tx) => {
    const current = await tx.account.findFirst({ where: { AND: [accountWhere(actor), { id }] }, select: accountSelect });
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    const role = input.role ?? current.role;
    if (role !== current.role && (role === "HOUSEHOLD" || current.role === "HOUSEHOLD")) {
      throw new AppError("RULE_VIOLATION", "errors.householdRoleFixed", undefined, { role: "errors.householdRoleFixed" });
    }
    if (role !== current.role && current.id === actor.id) {
      throw new AppError("RULE_VIOLATION", "errors.cannotChangeOwnRole", undefined, { role: "errors.cannotChangeOwnRole" });
    }
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
