import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountFilters } from "@/components/accounts/account-filters";
import { AccountList } from "@/components/accounts/account-list";
import { villageOptions } from "@/components/accounts/options";
import { buttonClass } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { ListAccountsQuerySchema } from "@/lib/schemas/accounts";
import { listAccounts } from "@/lib/server/accounts/list-accounts";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["q", "role", "villageId", "active"] as const;

export async function generateMetadata() {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

export default withNotice(async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
    const actor = await requireActor("accounts.read");
    // An empty field of the filter form means "any".
    const raw = Object.fromEntries(
      Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v.trim() !== "" ? [[k, v]] : [])),
    );
    const parsed = ListAccountsQuerySchema.safeParse(raw);
    const query = parsed.success ? parsed.data : ListAccountsQuerySchema.parse({});
    const [t, list, villages] = await Promise.all([getTranslations("accounts"), listAccounts(actor, query), listVillages(actor)]);
    const filters = new URLSearchParams(FILTERS.flatMap((name) => (raw[name] ? [[name, raw[name]]] : [])));
    const href = (page: number) => `/admin/accounts?${new URLSearchParams([...filters, ["page", String(page)]])}`;
    return (
      <div className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
            <p className="mt-1 text-sm text-stone-600">{actor.role === "ADMIN" ? t("introAdmin") : t("introOfficial")}</p>
          </div>
          {can(actor, "accounts.manage") ? (
            <Link href="/admin/accounts/new" data-testid="new-account" className={buttonClass()}>
              {t("new")}
            </Link>
          ) : null}
        </div>
        {parsed.success ? null : <p role="alert" className="text-red-700">{t("invalidFilters")}</p>}
        <AccountFilters values={raw} villages={villageOptions(villages.items)} />
        <p className="text-sm text-stone-600" data-testid="account-count">{t("count", { total: list.total })}</p>
        <AccountList accounts={list.items} empty={{ filtered: filters.toString() !== "", canCreate: can(actor, "accounts.manage") }} />
        <Pager page={list.page} pageSize={list.pageSize} total={list.total} href={href} />
      </div>
    );
});
