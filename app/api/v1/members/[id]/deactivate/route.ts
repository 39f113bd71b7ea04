import { deactivateMember as operation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { deactivateMember } from "@/lib/server/households/deactivate-member";

export const POST = handle(operation, ({ actor, params, body, context }) => deactivateMember(actor, params.id, body, context));
