import "server-only";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { householdSelect, toHouseholdOutput } from "./household-record";

/** A household with all its members, former ones included, if the actor may read it. */
export async function getHousehold(actor: Actor, id: string) {
  authorize(actor, "households.read");
  const row = await db.household.findFirst({ where: { AND: [householdWhere(actor), { id }] }, select: householdSelect });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return toHouseholdOutput(row);
}
