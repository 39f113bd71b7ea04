import { listOpenAppeals as operation } from "@/lib/api/operations/appeals";
import { listOpenAppeals } from "@/lib/server/appeals/list-open-appeals";
import { handle } from "@/lib/server/api/handle";

export const GET = handle(operation, ({ actor, query }) => listOpenAppeals(actor, query));
