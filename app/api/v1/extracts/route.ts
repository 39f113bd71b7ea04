import { listExtracts as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { listTownshipExtracts } from "@/lib/server/extracts/list-extracts";

export const GET = handle(operation, ({ actor, query }) => listTownshipExtracts(actor, query));
