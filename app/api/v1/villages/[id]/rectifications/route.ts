import { listRectifications as operation } from "@/lib/api/operations/rectifications";
import { handle } from "@/lib/server/api/handle";
import { listRectifications } from "@/lib/server/rectifications/list-rectifications";

export const GET = handle(operation, ({ actor, params, query }) => listRectifications(actor, params.id, query));
