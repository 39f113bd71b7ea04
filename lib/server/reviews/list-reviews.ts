import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListReviewsQuery, ReviewPage } from "@/lib/schemas/reviews";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { reviewSummarySelect, toReviewSummary } from "./review-views";

/**
 * Reviews within the caller's scope (a clerk's or representative's village, an official's
 * township, everything for an administrator), or those of one village of it; open ones first,
 * then the latest quarters.
 */
export async function listReviews(actor: Actor, query: ListReviewsQuery, villageId?: string): Promise<ReviewPage> {
  authorize(actor, "reviews.read");
  if (villageId !== undefined) await loadVillageTarget(actor, "reviews.read", villageId);

  const where: Prisma.QuarterlyReviewWhereInput = {
    AND: [villageId === undefined ? { village: villageWhere(actor) } : { villageId }, query.status ? { status: query.status } : {}],
  };
  const [total, rows] = await Promise.all([
    db.quarterlyReview.count({ where }),
    db.quarterlyReview.findMany({
      where,
      orderBy: [{ status: "asc" }, { year: "desc" }, { quarter: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { ...reviewSummarySelect, ballots: { where: { representativeId: actor.id }, select: { castAt: true } } },
    }),
  ]);
  return {
    items: rows.map(({ ballots, ...row }) => toReviewSummary(row, actor, ballots[0]?.castAt ?? null)),
    page: query.page, pageSize: query.pageSize, total,
  };
}
