import { getHouseholdScores as operation } from "@/lib/api/operations/rankings";
import { handle } from "@/lib/server/api/handle";
import { getHouseholdScores } from "@/lib/server/rankings/get-household-scores";

export const GET = handle(operation, ({ actor, params, query }) => getHouseholdScores(actor, params.id, query));
