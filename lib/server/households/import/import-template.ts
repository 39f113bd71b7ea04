import "server-only";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { XLSX_TYPE } from "@/lib/schemas/exports";
import { IMPORT_COLUMN_KEYS, RELATION_LABELS } from "@/lib/schemas/household-import";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { archivePrefix } from "../archive-numbers";
import { buildCsv, buildWorkbook, CSV_TYPE } from "./workbook";

/**
 * The empty import file of a village: the column names, and in the workbook a sheet explaining
 * each column with the village's archive number prefix and villager groups.
 */
export async function importTemplate(actor: Actor, villageId: string, format: "xlsx" | "csv", locale: Locale) {
  authorize(actor, "households.manage");
  const village = await db.village.findUnique({
    where: { id: villageId },
    select: { townshipId: true, code: true, township: { select: { code: true } }, groups: { select: { number: true, name: true }, orderBy: { number: "asc" } } },
  });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "households.manage", { townshipId: village.townshipId, villageId });
  const t = translatorFor(locale);
  const fileName = `${t("householdImport.file.templateName")}.${format}`;
  if (format === "csv") return { bytes: buildCsv([]), fileName, contentType: CSV_TYPE };
  const values = {
    relations: Object.values(RELATION_LABELS).join("、"),
    prefix: archivePrefix(village.township.code, village.code),
    groups: village.groups.map((g) => `${g.number} ${g.name}`).join(", ") || "—",
  };
  const lines = [
    t("householdImport.template.intro"), "",
    ...IMPORT_COLUMN_KEYS.map((key) => t(`householdImport.template.columns.${key}`, values)), "",
    t("householdImport.template.example"),
  ];
  const bytes = await buildWorkbook(t("householdImport.file.sheetName"), [], { title: t("householdImport.template.notesTitle"), lines });
  return { bytes, fileName, contentType: XLSX_TYPE };
}
