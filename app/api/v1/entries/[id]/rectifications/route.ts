import { requestRectification as operation } from "@/lib/api/operations/rectifications";
import { handle } from "@/lib/server/api/handle";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";

export const POST = handle(operation, ({ actor, params, body, context }) => requestRectification(actor, params.id, body, context));
