import { exportRankings as operation } from "@/lib/api/operations/rankings";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { fileResponse } from "@/lib/server/households/import/workbook";
import { exportRankings } from "@/lib/server/rankings/export-rankings";

export const GET = handle(operation, async ({ actor, query, request }) => {
  const file = await exportRankings(actor, query, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, file.contentType);
});
