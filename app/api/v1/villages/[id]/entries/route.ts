import { listVillageEntries as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { listVillageEntries } from "@/lib/server/entries/list-village-entries";

export const GET = handle(operation, ({ actor, params, query }) => listVillageEntries(actor, params.id, query));
