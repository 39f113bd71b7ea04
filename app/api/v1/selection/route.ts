import { getSelection as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { getSelection } from "@/lib/server/selection/get-selection";

export const GET = handle(operation, ({ actor, query }) => getSelection(actor, query));
