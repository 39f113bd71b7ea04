import { withdrawAward as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { withdrawAward } from "@/lib/server/selection/withdraw-award";

export const POST = handle(operation, ({ actor, params, body, context }) => withdrawAward(actor, params.id, body, context));
