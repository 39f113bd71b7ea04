import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { villageOptions } from "@/components/accounts/options";
import { HouseholdList } from "@/components/households/household-list";
import { HouseholdSearchForm } from "@/components/households/household-search-form";
import { buttonClass } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { SearchHouseholdsQuerySchema } from "@/lib/schemas/households";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { searchHouseholds } from "@/lib/server/households/search-households";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["q", "status", "villageId"] as const;

export async function generateMetadata() {
  const t = await getTranslations("households");
  return { title: t("title") };
}

export default withNotice(async function HouseholdsPage({ searchParams }: { searchParams: SearchParams }) {
    const actor = await requireActor("households.search");
    const raw = Object.fromEntries(
      Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v.trim() !== "" ? [[k, v]] : [])),
    );
    const parsed = SearchHouseholdsQuerySchema.safeParse(raw);
    const query = parsed.success ? parsed.data : SearchHouseholdsQuerySchema.parse({});
    const seesVillages = actor.role !== "CLERK";
    const [t, result, villages] = await Promise.all([
      getTranslations("households"), searchHouseholds(actor, query), seesVillages ? listVillages(actor) : null,
    ]);
    const filters = FILTERS.flatMap((name) => (raw[name] ? [[name, raw[name]]] : []));
    const href = (page: number) => `/households?${new URLSearchParams([...filters, ["page", String(page)]])}`;
    return (
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
            <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            {can(actor, "households.manage") ? (
              <Link href="/households/new" className={buttonClass({ size: "lg" })} data-testid="new-household">{t("newHousehold")}</Link>
            ) : null}
            <Link href="/households/import" className={buttonClass({ tone: "plain", size: "lg" })}>{t("importExport")}</Link>
          </div>
        </div>
        <HouseholdSearchForm values={raw} villages={villages ? villageOptions(villages.items) : null} />
        <p className="text-sm text-stone-600" data-testid="household-count">{t("resultCount", { total: result.total })}</p>
        <HouseholdList households={result.items} showVillage={seesVillages} empty={{ filtered: filters.length > 0, canCreate: can(actor, "households.manage") }} />
        <Pager page={result.page} pageSize={result.pageSize} total={result.total} href={href} />
      </div>
    );
});
