import { updateMember as operation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { updateMember } from "@/lib/server/households/update-member";

export const PATCH = handle(operation, ({ actor, params, body, context }) => updateMember(actor, params.id, body, context));
