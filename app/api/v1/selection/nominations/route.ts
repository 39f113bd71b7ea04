import { nominateHousehold as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { nominate } from "@/lib/server/selection/nominate";

export const POST = handle(operation, ({ actor, body, context }) => nominate(actor, body, context));
