import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectionCard } from "@/components/selection/selection-card";
import { SelectionFilters } from "@/components/selection/selection-filters";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { SelectionQuerySchema, YearSchema, type SelectionQuery } from "@/lib/schemas/selection";
import { requireActor } from "@/lib/server/auth/current-actor";
import { loadSelectionPage, type SelectionPageAsked } from "@/lib/server/selection/load-selection-page";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("selection");
  return { title: t("title") };
}

// The year is optional on the page: without one, the loader picks the default year. The
// township's queue of nominations has its own page, `queuePage`.
const PageQuerySchema = SelectionQuerySchema.extend({ year: YearSchema.optional(), queuePage: SelectionQuerySchema.shape.page });
type PageQuery = SelectionPageAsked & { queuePage: number };

function parseQuery(params: Record<string, string | string[] | undefined>): PageQuery {
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  const raw = {
    year: one("year"), villageId: one("villageId"), filter: one("filter"), q: one("q"), page: one("page"), queuePage: one("queuePage"), pageSize: 30,
  };
  const parsed = PageQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : PageQuerySchema.parse({ pageSize: 30 });
}

/** Civilized-family selection: a clerk's village with nominations; the township's queue of nominations and every household. */
export default withNotice(async function SelectionPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("selection.read");
  const asked = parseQuery(await searchParams);
  const [data, t] = await Promise.all([loadSelectionPage(actor, asked), getTranslations("selection")]);
  const { list, nominations } = data;
  const query: SelectionQuery = {
    year: data.year, villageId: asked.villageId, filter: asked.filter, q: asked.q, page: asked.page, pageSize: asked.pageSize,
  };
  const isTownship = actor.role !== "CLERK";
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  // Each pager keeps the other list's page.
  const link = (page: number, queuePage: number) => `/selection?${new URLSearchParams({
    year: String(query.year), filter: query.filter, q: query.q, page: String(page), ...(query.villageId ? { villageId: query.villageId } : {}),
    ...(nominations && queuePage > 1 ? { queuePage: String(queuePage) } : {}),
  })}`;
  const href = (page: number) => link(page, nominations?.page ?? 1);
  const queueHref = (queuePage: number) => link(list.page, queuePage);
  const queuePages = nominations ? Math.max(1, Math.ceil(nominations.total / nominations.pageSize)) : 1;
  const need = list.items[0]?.civilizedMinReds ?? nominations?.items[0]?.civilizedMinReds;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="text-stone-600">{isTownship ? t("introOfficial") : t("introClerk")}</p>
      </div>
      <SelectionFilters query={query} years={data.years} villages={data.villages} />
      <div className={`rounded-md p-3 ${list.open ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`} data-testid="season" data-open={list.open}>
        {!list.open ? t("notOpen", { year: list.year, opensOn: list.opensOn })
          : list.decisionsOpen ? t("open", { year: list.year }) : t("nominationsOnly", { year: list.year, decisionsOpenOn: list.decisionsOpenOn })}
      </div>
      <p className="font-medium" data-testid="selection-summary">{t("summary", list.summary)}</p>
      {need !== undefined ? <p className="text-sm text-stone-600">{t("rule", { need })}</p> : null}
      {isTownship ? (
        <Link href={`/selection/${list.year}/print`} className="inline-flex min-h-11 items-center text-red-800 underline" data-testid="print-link">
          {t("print", { year: list.year })}
        </Link>
      ) : null}
      {nominations ? (
        <section className="space-y-3" aria-labelledby="nominations-title" data-testid="nominations">
          <h2 id="nominations-title" className="text-lg font-bold">{t("nominationsTitle", { count: nominations.total })}</h2>
          {nominations.items.length === 0 ? <EmptyState testId="nominations-empty" message={t("noNominations")} hint={t("noNominationsHint")} /> : (
            <ul className="space-y-3">
              {nominations.items.map((item) => (
                <SelectionCard key={item.household.id} item={item} year={list.year} isOwn={actor.homeHouseholdId === item.household.id} showVillage />
              ))}
            </ul>
          )}
          <Pager page={nominations.page} pageSize={nominations.pageSize} total={nominations.total} href={queueHref} label={t("queuePagerNav")}
            position={t("queuePagerPosition", { page: nominations.page, pages: queuePages, total: nominations.total })} nextTestId="queue-next-page" />
        </section>
      ) : null}
      <section className="space-y-3" aria-labelledby="list-title">
        <h2 id="list-title" className="text-lg font-bold">{t("listTitle")}</h2>
        {list.items.length === 0 ? (
          query.villageId || query.q || query.filter !== "all"
            ? <EmptyState testId="selection-empty" message={t("empty")} hint={t("emptyHint")} actions={[{ href: `/selection?year=${list.year}`, label: t("emptyReset") }]} />
            : <EmptyState testId="selection-empty" message={t("emptyNone")} />
        ) : (
          <ul className="space-y-3" data-testid="selection-list">
            {list.items.map((item) => (
              // The township decides in its queue above; the full list only shows.
              <SelectionCard key={item.household.id} year={list.year} isOwn={actor.homeHouseholdId === item.household.id} showVillage={isTownship}
                item={nominations ? { ...item, actions: { ...item.actions, decide: false } } : item} />
            ))}
          </ul>
        )}
        <Pager page={list.page} pageSize={list.pageSize} total={list.total} href={href}
          position={t("listPagerPosition", { page: list.page, pages, total: list.total })} nextTestId="list-next-page" />
      </section>
    </div>
  );
});
