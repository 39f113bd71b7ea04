import "server-only";
import type { Locale } from "@/i18n/locales";
import { chinaToday } from "@/lib/domain/entry-date";
import { translatorFor } from "@/lib/i18n/translator";
import type { ExportRankingsQuery } from "@/lib/schemas/rankings";
import type { Actor } from "@/lib/server/authz";
import { buildTableFile, type TableFile } from "@/lib/server/exports/table-file";
import { allRankings } from "./get-rankings";

/** The ranking as the page shows it, with the same filters, every matching row. */
export async function exportRankings(actor: Actor, query: ExportRankingsQuery, locale: Locale, now: Date = new Date()): Promise<TableFile> {
  const ranking = await allRankings(actor, query, now);
  const t = translatorFor(locale);
  const columns = [
    { header: t("rankings.column.rank"), width: 8 }, { header: t("rankings.column.tied"), width: 6 },
    { header: t("rankings.column.archiveNo"), width: 16, text: true }, { header: t("rankings.column.head"), width: 10 },
    { header: t("rankings.column.village"), width: 12 }, { header: t("rankings.column.score"), width: 8 },
    { header: t("rankings.column.red"), width: 6 }, { header: t("rankings.column.yellow"), width: 6 }, { header: t("rankings.column.black"), width: 6 },
  ];
  const rows = ranking.items.map((r) => [
    r.rank, r.tied ? t("rankings.tied") : "", r.archiveNo, r.headName, r.villageName, r.score, r.redMarks, r.activeYellowMarks, r.blackMarks,
  ]);
  const year = ranking.year === "all" ? t("rankings.allYears") : String(ranking.year);
  const fileName = t("rankings.export.fileName", { scope: ranking.village?.name ?? ranking.township.name, year, date: chinaToday(now) });
  return buildTableFile(query.format, t("rankings.export.sheetName"), columns, rows, fileName);
}
