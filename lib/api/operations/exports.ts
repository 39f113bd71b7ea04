import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import { ExportFileSchema, ExportTownshipOverviewQuerySchema, ExportVillageEntriesQuerySchema, XLSX_TYPE } from "@/lib/schemas/exports";

export const exportVillageEntries = defineOperation({
  id: "exportVillageEntries", method: "GET", path: "/villages/{id}/entries/export", tag: "entries", permission: "entries.list",
  summary: "Every entry the village's list shows with the same filters, as .xlsx or (format=csv) text/csv, with the page's headers in the caller's language",
  params: IdParamsSchema, query: ExportVillageEntriesQuerySchema, response: ExportFileSchema, produces: XLSX_TYPE,
});

export const exportTownshipOverview = defineOperation({
  id: "exportTownshipOverview", method: "GET", path: "/township/overview/export", tag: "township", permission: "townships.read",
  summary: "The township overview table (households and confirmed marks per village, then the totals), as .xlsx or (format=csv) text/csv",
  query: ExportTownshipOverviewQuerySchema, response: ExportFileSchema, produces: XLSX_TYPE,
});
