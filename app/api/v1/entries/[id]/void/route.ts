import { voidEntry as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { voidEntry } from "@/lib/server/entries/void-entry";

export const POST = handle(operation, ({ actor, params, body, context }) => voidEntry(actor, params.id, body, context));
