import "server-only";
import { defaultLocale, type Locale } from "@/i18n/locales";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { quarterOf } from "@/lib/domain/quarter";
import type { DashboardQuery, TownshipDashboard } from "@/lib/schemas/dashboard";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { unsafeClerkActivity } from "./clerk-activity";
import { dashboardScope } from "./dashboard-scope";
import { unsafeOpenAppealsByAge } from "./open-appeals-by-age";
import { unsafeParticipation } from "./participation";
import { unsafeReviewBacklog } from "./review-backlog";
import { unsafeVillageQuarterCounts } from "./village-quarter-counts";
import { withLagTolerantReads } from "@/lib/server/read-routing/lag-tolerant-reads";

type Options = { locale?: Locale; now?: Date };

/**
 * The township dashboard (issue 9 point 4): per village and quarter, participation, the review
 * backlog, open appeals by age and per clerk, for the year (default: the current year in China).
 * Every figure is an aggregate computed by the database; nothing is recomputed per household.
 */
export function getTownshipDashboard(actor: Actor, query: DashboardQuery, options: Options = {}): Promise<TownshipDashboard> {
  return withLagTolerantReads(actor, () => townshipDashboard(actor, query, options));
}

async function townshipDashboard(actor: Actor, query: DashboardQuery, { locale = defaultLocale, now = new Date() }: Options): Promise<TownshipDashboard> {
  const { township, villages } = await dashboardScope(actor, query.township);
  const today = chinaToday(now);
  const currentQuarter = quarterOf(dayToDate(today));
  const year = query.year ?? currentQuarter.year;
  const [first, byVillageQuarter, participation, backlog, openAppeals, clerks] = await Promise.all([
    db.entry.aggregate({ where: { villageId: { in: villages.map((v) => v.id) } }, _min: { year: true } }),
    unsafeVillageQuarterCounts(villages, year, currentQuarter),
    unsafeParticipation(township.id, villages, year),
    unsafeReviewBacklog(villages, currentQuarter),
    unsafeOpenAppealsByAge(villages, today),
    unsafeClerkActivity(villages, year, locale),
  ]);
  return {
    township,
    period: { year, years: yearsToChoose(first._min.year, currentQuarter.year, year), today, currentQuarter },
    byVillageQuarter, participation, backlog, openAppeals, clerks,
  };
}

/** The years with entries up to the current one, newest first, and the year asked for. */
function yearsToChoose(firstYear: number | null, currentYear: number, asked: number): number[] {
  const years = new Set([asked]);
  for (let y = currentYear; y >= Math.min(firstYear ?? currentYear, currentYear); y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}
