import { getLocale, getTranslations } from "next-intl/server";
import { withNotice } from "@/components/ui/with-notice";
import { defaultLocale, isLocale } from "@/i18n/locales";
import { ClerkScatterChart } from "@/components/charts/clerk-scatter-chart";
import { FILL } from "@/components/charts/chart-colors";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { QuarterCategoryChart } from "@/components/charts/quarter-category-chart";
import { DashboardQuerySchema } from "@/lib/schemas/dashboard";
import { requireActor } from "@/lib/server/auth/current-actor";
import { dashboardTables } from "@/lib/server/dashboard/dashboard-tables";
import { getTownshipDashboard } from "@/lib/server/dashboard/get-township-dashboard";
import { DashboardSection } from "./dashboard-section";
import { YearChooser } from "./year-chooser";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("dashboard") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The township dashboard: each section a chart (client) and its table, with the figures loaded here once. */
export default withNotice(async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("dashboard.read");
  const params = await searchParams;
  const parsed = DashboardQuerySchema.safeParse({ year: one(params.year), township: one(params.township) });
  const query = parsed.success ? parsed.data : { township: one(params.township) };
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const [d, t] = await Promise.all([getTownshipDashboard(actor, query, { locale }), getTranslations("dashboard")]);
  const tables = dashboardTables(d, locale);
  const { year, today } = d.period;
  const exportQuery = { year: String(year), township: d.township.code };
  const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
  const villages = d.participation.villages.map((v) => v.village);
  const backlogged = d.backlog.villages.filter((v) => v.pending > 0);
  return (
    <div className="min-w-0 space-y-8">
      <div className="space-y-2">
        <h1 className="text-xl font-bold sm:text-2xl">{t("title", { township: d.township.name })}</h1>
        <p className="text-stone-600">{t("intro", { year })}</p>
        <YearChooser years={d.period.years} year={year} township={one(params.township)} />
        <nav aria-label={t("sections")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
          {(Object.keys(tables) as (keyof typeof tables)[]).map((key) => (
            <a key={key} href={`#section-${key}`} className="inline-flex min-h-11 items-center text-red-800 underline underline-offset-2">{t(`${key}.title`)}</a>
          ))}
        </nav>
      </div>

      <DashboardSection table={tables.byVillageQuarter} title={t("byVillageQuarter.title")} definition={t("byVillageQuarter.definition")} exportQuery={exportQuery}>
        <QuarterCategoryChart year={year} villages={villages.map(({ id, name }) => ({ id, name }))}
          rows={d.byVillageQuarter.rows.map(({ village, quarter, red, yellow, black }) => ({ villageId: village.id, quarter, red, yellow, black }))} />
      </DashboardSection>

      <DashboardSection table={tables.participation} title={t("participation.title")} definition={t("participation.definition", { year })} exportQuery={exportQuery}>
        <HorizontalBarChart label={t("participation.chartLabel", { year })} note={t("dataInTable")} testId="chart-participation" kind="percent" fill={FILL.primary}
          items={d.participation.villages.map((v) => ({ label: v.village.name, value: v.share ?? 0 }))}
          {...(d.participation.township.share !== null && { reference: { value: d.participation.township.share, label: t("participation.townshipLine", { share: pct(d.participation.township.share) }) } })} />
      </DashboardSection>

      <DashboardSection table={tables.backlog} title={t("backlog.title")} definition={t("backlog.definition", { date: today })} exportQuery={exportQuery}>
        {backlogged.length > 0 ? (
          <HorizontalBarChart label={t("backlog.chartLabel")} note={t("dataInTable")} testId="chart-backlog" kind="count" fill={FILL.warning}
            items={backlogged.map((v) => ({ label: v.village.name, value: v.pending }))} />
        ) : <p className="rounded-md bg-green-50 p-3 text-green-900" data-testid="backlog-none">{t("backlog.none")}</p>}
      </DashboardSection>

      <DashboardSection table={tables.openAppeals} title={t("openAppeals.title")} definition={t("openAppeals.definition", { date: today })} exportQuery={exportQuery}>
        {d.openAppeals.township.total > 0 ? (
          <HorizontalBarChart label={t("openAppeals.chartLabel")} note={t("dataInTable")} testId="chart-openAppeals" kind="count" fill={FILL.neutral}
            items={(["upTo7", "upTo30", "upTo90", "over90"] as const).map((key) => ({ label: t(`columns.${key}`), value: d.openAppeals.township[key] }))} />
        ) : <p className="rounded-md bg-green-50 p-3 text-green-900" data-testid="appeals-none">{t("openAppeals.none")}</p>}
      </DashboardSection>

      <DashboardSection table={tables.clerks} title={t("clerks.title")}
        definition={t("clerks.definition", { year, min: d.clerks.minEntries, p: String(d.clerks.tailThreshold) })} exportQuery={exportQuery}>
        {d.clerks.rows.length > 0 ? (
          <>
            <p className="text-sm text-stone-700">{t("clerks.normLine", { year, entries: d.clerks.norm.entries, share: pct(d.clerks.norm.share) })}</p>
            <ClerkScatterChart year={year} norm={d.clerks.norm.share}
              points={d.clerks.rows.map((r) => ({ name: `${r.clerk.displayName}（${r.village.name}）`, entries: r.entries, share: r.entries ? (r.yellow + r.black) / r.entries : 0, flagged: !!r.flag }))} />
          </>
        ) : <p className="rounded-md bg-stone-100 p-3 text-stone-700">{t("clerks.none", { year })}</p>}
      </DashboardSection>
    </div>
  );
});
