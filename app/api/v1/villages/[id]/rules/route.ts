import { listRulesInForce as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { listRulesInForce } from "@/lib/server/entries/list-rules-in-force";

export const GET = handle(operation, ({ actor, params, query }) => listRulesInForce(actor, params.id, query.date, query));
