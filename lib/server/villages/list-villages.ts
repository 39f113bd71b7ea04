import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListVillagesQuery } from "@/lib/schemas/villages";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { toVillageOutput, villageSelect } from "./village-record";

/** Villages within the actor's scope, by township and code. */
export async function listVillages(actor: Actor, query: ListVillagesQuery = {}) {
  authorize(actor, "villages.read");
  const filters: Prisma.VillageWhereInput[] = [villageWhere(actor)];
  if (query.townshipId) filters.push({ townshipId: query.townshipId });
  if (query.active !== undefined) filters.push({ active: query.active });
  const rows = await db.village.findMany({
    where: { AND: filters }, select: villageSelect,
    orderBy: [{ township: { code: "asc" } }, { code: "asc" }],
  });
  return { items: rows.map(toVillageOutput) };
}
