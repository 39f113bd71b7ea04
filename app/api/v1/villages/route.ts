import { createVillage as createOperation, listVillages as listOperation } from "@/lib/api/operations/villages";
import { handle } from "@/lib/server/api/handle";
import { createVillage } from "@/lib/server/villages/create-village";
import { listVillages } from "@/lib/server/villages/list-villages";

export const GET = handle(listOperation, ({ actor, query }) => listVillages(actor, query));
export const POST = handle(createOperation, ({ actor, body, context }) => createVillage(actor, body, context));
