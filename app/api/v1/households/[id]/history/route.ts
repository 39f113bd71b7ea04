import { householdHistory as operation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { listHouseholdHistory } from "@/lib/server/households/list-household-history";

export const GET = handle(operation, ({ actor, params, query }) => listHouseholdHistory(actor, params.id, query));
