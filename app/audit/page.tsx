import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { withNotice } from "@/components/accounts/app-error-notice";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLogList } from "@/components/audit/audit-log-list";
import { AuditLogQuerySchema } from "@/lib/schemas/audit-log";
import { fieldErrors } from "@/lib/server/api/error-response";
import { requireActor } from "@/lib/server/auth/current-actor";
import { loadAuditLogPage } from "@/lib/server/audit-log/load-audit-log-page";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const filterNames = ["action", "actor", "targetType", "targetId", "from", "to"] as const;

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default withNotice(async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("audit.read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  const [t, root] = await Promise.all([getTranslations("audit"), getTranslations()]);
  const parsed = AuditLogQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error, (key) => (root.has(key) ? root(key) : key));
  const page = parsed.success ? await loadAuditLogPage(actor, parsed.data) : null;
  const filters = new URLSearchParams(filterNames.flatMap((n) => (raw[n] ? [[n, raw[n]]] : [])));
  const link = (cursor?: string) => {
    const params = new URLSearchParams(filters);
    if (cursor) params.set("cursor", cursor);
    return params.size ? `/audit?${params}` : "/audit";
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("intro")} {actor.role === "TOWNSHIP_OFFICIAL" ? t("scopeTownship") : t("scopeAll")}
        </p>
      </div>
      <AuditFilters values={raw} errors={errors} />
      {page ? <AuditLogList records={page.items} names={page.names} /> : <p role="alert" className="text-red-700">{t("invalidFilters")}</p>}
      <nav aria-label={t("paging")} className="flex flex-wrap gap-3">
        {raw.cursor ? (
          <Link href={link()} className="flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4">{t("newest")}</Link>
        ) : null}
        {page?.nextCursor ? (
          <Link href={link(page.nextCursor)} className="flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4" data-testid="audit-older">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
});
