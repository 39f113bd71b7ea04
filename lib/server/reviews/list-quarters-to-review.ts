import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { previousQuarter, quarterOf } from "@/lib/domain/quarter";
import type { QuarterToReview } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { hasQuarterEnded } from "./open-review";

const key = (q: { year: number; quarter: number }) => q.year * 10 + q.quarter;

/**
 * The quarters a clerk may open a review of: ended, not reviewed yet, and with entries awaiting
 * a review — the quarters that have PENDING entries of their own, and the last ended quarter,
 * which takes the late entries of earlier quarters. `pending` is what opening it would gather
 * (its own entries and the late ones before it). Newest first.
 */
export async function listQuartersToReview(actor: Actor, villageId: string, now: Date = new Date()): Promise<QuarterToReview[]> {
  await loadVillageTarget(actor, "reviews.manage", villageId);
  const [groups, reviews] = await Promise.all([
    db.entry.groupBy({
      by: ["year", "quarter"], where: { villageId, status: "PENDING", reviewItem: { is: null } }, _count: { _all: true },
    }),
    db.quarterlyReview.findMany({ where: { villageId }, select: { year: true, quarter: true } }),
  ]);
  const reviewed = new Set(reviews.map(key));
  const ended = groups.filter((g) => hasQuarterEnded(g, now));
  const candidates = new Map(ended.map((g) => [key(g), { year: g.year, quarter: g.quarter }]));
  const last = previousQuarter(quarterOf(dayToDate(chinaToday(now))));
  candidates.set(key(last), last);

  return [...candidates.values()]
    .filter((q) => !reviewed.has(key(q)))
    .map((q) => ({
      year: q.year, quarter: q.quarter,
      pending: ended.filter((g) => key(g) <= key(q)).reduce((sum, g) => sum + g._count._all, 0),
    }))
    .filter((q) => q.pending > 0)
    .sort((a, b) => key(b) - key(a));
}
