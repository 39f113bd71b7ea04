import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { buttonClass } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { Field, inputClass } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { RankingsQuerySchema, type RankingItem, type RankingsPage } from "@/lib/schemas/rankings";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { getRankings, rankedYears } from "@/lib/server/rankings/get-rankings";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("rankings");
  return { title: t("title") };
}

/** 积分排名: households by their maintained score, for a year or all years, in the township or a village. */
export default withNotice(async function RankingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("rankings.read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v.trim() !== "" ? [[k, v.trim()]] : [])),
  );
  // An invalid filter is left out (and said so), the valid ones kept: the form, the pager and the
  // export links all show the query the ranking was computed from, never what was typed.
  const parsed = RankingsQuerySchema.safeParse(raw);
  const invalid = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))];
  const retried = parsed.success ? parsed : RankingsQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !invalid.includes(k))));
  const query = retried.success ? retried.data : RankingsQuerySchema.parse({});
  const ranking = await getRankings(actor, query);
  const choosesVillage = actor.role !== "CLERK";
  const [t, root, locale, ranked, villages] = await Promise.all([
    getTranslations("rankings"),
    getTranslations(),
    getLocale(),
    rankedYears(ranking.township.id),
    choosesVillage ? listVillages(actor, { townshipId: ranking.township.id, active: true }) : null,
  ]);
  const reasons = parsed.success ? null : [...new Set(parsed.error.issues.map((issue) => (root.has(issue.message) ? root(issue.message) : t("invalidValue"))))]
    .join(locale === "en" ? " " : "");
  // The shown year is always among the options, even one without scores.
  const years = typeof ranking.year === "number" && !ranked.includes(ranking.year) ? [...ranked, ranking.year].sort((a, b) => b - a) : ranked;
  const filters: [string, string][] = [
    ["year", String(ranking.year)],
    ...(query.villageId ? [["villageId", query.villageId] as [string, string]] : []),
    ...(query.q ? [["q", query.q] as [string, string]] : []),
    ...(query.township ? [["township", query.township] as [string, string]] : []),
  ];
  const href = (page: number) => `/township/rankings?${new URLSearchParams([...filters, ["page", String(page)]])}`;
  const exportQuery = (format: string) => new URLSearchParams([
    ...filters.filter(([name]) => name !== "township"), ["township", ranking.township.code], ["format", format],
  ]);
  const settingsHref = actor.role === "ADMIN" ? `/township/settings?${new URLSearchParams({ township: ranking.township.code })}` : "/township/settings";
  const scope = ranking.village ? t("scopeVillage", { village: ranking.village.name }) : t("scopeTownship", { township: ranking.township.name });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")} · {scope}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <form method="get" action="/township/rankings" className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:grid-cols-4 sm:items-end" data-testid="ranking-filters">
        {query.township ? <input type="hidden" name="township" value={query.township} /> : null}
        <Field id="ranking-year" label={t("year")}>
          <select id="ranking-year" name="year" defaultValue={String(ranking.year)} className={inputClass}>
            {years.map((y) => <option key={y} value={y}>{t("yearOption", { year: y })}</option>)}
            <option value="all">{t("allYears")}</option>
          </select>
        </Field>
        {villages ? (
          <Field id="ranking-village" label={t("village")}>
            <select id="ranking-village" name="villageId" defaultValue={ranking.village?.id ?? ""} className={inputClass}>
              <option value="">{t("allVillages")}</option>
              {villages.items.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </Field>
        ) : null}
        <div className="col-span-2 sm:col-span-1">
          <Field id="ranking-q" label={t("search")}>
            <input id="ranking-q" name="q" type="search" defaultValue={query.q} maxLength={50} placeholder={t("searchPlaceholder")} className={inputClass} />
          </Field>
        </div>
        <button type="submit" className={`${buttonClass()} col-span-2 sm:col-span-1`}>{t("show")}</button>
      </form>
      {reasons ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="ranking-invalid">{t("invalidQuery", { reasons })}</p> : null}
      <WeightsLine ranking={ranking} />
      <p className="text-sm text-stone-600" data-testid="ranking-total">{t("total", { total: ranking.total })}</p>
      {ranking.items.length ? <RankingTable items={ranking.items} showVillage={!ranking.village} /> : <p className="rounded-md bg-stone-100 p-3 text-stone-700">{t("empty")}</p>}
      <Pager page={ranking.page} pageSize={ranking.pageSize} total={ranking.total} href={href} />
      <ExportLinks label={t("export.label")} links={(["xlsx", "csv"] as const).map((format) => ({
        href: `/api/v1/township/rankings/export?${exportQuery(format)}`, text: t(`export.${format}`),
      }))} />
      <p className="text-xs leading-relaxed text-stone-500">{t("whoIsRanked")}</p>
      {can(actor, "settings.manage") ? (
        <Link href={settingsHref} className="inline-flex min-h-11 items-center text-red-800 underline underline-offset-2 print:hidden">{t("settingsLink")}</Link>
      ) : null}
    </div>
  );
});

async function WeightsLine({ ranking }: { ranking: RankingsPage }) {
  const t = await getTranslations("rankings");
  const { settings, year } = ranking;
  const text = year === "all" ? t("weightsAll")
    : settings ? t("weightsYear", { year, from: settings.effectiveFrom, red: settings.weightRed, yellow: settings.weightYellow, black: settings.weightBlack })
    : t("noSettings");
  return <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="ranking-weights">{text}</p>;
}

async function RankingTable({ items, showVillage }: { items: RankingItem[]; showVillage: boolean }) {
  const t = await getTranslations("rankings");
  const cell = "px-2 py-2 sm:px-3";
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-sm sm:text-base" data-testid="ranking-table">
        <thead className="bg-stone-100 text-left text-stone-700">
          <tr>
            <th scope="col" className={cell}>{t("column.rank")}</th>
            <th scope="col" className={`${cell} hidden sm:table-cell`}>{t("column.archiveNo")}</th>
            <th scope="col" className={cell}>{t("column.head")}</th>
            {showVillage ? <th scope="col" className={cell}>{t("column.village")}</th> : null}
            <th scope="col" className={`${cell} text-right`}>{t("column.score")}</th>
            {/* May break after a slash: "Red/Yellow/Black" in one piece is wider than its column on a phone. */}
            <th scope="col" className={`${cell} text-right`}>
              <span className="text-red-700">{t("column.red")}</span>/<wbr /><span className="text-amber-800">{t("column.yellow")}</span>/<wbr /><span>{t("column.black")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.householdId} className="border-t border-stone-100" data-testid="ranking-row" data-archive-no={item.archiveNo}>
              {/* The tie mark goes under a long rank on a phone rather than widening the row. */}
              <td className={`${cell} tabular-nums`} data-col="rank">
                <span className="font-semibold">{item.rank}</span>
                {item.tied ? <span className="ml-1 inline-block whitespace-nowrap rounded bg-stone-200 px-1 text-xs text-stone-800">{t("tied")}</span> : null}
              </td>
              <td className={`${cell} hidden font-mono text-xs sm:table-cell sm:text-sm`}><ArchiveNo>{item.archiveNo}</ArchiveNo></td>
              <th scope="row" className={`${cell} text-left font-medium`}>
                <Link href={`/households/${item.householdId}`} className="text-red-800 underline underline-offset-2">{item.headName}</Link>
                <ArchiveNo className="block font-mono text-xs font-normal text-stone-600 sm:hidden">{item.archiveNo}</ArchiveNo>
              </th>
              {showVillage ? <td className={cell}>{item.villageName}</td> : null}
              <td className={`${cell} text-right text-base font-bold tabular-nums`} data-col="score">{item.score}</td>
              <td className={`${cell} whitespace-nowrap text-right tabular-nums`} data-col="parts" aria-label={t("parts", { red: item.redMarks, yellow: item.activeYellowMarks, black: item.blackMarks })}>
                <span className="text-red-700">{item.redMarks}</span>/<span className="text-amber-800">{item.activeYellowMarks}</span>/<span>{item.blackMarks}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
