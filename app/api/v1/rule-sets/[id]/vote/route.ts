import { openRuleSetVote as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { openRuleSetVote } from "@/lib/server/rule-sets/open-rule-set-vote";

export const POST = handle(operation, ({ actor, params, body, context }) => openRuleSetVote(actor, params.id, body, context));
