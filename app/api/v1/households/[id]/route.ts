import { getHousehold as getOperation, updateHousehold as updateOperation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { getHousehold } from "@/lib/server/households/get-household";
import { updateHousehold } from "@/lib/server/households/update-household";

export const GET = handle(getOperation, ({ actor, params }) => getHousehold(actor, params.id));
export const PATCH = handle(updateOperation, ({ actor, params, body, context }) => updateHousehold(actor, params.id, body, context));
