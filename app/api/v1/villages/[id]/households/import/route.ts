import { importHouseholds as operation } from "@/lib/api/operations/households";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { importHouseholds } from "@/lib/server/households/import/import-households";

// 13,600 households take a few seconds; allow for a slow server.
export const maxDuration = 300;

export const POST = handle(operation, ({ actor, params, query, body, request, context }) =>
  importHouseholds(actor, params.id, body.file, { dryRun: query.dryRun, locale: localeOfRequest(request.headers) }, context));
