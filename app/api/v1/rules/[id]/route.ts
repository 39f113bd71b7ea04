import { removeRule as removeOperation, updateRule as updateOperation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { removeRule } from "@/lib/server/rule-sets/remove-rule";
import { updateRule } from "@/lib/server/rule-sets/update-rule";

export const PATCH = handle(updateOperation, ({ actor, params, body, context }) => updateRule(actor, params.id, body, context));
export const DELETE = handle(removeOperation, async ({ actor, params, context }) => {
  await removeRule(actor, params.id, context);
  return undefined;
});
