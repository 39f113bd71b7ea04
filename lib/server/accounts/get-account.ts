import "server-only";
import { accountWhere, authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { accountSelect, toAccountOutput } from "./account-record";

/** One account within the actor's scope; anything else is not found. */
export async function getAccount(actor: Actor, id: string) {
  authorize(actor, "accounts.read");
  const row = await db.account.findFirst({ where: { AND: [accountWhere(actor), { id }] }, select: accountSelect });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return toAccountOutput(row);
}
