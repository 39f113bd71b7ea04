import { changeTownshipSettings as changeOperation, getTownshipSettings as getOperation } from "@/lib/api/operations/township-settings";
import { handle } from "@/lib/server/api/handle";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { getTownshipSettings } from "@/lib/server/township-settings/get-settings";

export const GET = handle(getOperation, ({ actor, query }) => getTownshipSettings(actor, query));

export const POST = handle(changeOperation, ({ actor, body, context }) => changeTownshipSettings(actor, body, context));
