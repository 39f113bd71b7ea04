import "server-only";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { ExportDashboardQuery } from "@/lib/schemas/dashboard";
import type { Actor } from "@/lib/server/authz";
import { buildTableFile, type TableFile } from "@/lib/server/exports/table-file";
import { dashboardTables } from "./dashboard-tables";
import { getTownshipDashboard } from "./get-township-dashboard";

/** One table of the dashboard as the page shows it (the township row last), as XLSX or CSV. */
export async function exportDashboardTable(actor: Actor, query: ExportDashboardQuery, locale: Locale): Promise<TableFile> {
  const dashboard = await getTownshipDashboard(actor, query, { locale });
  const table = dashboardTables(dashboard, locale)[query.table];
  const t = translatorFor(locale);
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])].map((row) => row.map((cell) => cell ?? ""));
  const title = t(`dashboard.${query.table}.title`);
  const fileName = t("dashboard.export.fileName", { township: dashboard.township.name, year: dashboard.period.year, table: title, date: dashboard.period.today });
  const columns = table.columns.map((c) => ({ header: c.header, width: c.width, text: c.kind === "text" || c.kind === "flag" }));
  return buildTableFile(query.format, title.slice(0, 31), columns, rows, fileName);
}
