import { exportHouseholds as operation } from "@/lib/api/operations/households";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { exportHouseholds } from "@/lib/server/households/import/export-households";
import { XLSX_TYPE } from "@/lib/schemas/exports";
import { fileResponse } from "@/lib/server/households/import/workbook";

export const GET = handle(operation, async ({ actor, params, request }) => {
  const file = await exportHouseholds(actor, params.id, localeOfRequest(request.headers));
  return fileResponse(file.bytes, file.fileName, XLSX_TYPE);
});
