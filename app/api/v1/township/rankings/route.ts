import { getRankings as operation } from "@/lib/api/operations/rankings";
import { handle } from "@/lib/server/api/handle";
import { getRankings } from "@/lib/server/rankings/get-rankings";

export const GET = handle(operation, ({ actor, query }) => getRankings(actor, query));
