import { getTranslations } from "next-intl/server";
import { AppealList } from "@/components/appeals/appeal-list";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { ListAppealsQuerySchema } from "@/lib/schemas/appeals";
import { listOpenAppeals } from "@/lib/server/appeals/list-open-appeals";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("appeals");
  return { title: t("title") };
}

/** Open appeals: a clerk's village to resolve; for the township (and administrators), every open one, read only. */
export default withNotice(async function AppealsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("appeals.list");
  const { page: rawPage } = await searchParams;
  const parsed = ListAppealsQuerySchema.safeParse({ status: "OPEN", page: typeof rawPage === "string" ? rawPage : undefined });
  const query = parsed.success ? parsed.data : ListAppealsQuerySchema.parse({});
  const [result, t] = await Promise.all([listOpenAppeals(actor, query), getTranslations("appeals")]);
  const canResolve = can(actor, "appeals.resolve");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="text-stone-600">{canResolve ? t("introClerk") : t("introTownship")}</p>
        <p className="mt-1 font-medium" data-testid="open-count">{t("openCount", { count: result.total })}</p>
      </div>
      <AppealList items={result.items} canResolve={canResolve} homeHouseholdId={actor.homeHouseholdId} showVillage={!canResolve} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} href={(page) => `/appeals?page=${page}`} />
    </div>
  );
});
