import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { verificationUrl, type ExtractContent } from "@/lib/domain/extract-content";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicUrl } from "@/lib/env";
import type { ExtractView } from "@/lib/schemas/extracts";
import { db } from "@/lib/server/db";

// An extract as its household, the village's clerks and the township's officials see it.

export const extractSelect = {
  id: true, code: true, status: true, purpose: true, purposeNote: true, requestedById: true, requestedAt: true,
  consentedAt: true, decidedById: true, declinedReason: true, issuedAt: true, validUntil: true, revokedAt: true,
  revokedReason: true, keyId: true, content: true, jws: true,
  household: { select: { id: true, archiveNo: true, headName: true, village: { select: { name: true } } } },
} as const satisfies Prisma.ArchiveExtractSelect;

type Row = Prisma.ArchiveExtractGetPayload<{ select: typeof extractSelect }>;

/** Rows the caller may already read. `origin`: where the QR code points (PUBLIC_URL by default). */
export async function toExtractViews(rows: Row[], origin: string = publicUrl() ?? "http://localhost:3000"): Promise<ExtractView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.requestedById, ...(r.decidedById ? [r.decidedById] : [])]))];
  const accounts = ids.length ? await db.account.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, role: true } }) : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return rows.map((r) => {
    const issued = r.jws !== null && r.content !== null;
    return {
      id: r.id,
      code: issued ? r.code : null,
      status: r.status,
      purpose: r.purpose,
      purposeNote: r.purposeNote,
      household: { id: r.household.id, archiveNo: r.household.archiveNo, headName: r.household.headName, village: r.household.village.name },
      requestedBy: { displayName: byId.get(r.requestedById)?.displayName ?? "", isHousehold: byId.get(r.requestedById)?.role === "HOUSEHOLD" },
      requestedAt: r.requestedAt.toISOString(),
      consentedAt: r.consentedAt?.toISOString() ?? null,
      decidedBy: r.decidedById ? { displayName: byId.get(r.decidedById)?.displayName ?? "" } : null,
      declinedReason: r.declinedReason,
      issuedAt: r.issuedAt?.toISOString() ?? null,
      validUntil: r.validUntil ? dateToDay(r.validUntil) : null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revokedReason: r.revokedReason,
      keyId: r.keyId,
      verificationUrl: issued ? verificationUrl(origin, r.code, r.jws!) : null,
      content: issued ? (r.content as unknown as ExtractContent) : null,
    };
  });
}

/** One extract by id, unscoped: for use cases that authorized it already. */
export async function unsafeGetExtractView(id: string, origin?: string): Promise<ExtractView> {
  const row = await db.archiveExtract.findUniqueOrThrow({ where: { id }, select: extractSelect });
  return (await toExtractViews([row], origin))[0]!;
}
