import "server-only";
import type { Locale } from "@/i18n/locales";
import { chinaToday } from "@/lib/domain/entry-date";
import { translatorFor } from "@/lib/i18n/translator";
import type { ExportTownshipOverviewQuery } from "@/lib/schemas/exports";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { buildTableFile, type TableFile } from "@/lib/server/exports/table-file";
import { getTownshipOverview } from "./get-township-overview";

const MARKS = ["households", "red", "yellow", "black", "pending"] as const;

/** The township overview table as the page shows it (one row per village, then the totals). */
export async function exportTownshipOverview(actor: Actor, query: ExportTownshipOverviewQuery, locale: Locale): Promise<TableFile> {
  const overview = await getTownshipOverview(actor, query.township);
  if (!overview) throw new AppError("NOT_FOUND", "errors.notFound");
  const t = translatorFor(locale);
  const columns = [{ header: t("overview.village"), width: 16 }, ...MARKS.map((key) => ({ header: t(`overview.${key}`), width: 9 }))];
  const rows = [
    ...overview.villages.map((v) => [v.name, ...MARKS.map((key) => v[key])]),
    [t("overview.total"), ...MARKS.map((key) => overview.totals[key])],
  ];
  const fileName = t("overview.export.fileName", { township: overview.township.name, date: chinaToday(new Date()) });
  return buildTableFile(query.format, t("overview.export.sheetName"), columns, rows, fileName);
}
