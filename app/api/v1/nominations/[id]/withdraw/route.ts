import { withdrawNomination as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { withdrawNomination } from "@/lib/server/selection/withdraw-nomination";

export const POST = handle(operation, ({ actor, params, body, context }) => withdrawNomination(actor, params.id, body, context));
