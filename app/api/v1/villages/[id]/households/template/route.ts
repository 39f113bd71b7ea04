import { householdImportTemplate as operation } from "@/lib/api/operations/households";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { importTemplate } from "@/lib/server/households/import/import-template";
import { fileResponse } from "@/lib/server/households/import/workbook";

export const GET = handle(operation, async ({ actor, params, query, request }) => {
  const file = await importTemplate(actor, params.id, query.format, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, file.contentType);
});
