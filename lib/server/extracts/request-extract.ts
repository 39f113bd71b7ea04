import "server-only";
import { randomBytes } from "node:crypto";
import { formatNewCode } from "@/lib/domain/extract-content";
import type { ExtractView, RequestExtractInput } from "@/lib/schemas/extracts";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { unsafeGetExtractView } from "./extract-views";

/**
 * A household asks for an extract of its own archive (REQUESTED at once), or a clerk of its
 * village asks on its behalf (AWAITING_CONSENT until the household confirms) — never for the
 * household the clerk lives in. The verification code is drawn now and printed at issue.
 */
export async function requestExtract(actor: Actor, householdId: string, input: RequestExtractInput, context: RequestContext): Promise<ExtractView> {
  const found = await loadHouseholdTarget(actor, "extracts.request", householdId);
  const byHousehold = actor.role === "HOUSEHOLD";
  const purposeNote = input.purposeNote ? input.purposeNote : null;
  for (let attempt = 0; ; attempt++) {
    const code = formatNewCode(randomBytes(12));
    try {
      const id = await db.$transaction(async (tx) => {
        const now = new Date();
        const created = await tx.archiveExtract.create({
          data: {
            townshipId: found.townshipId, householdId, code, purpose: input.purpose, purposeNote,
            status: byHousehold ? "REQUESTED" : "AWAITING_CONSENT", requestedById: actor.id, requestedAt: now,
            ...(byHousehold ? { consentedById: actor.id, consentedAt: now } : {}),
          },
          select: { id: true, status: true },
        });
        await writeAudit(tx, context, {
          actorId: actor.id, action: "extract.request", targetType: "ArchiveExtract", targetId: created.id,
          townshipId: found.townshipId, villageId: found.villageId,
          after: { householdId, status: created.status, purpose: input.purpose, purposeNote },
        });
        return created.id;
      });
      return unsafeGetExtractView(id);
    } catch (error) {
      // 60 random bits: a second draw is as likely as lightning, a third never happens.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}
