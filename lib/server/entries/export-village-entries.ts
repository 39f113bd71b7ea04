import "server-only";
import type { Locale } from "@/i18n/locales";
import { chinaDateTime, chinaToday, dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/translator";
import type { ExportVillageEntriesQuery } from "@/lib/schemas/exports";
import { entryWhere, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { buildTableFile, type TableColumn, type TableFile } from "@/lib/server/exports/table-file";
import { filtersWhere } from "./list-village-entries";

const COLUMNS = [
  ["archiveNo", 16, true], ["headName", 10], ["member", 10], ["category", 8], ["ruleCode", 10, true], ["rule", 24],
  ["marks", 6], ["occurredOn", 12, true], ["quarter", 14], ["status", 8], ["description", 40], ["photos", 6], ["recordedAt", 17, true],
] as const;

/**
 * Every entry of a village that the list shows with the same filters (the same scope: a
 * representative gets the entries under review only), newest first, as .xlsx or .csv.
 */
export async function exportVillageEntries(actor: Actor, villageId: string, query: ExportVillageEntriesQuery, locale: Locale): Promise<TableFile> {
  await loadVillageTarget(actor, "entries.list", villageId);
  const where: Prisma.EntryWhereInput = { AND: [{ villageId }, entryWhere(actor), filtersWhere(query)] };
  const [village, entries] = await Promise.all([
    db.village.findUniqueOrThrow({ where: { id: villageId }, select: { name: true } }),
    db.entry.findMany({
      where, orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: {
        category: true, marks: true, occurredOn: true, year: true, quarter: true, description: true, status: true, recordedAt: true,
        household: { select: { archiveNo: true, headName: true } }, member: { select: { name: true } },
        rule: { select: { code: true, title: true } }, _count: { select: { evidence: true } },
      },
    }),
  ]);
  const t = translatorFor(locale);
  const columns: TableColumn[] = COLUMNS.map(([key, width, text]) => ({ header: t(`entries.export.columns.${key}`), width, text }));
  const rows = entries.map((e) => [
    e.household.archiveNo, e.household.headName, e.member?.name ?? "", t(`entries.category.${e.category}`), e.rule.code, e.rule.title,
    e.marks, dateToDay(e.occurredOn), t("entries.quarterLabel", { year: e.year, quarter: e.quarter }), t(`entries.status.${e.status}`),
    e.description, e._count.evidence, chinaDateTime(e.recordedAt),
  ]);
  const fileName = t("entries.export.fileName", { village: village.name, date: chinaToday(new Date()) });
  return buildTableFile(query.format, t("entries.export.sheetName"), columns, rows, fileName);
}
