import { addRule as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { addRule } from "@/lib/server/rule-sets/add-rule";

export const POST = handle(operation, ({ actor, params, body, context }) => addRule(actor, params.id, body, context));
