import { exportTownshipDashboard as operation } from "@/lib/api/operations/dashboard";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { exportDashboardTable } from "@/lib/server/dashboard/export-dashboard-table";
import { fileResponse } from "@/lib/server/households/import/workbook";

export const GET = handle(operation, async ({ actor, query, request }) => {
  const file = await exportDashboardTable(actor, query, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, file.contentType);
});
