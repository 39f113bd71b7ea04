import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppealPage, ListAppealsQuery } from "@/lib/schemas/appeals";
import { appealWhere, authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { appealSelect, toAppealView } from "./appeal-views";

/**
 * Appeals, open ones by default, oldest first so that the longest waiting come first, each with
 * its age in days. "Open appeals are visible to the township" (DESIGN.md): a clerk sees those of
 * the village, a township official those of every village of the township, an administrator all.
 */
export async function listOpenAppeals(actor: Actor, query: ListAppealsQuery, now: Date = new Date()): Promise<AppealPage> {
  authorize(actor, "appeals.list");
  const where: Prisma.AppealWhereInput = { ...appealWhere(actor), status: query.status };
  const orderBy: Prisma.AppealOrderByWithRelationInput[] = query.status === "OPEN"
    ? [{ createdAt: "asc" }, { id: "asc" }]
    : [{ resolvedAt: "desc" }, { id: "desc" }];
  const [total, rows] = await Promise.all([
    db.appeal.count({ where }),
    db.appeal.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: appealSelect }),
  ]);
  return { items: rows.map((row) => toAppealView(row, now)), page: query.page, pageSize: query.pageSize, total };
}
