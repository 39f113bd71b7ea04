import "server-only";
import { authorize, entryWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { storage } from "@/lib/server/storage/storage";

export type EvidenceFile = { bytes: Uint8Array; mimeType: string; sha256: string };

/**
 * The bytes of an evidence photo, for whoever may read the entry it belongs to (the same rule as
 * getEntry), or — before it is attached — for the clerk who uploaded it. Others get "not found".
 */
export async function readEvidence(actor: Actor, photoId: string): Promise<EvidenceFile> {
  authorize(actor, "entries.read");
  const visibleEntry = entryWhere(actor);
  const photo = await db.evidencePhoto.findFirst({
    where: {
      id: photoId,
      OR: [
        { entryId: { not: null }, entry: visibleEntry },
        { rectificationId: { not: null }, rectification: { entry: visibleEntry } },
        { entryId: null, rectificationId: null, uploadedById: actor.id },
      ],
    },
    select: { storageKey: true, mimeType: true, sha256: true },
  });
  if (!photo) throw new AppError("NOT_FOUND", "errors.notFound");
  const bytes = await storage().get(photo.storageKey);
  if (!bytes) throw new AppError("NOT_FOUND", "errors.notFound");
  return { bytes, mimeType: photo.mimeType, sha256: photo.sha256 };
}
