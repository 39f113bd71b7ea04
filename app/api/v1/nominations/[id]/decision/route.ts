import { decideNomination as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { decideNomination } from "@/lib/server/selection/decide-nomination";

export const POST = handle(operation, ({ actor, params, body, context }) => decideNomination(actor, params.id, body, context));
