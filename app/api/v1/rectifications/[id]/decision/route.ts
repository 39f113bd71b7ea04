import { decideRectification as operation } from "@/lib/api/operations/rectifications";
import { handle } from "@/lib/server/api/handle";
import { decideRectification } from "@/lib/server/rectifications/decide-rectification";

export const POST = handle(operation, ({ actor, params, body, context }) => decideRectification(actor, params.id, body, context));
