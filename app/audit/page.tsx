import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLogList } from "@/components/audit/audit-log-list";
import { CursorPager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
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
      <CursorPager firstHref={raw.cursor ? link() : undefined} nextHref={page?.nextCursor ? link(page.nextCursor) : undefined} nextTestId="audit-older" />
    </div>
  );
});
