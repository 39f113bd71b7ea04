import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EVIDENCE_UNATTACHED_MAX, EVIDENCE_UNATTACHED_TTL_HOURS } from "@/lib/schemas/evidence";
import { AppError } from "@/lib/server/errors";

type Reader = Pick<Prisma.TransactionClient, "evidencePhoto">;

export const UNATTACHED_TTL_MS = EVIDENCE_UNATTACHED_TTL_HOURS * 60 * 60 * 1000;

/** Photos of the uploader still waiting to be attached; older ones are about to be removed. */
export const unattachedOf = (uploadedById: string, now: Date): Prisma.EvidencePhotoWhereInput => ({
  uploadedById, entryId: null, rectificationId: null, createdAt: { gt: new Date(now.getTime() - UNATTACHED_TTL_MS) },
});

/**
 * Refuses an upload while the uploader holds the maximum of unattached photos, saying how many
 * and that they expire: uploads that are never used must not fill the disk. A slot frees up when
 * the oldest of them expires, which is when the client may retry.
 */
export async function assertUnattachedAllowance(client: Reader, uploadedById: string, now = new Date()): Promise<void> {
  const count = await client.evidencePhoto.count({ where: unattachedOf(uploadedById, now) });
  if (count >= EVIDENCE_UNATTACHED_MAX) {
    const oldest = await client.evidencePhoto.findFirst({
      where: unattachedOf(uploadedById, now), orderBy: { createdAt: "asc" }, select: { createdAt: true },
    });
    const resetAt = new Date((oldest?.createdAt ?? now).getTime() + UNATTACHED_TTL_MS);
    throw new AppError("RATE_LIMITED", "errors.tooManyUnattachedPhotos", { count, max: EVIDENCE_UNATTACHED_MAX }, undefined,
      { limit: EVIDENCE_UNATTACHED_MAX, remaining: 0, resetAt });
  }
}
