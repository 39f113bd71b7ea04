import { lodgeAppeal as operation } from "@/lib/api/operations/appeals";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { handle } from "@/lib/server/api/handle";

export const POST = handle(operation, ({ actor, params, body, context }) => lodgeAppeal(actor, params.id, body, context));
