import { getHouseholdArchive as operation } from "@/lib/api/operations/archive";
import { getHouseholdArchive } from "@/lib/server/archive/get-household-archive";
import { handle } from "@/lib/server/api/handle";

export const GET = handle(operation, ({ actor, params }) => getHouseholdArchive(actor, params.id));
