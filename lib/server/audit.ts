import "server-only";
import type { AuditAction, AuditField, AuditTargetType } from "@/lib/domain/audit-vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./request-context";

/** A record's before or after: only fields the audit page has words for (lib/domain/audit-vocabulary.ts). */
export type AuditValues = { readonly [F in AuditField]?: Prisma.InputJsonValue | null };

export type AuditRecord = {
  actorId: string | null;
  action: AuditAction; // dotted verb, e.g. "account.create"
  targetType: AuditTargetType;
  targetId?: string | null;
  townshipId?: string | null;
  villageId?: string | null;
  before?: AuditValues | null;
  after?: AuditValues | null;
};

/** Who and what a record is about, without the action. */
export type AuditScope = Omit<AuditRecord, "action">;

/**
 * Writes one audit record. Takes the transaction client on purpose: the record commits or
 * rolls back together with the write it describes.
 */
export async function writeAudit(
  tx: Prisma.TransactionClient,
  context: RequestContext,
  record: AuditRecord,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId ?? null,
      townshipId: record.townshipId ?? null,
      villageId: record.villageId ?? null,
      // Absent rather than undefined: strictUndefinedChecks refuses explicit undefined.
      ...(record.before == null ? {} : { before: record.before }),
      ...(record.after == null ? {} : { after: record.after }),
      ip: context.ip,
      userAgent: context.userAgent,
    },
    select: { id: true },
  });
}
