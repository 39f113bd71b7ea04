import "server-only";
import type { AuditAction } from "@/lib/domain/audit-vocabulary";
import type { ExtractStatus } from "@/lib/generated/prisma/enums";
import type { ExtractReasonInput, ExtractView } from "@/lib/schemas/extracts";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { loadExtractTarget, lockExtract } from "./extract-target";
import { unsafeGetExtractView } from "./extract-views";

// The transitions of an extract other than issuing it (./issue-extract.ts), each once, under the
// row's lock, with its audit record in the same transaction:
//   AWAITING_CONSENT → REQUESTED (the household consents) | DECLINED (it refuses)
//   REQUESTED → DECLINED (a township official declines, with a reason)
//   ISSUED → REVOKED (a township official revokes, with a reason)

type Step = {
  permission: "extracts.consent" | "extracts.issue" | "extracts.revoke";
  from: ExtractStatus;
  to: ExtractStatus;
  action: AuditAction;
  data: (actor: Actor, now: Date, reason: string | null) => Record<string, unknown>;
};

const steps = {
  consent: { permission: "extracts.consent", from: "AWAITING_CONSENT", to: "REQUESTED", action: "extract.consent",
    data: (actor, now) => ({ consentedById: actor.id, consentedAt: now }) },
  // Refusing is not consenting: consentedById/consentedAt stay null; its audit record says who refused.
  refuse: { permission: "extracts.consent", from: "AWAITING_CONSENT", to: "DECLINED", action: "extract.refuse",
    data: () => ({}) },
  decline: { permission: "extracts.issue", from: "REQUESTED", to: "DECLINED", action: "extract.decline",
    data: (actor, _now, reason) => ({ decidedById: actor.id, declinedReason: reason }) },
  revoke: { permission: "extracts.revoke", from: "ISSUED", to: "REVOKED", action: "extract.revoke",
    data: (actor, now, reason) => ({ revokedById: actor.id, revokedAt: now, revokedReason: reason }) },
} satisfies Record<string, Step>;

export type ExtractStep = keyof typeof steps;

const conflictMessage: Record<ExtractStatus, string> = {
  AWAITING_CONSENT: "errors.extractAwaitingConsent",
  REQUESTED: "errors.extractAlreadyRequested",
  ISSUED: "errors.extractAlreadyIssued",
  DECLINED: "errors.extractAlreadyDeclined",
  REVOKED: "errors.extractAlreadyRevoked",
};

export async function changeExtract(
  actor: Actor, extractId: string, stepName: ExtractStep, input: Partial<ExtractReasonInput>, context: RequestContext,
): Promise<ExtractView> {
  const step: Step = steps[stepName];
  const found = await loadExtractTarget(actor, step.permission, extractId);
  const reason = input.reason ?? null;
  await db.$transaction(async (tx) => {
    const status = await lockExtract(tx, extractId);
    if (status !== step.from) throw new AppError("CONFLICT", conflictMessage[status]);
    await tx.archiveExtract.update({ where: { id: extractId }, data: { status: step.to, ...step.data(actor, new Date(), reason) }, select: { id: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: step.action, targetType: "ArchiveExtract", targetId: extractId,
      townshipId: found.townshipId, villageId: found.villageId,
      before: { status }, after: { status: step.to, ...(reason ? { reason } : {}) },
    });
  });
  return unsafeGetExtractView(extractId);
}
