import { exportTownshipOverview as operation } from "@/lib/api/operations/exports";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { fileResponse } from "@/lib/server/households/import/workbook";
import { exportTownshipOverview } from "@/lib/server/township/export-township-overview";

export const GET = handle(operation, async ({ actor, query, request }) => {
  const file = await exportTownshipOverview(actor, query, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, file.contentType);
});
