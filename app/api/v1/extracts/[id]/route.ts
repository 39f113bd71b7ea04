import { getExtract as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { getExtract } from "@/lib/server/extracts/list-extracts";

export const GET = handle(operation, ({ actor, params }) => getExtract(actor, params.id));
