import { defineOperation } from "@/lib/api/operation";
import { AuditLogPageSchema, AuditLogQuerySchema } from "@/lib/schemas/audit-log";

export const listAuditLog = defineOperation({
  id: "listAuditLog", method: "GET", path: "/audit-log", tag: "audit", permission: "audit.read",
  summary: "Audit records within the caller's scope, newest first, filtered and paged by cursor",
  query: AuditLogQuerySchema, response: AuditLogPageSchema,
});
