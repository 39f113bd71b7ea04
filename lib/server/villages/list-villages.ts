import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListVillagesQuery } from "@/lib/schemas/villages";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { pageEnvelope, pageWindow, type Paging } from "@/lib/server/paging";
import { toVillageOutput, villageSelect } from "./village-record";

/** Villages within the actor's scope, by township and code; all of them when no page is asked for. */
export async function listVillages(actor: Actor, query: Omit<ListVillagesQuery, keyof Paging> & Paging = {}) {
  authorize(actor, "villages.read");
  const filters: Prisma.VillageWhereInput[] = [villageWhere(actor)];
  if (query.townshipId) {
    // A list addressed to a township outside the scope answers 404 (ADR 0004), not an empty page.
    const inScope = actor.role === "ADMIN" || actor.townshipId === query.townshipId;
    if (!inScope || !(await db.township.count({ where: { id: query.townshipId } }))) throw new AppError("NOT_FOUND", "errors.notFound");
    filters.push({ townshipId: query.townshipId });
  }
  if (query.active !== undefined) filters.push({ active: query.active });
  const where = { AND: filters };
  const [rows, total] = await Promise.all([
    db.village.findMany({
      where, select: villageSelect, orderBy: [{ township: { code: "asc" } }, { code: "asc" }, { id: "asc" }], ...pageWindow(query),
    }),
    db.village.count({ where }),
  ]);
  return pageEnvelope(rows.map(toVillageOutput), total, query);
}
