import { declineExtract as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { changeExtract } from "@/lib/server/extracts/transitions";

export const POST = handle(operation, ({ actor, params, body, context }) => changeExtract(actor, params.id, "decline", body, context));
