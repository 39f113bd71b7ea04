import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListRectificationsQuery, RectificationList } from "@/lib/schemas/rectifications";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { slicePage, type Paging } from "@/lib/server/paging";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { rectificationSelect, toRectificationViews } from "./rectification-views";

// Open requests are the council's work list and are all shown; decided ones only as a recent record.
const OPEN_MAX = 500;
const DECIDED_MAX = 30;

/**
 * A village's rectification requests: open ones first, oldest first (the queue), then the
 * latest decided. For its clerks, and for the township and administrators.
 */
export async function listRectifications(actor: Actor, villageId: string, query: Omit<ListRectificationsQuery, keyof Paging> & Paging): Promise<RectificationList> {
  await loadVillageTarget(actor, "rectifications.list", villageId);

  const inVillage: Prisma.RectificationWhereInput = { household: { villageId } };
  const open = () => db.rectification.findMany({
    where: { ...inVillage, status: "REQUESTED" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: OPEN_MAX,
    select: rectificationSelect,
  });
  const decided = (status: Prisma.RectificationWhereInput["status"]) => db.rectification.findMany({
    where: { ...inVillage, status }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }], take: DECIDED_MAX,
    select: rectificationSelect,
  });
  const rows = query.status === "REQUESTED" ? await open()
    : query.status ? await decided(query.status)
    : (await Promise.all([open(), decided({ in: ["APPROVED", "DECLINED"] })])).flat();
  const page = slicePage(rows, query);
  return { ...page, items: await toRectificationViews(page.items) };
}
