import { updateVillage as operation } from "@/lib/api/operations/villages";
import { handle } from "@/lib/server/api/handle";
import { updateVillage } from "@/lib/server/villages/update-village";

export const PATCH = handle(operation, ({ actor, params, body, context }) => updateVillage(actor, params.id, body, context));
