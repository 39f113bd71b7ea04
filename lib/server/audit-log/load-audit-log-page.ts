import "server-only";
import type { AuditNames } from "@/lib/i18n/audit-format";
import type { AuditLogPage, AuditLogQuery } from "@/lib/schemas/audit-log";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { unsafeNamesIn } from "./audit-names";
import { listAuditLog } from "./list-audit-log";

/** What the audit page shows: a page of records in the actor's scope, and the names of the ids they mention. */
export async function loadAuditLogPage(actor: AuthenticatedActor, query: AuditLogQuery): Promise<AuditLogPage & { names: AuditNames }> {
  const page = await listAuditLog(actor, query);
  return { ...page, names: await unsafeNamesIn(page.items) };
}
