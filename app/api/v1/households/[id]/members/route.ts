import { addMember as operation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { addMember } from "@/lib/server/households/add-member";

export const POST = handle(operation, ({ actor, params, body, context }) => addMember(actor, params.id, body, context));
