import { getFormatter, getTranslations } from "next-intl/server";
import { TownshipTasks } from "@/components/home/township-tasks";
import { VillageTotalsTable } from "@/components/township/village-totals-table";
import { ExportLinks } from "@/components/ui/export-links";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { DashboardLink } from "./dashboard/dashboard-link";
import { countTownshipTasks } from "@/lib/server/home/count-township-tasks";
import { getTownshipOverview } from "@/lib/server/township/get-township-overview";

export default withNotice(async function TownshipOverviewPage() {
  const actor = await requireActor("townships.read");
  const [overview, t, format] = await Promise.all([
    getTownshipOverview(actor),
    getTranslations("overview"),
    getFormatter(),
  ]);
  if (!overview) return <p className="text-stone-600">{t("empty")}</p>;
  const { township } = overview;
  const tasks = await countTownshipTasks(actor, township.id);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title", { township: township.name })}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("subtitle", {
            county: township.county,
            township: township.name,
            villages: overview.villages.length,
            households: format.number(overview.totals.households),
          })}
        </p>
      </div>
      <TownshipTasks tasks={tasks} />
      {can(actor, "dashboard.read") ? <DashboardLink /> : null}
      <VillageTotalsTable villages={overview.villages} totals={overview.totals} />
      <ExportLinks label={t("export.label")} links={(["xlsx", "csv"] as const).map((format) => ({
        href: `/api/v1/township/overview/export?${new URLSearchParams({ format, township: township.code })}`, text: t(`export.${format}`),
      }))} />
      <p className="text-xs leading-relaxed text-stone-500">{t("legend")}</p>
    </div>
  );
});
