import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntryFilters } from "@/components/entries/entry-filters";
import { EntryList } from "@/components/entries/entry-list";
import { buttonClass } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { Pager } from "@/components/ui/pager";
import { VillageChooser } from "@/components/ui/village-chooser";
import { withNotice } from "@/components/ui/with-notice";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { formatQuarter, previousQuarter, quarterOf, type Quarter } from "@/lib/domain/quarter";
import { IdSchema } from "@/lib/schemas/common";
import { ListVillageEntriesQuerySchema } from "@/lib/schemas/entries";
import { fieldErrors } from "@/lib/server/api/error-response";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { listRulesInForce } from "@/lib/server/entries/list-rules-in-force";
import { listVillageEntries } from "@/lib/server/entries/list-village-entries";
import { isAppError } from "@/lib/server/errors";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["quarter", "status", "category", "ruleId", "archiveNo"] as const;

export async function generateMetadata() {
  const t = await getTranslations("entries.list");
  return { title: t("title") };
}

function recentQuarters(count: number): Quarter[] {
  const quarters = [quarterOf(dayToDate(chinaToday(new Date())))];
  while (quarters.length < count) quarters.push(previousQuarter(quarters.at(-1)!));
  return quarters;
}

/** The village's entries for its council (and, by village, for the township). */
export default withNotice(async function EntriesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("entries.list");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v.trim() !== "" ? [[k, v.trim()]] : [])),
  );
  const villageId = actor.villageId ?? raw.villageId ?? null;
  const [t, root] = await Promise.all([getTranslations("entries"), getTranslations()]);
  if (!villageId) return <VillageChooser villages={(await listVillages(actor, { active: true })).items} action="/entries" namespace="entries.list" />;
  if (!IdSchema.safeParse(villageId).success) notFound();

  const parsed = ListVillageEntriesQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error, (key) => (root.has(key) ? root(key) : key));
  const [page, rules] = await Promise.all([
    parsed.success ? listVillageEntries(actor, villageId, parsed.data) : null,
    listRulesInForce(actor, villageId),
  ]).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const keep = new URLSearchParams(FILTERS.flatMap((name) => (raw[name] ? [[name, raw[name]]] : [])));
  if (!actor.villageId) keep.set("villageId", villageId);
  const pageLink = (n: number) => `/entries?${new URLSearchParams([...keep, ["page", String(n)]])}`;
  const filters = FILTERS.flatMap((name) => (raw[name] ? [[name, raw[name]]] : []));
  const exportLink = (format: "xlsx" | "csv") => `/api/v1/villages/${villageId}/entries/export?${new URLSearchParams([["format", format], ...filters])}`;
  const quarters = recentQuarters(9).map((q) => ({ value: formatQuarter(q), label: t("quarterLabel", q) }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold sm:text-2xl">{t("list.title")}</h1>
          {page ? <p className="text-sm text-stone-600">{t("list.count", { total: page.total })}</p> : null}
        </div>
        {can(actor, "entries.record") ? (
          <Link href="/entries/new" className={buttonClass({ size: "lg" })}>
            {t("list.record")}
          </Link>
        ) : null}
      </div>
      <EntryFilters values={raw} errors={errors} quarters={quarters} rules={rules.items} villageId={actor.villageId ? null : villageId} />
      {page ? <ExportLinks label={t("export.label")} links={[{ href: exportLink("xlsx"), text: t("export.xlsx") }, { href: exportLink("csv"), text: t("export.csv") }]} /> : null}
      {page ? (
        <EntryList items={page.items}
          empty={{ filtered: filters.length > 0, canRecord: can(actor, "entries.record"), resetHref: actor.villageId ? "/entries" : `/entries?villageId=${villageId}` }} />
      ) : <p role="alert" className="text-red-700">{t("list.invalidFilters")}</p>}
      {page ? <Pager page={page.page} pageSize={page.pageSize} total={page.total} href={pageLink} nextTestId="entries-next" /> : null}
    </div>
  );
});
