import { resolveAppeal as operation } from "@/lib/api/operations/appeals";
import { resolveAppeal } from "@/lib/server/appeals/resolve-appeal";
import { handle } from "@/lib/server/api/handle";

export const POST = handle(operation, ({ actor, params, body, context }) => resolveAppeal(actor, params.id, body, context));
