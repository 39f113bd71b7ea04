import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtractStatus } from "@/lib/generated/prisma/enums";
import { assertNotRecused, authorize, householdWhere, type Actor, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

// An extract, scoped through its household (lib/server/authz/targets.ts does the same for
// entries): the permission (403), the household in the actor's scope (404 outside it), then
// recusal for recused permissions (403).

export type ExtractTarget = { extractId: string; householdId: string; villageId: string; townshipId: string; status: ExtractStatus };

export async function loadExtractTarget(actor: Actor, permission: Permission, extractId: string): Promise<ExtractTarget> {
  authorize(actor, permission);
  const row = await db.archiveExtract.findFirst({
    where: { AND: [{ id: extractId }, { household: householdWhere(actor) }] },
    select: { householdId: true, townshipId: true, status: true, household: { select: { villageId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  assertNotRecused(actor, permission, row.householdId);
  return { extractId, householdId: row.householdId, villageId: row.household.villageId, townshipId: row.townshipId, status: row.status };
}

/** Locks the extract's row for a transition and answers its status as it is now. */
export async function lockExtract(tx: Prisma.TransactionClient, extractId: string): Promise<ExtractStatus> {
  const rows = await tx.$queryRaw<{ status: ExtractStatus }[]>`SELECT "status" FROM "ArchiveExtract" WHERE "id" = ${extractId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "errors.notFound");
  return rows[0].status;
}
