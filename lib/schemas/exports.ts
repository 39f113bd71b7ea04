import { z } from "zod";
import { singleLineText } from "./common";
import { ListVillageEntriesQuerySchema } from "./entries";

// Exports take the filters of the list they export, without its paging: the file holds every
// matching row.
export const ExportFormatSchema = z.enum(["xlsx", "csv"]).default("xlsx")
  .describe("xlsx (Excel) or csv (UTF-8 with a byte order mark, so that Excel reads the Chinese)");

export const ExportVillageEntriesQuerySchema = ListVillageEntriesQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: ExportFormatSchema });
export type ExportVillageEntriesQuery = z.infer<typeof ExportVillageEntriesQuerySchema>;

export const ExportTownshipOverviewQuerySchema = z.object({
  format: ExportFormatSchema,
  township: singleLineText().min(1).max(20).optional()
    .describe("An administrator's choice of township by code; officials always get their own"),
});
export type ExportTownshipOverviewQuery = z.infer<typeof ExportTownshipOverviewQuerySchema>;

/** The media type of an Excel workbook (.xlsx): every XLSX download and the import take it. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const ExportFileSchema = z.file().describe("The file");
