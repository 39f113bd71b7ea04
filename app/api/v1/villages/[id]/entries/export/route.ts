import { exportVillageEntries as operation } from "@/lib/api/operations/exports";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { exportVillageEntries } from "@/lib/server/entries/export-village-entries";
import { fileResponse } from "@/lib/server/households/import/workbook";

export const GET = handle(operation, async ({ actor, params, query, request }) => {
  const file = await exportVillageEntries(actor, params.id, query, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, file.contentType);
});
