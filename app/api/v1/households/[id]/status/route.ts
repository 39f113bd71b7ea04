import { setHouseholdStatus as operation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";

export const POST = handle(operation, ({ actor, params, body, context }) => setHouseholdStatus(actor, params.id, body, context));
