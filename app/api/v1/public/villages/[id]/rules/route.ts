import { getPublicRules as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { getPublicRules } from "@/lib/server/rule-sets/get-public-rules";

// Public: no sign-in, no actor. The village's rules are posted for everyone.
export const GET = handle(operation, ({ params }) => getPublicRules(params.id));
