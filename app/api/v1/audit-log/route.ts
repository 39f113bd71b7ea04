import { listAuditLog as operation } from "@/lib/api/operations/audit-log";
import { handle } from "@/lib/server/api/handle";
import { listAuditLog } from "@/lib/server/audit-log/list-audit-log";

export const GET = handle(operation, ({ actor, query }) => listAuditLog(actor, query));
