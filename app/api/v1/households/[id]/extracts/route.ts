import { listHouseholdExtracts as listOperation, requestExtract as requestOperation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { listHouseholdExtracts } from "@/lib/server/extracts/list-extracts";
import { requestExtract } from "@/lib/server/extracts/request-extract";

export const GET = handle(listOperation, ({ actor, params, query }) => listHouseholdExtracts(actor, params.id, query));
export const POST = handle(requestOperation, ({ actor, params, body, context }) => requestExtract(actor, params.id, body, context));
