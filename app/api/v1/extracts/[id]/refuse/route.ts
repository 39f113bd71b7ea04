import { refuseExtract as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { changeExtract } from "@/lib/server/extracts/transitions";

export const POST = handle(operation, ({ actor, params, context }) => changeExtract(actor, params.id, "refuse", {}, context));
