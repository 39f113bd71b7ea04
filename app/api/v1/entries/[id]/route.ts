import { getEntry as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { getEntry } from "@/lib/server/entries/get-entry";

export const GET = handle(operation, ({ actor, params }) => getEntry(actor, params.id));
