import { getTownshipDashboard as operation } from "@/lib/api/operations/dashboard";
import { localeOfRequest } from "@/lib/i18n/translator";
import { handle } from "@/lib/server/api/handle";
import { getTownshipDashboard } from "@/lib/server/dashboard/get-township-dashboard";

export const GET = handle(operation, async ({ actor, query, request }) =>
  getTownshipDashboard(actor, query, { locale: localeOfRequest(request.headers) }));
