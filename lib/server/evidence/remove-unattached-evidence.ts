import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { storage } from "@/lib/server/storage/storage";
import { UNATTACHED_TTL_MS } from "./unattached-allowance";

const BATCH = 200;

/**
 * Deletes photos that no entry or rectification request took within a day of their upload:
 * the rows (each with its audit record, in the same transaction, by the system: actorId null),
 * then their files. Only unattached rows are ever deleted: the delete itself re-checks it, so a
 * photo attached while this runs is kept (and the triggers protecting evidence refuse any
 * other delete). A file is removed after its row is gone: a crash in between leaves an
 * unreferenced file, never a row without bytes.
 */
export async function removeUnattachedEvidence(context: RequestContext, now = new Date()): Promise<{ removed: number }> {
  const cutoff = new Date(now.getTime() - UNATTACHED_TTL_MS);
  let removed = 0;
  for (;;) {
    const candidates = await db.evidencePhoto.findMany({
      where: { entryId: null, rectificationId: null, createdAt: { lt: cutoff } },
      orderBy: { createdAt: "asc" }, take: BATCH,
      select: { id: true, storageKey: true, uploadedById: true, sha256: true, bytes: true, createdAt: true },
    });
    if (!candidates.length) break;
    const gone = await removeRows(candidates, context);
    removed += gone.length;
    for (const photo of gone) {
      await storage().delete(photo.storageKey).catch((error: unknown) => {
        console.error(`[evidence] row ${photo.id} removed, but not its file ${photo.storageKey}`, error);
      });
    }
    if (candidates.length < BATCH) break;
  }
  return { removed };
}

type Candidate = { id: string; storageKey: string; uploadedById: string; sha256: string; bytes: number; createdAt: Date };

async function removeRows(candidates: Candidate[], context: RequestContext): Promise<Candidate[]> {
  const uploaders = await db.account.findMany({
    where: { id: { in: [...new Set(candidates.map((c) => c.uploadedById))] } },
    select: { id: true, townshipId: true, villageId: true },
  });
  const scopeOf = new Map(uploaders.map((a) => [a.id, a]));
  return db.$transaction(async (tx) => {
    const ids = candidates.map((c) => c.id);
    await tx.evidencePhoto.deleteMany({ where: { id: { in: ids }, entryId: null, rectificationId: null } });
    // What is still there was attached meanwhile (the delete waited for it and skipped it).
    const kept = new Set((await tx.evidencePhoto.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));
    const gone = candidates.filter((c) => !kept.has(c.id));
    for (const photo of gone) {
      const scope = scopeOf.get(photo.uploadedById);
      await writeAudit(tx, context, {
        actorId: null, action: "evidence.removeUnattached", targetType: "EvidencePhoto", targetId: photo.id,
        townshipId: scope?.townshipId ?? null, villageId: scope?.villageId ?? null,
        before: { uploadedById: photo.uploadedById, uploadedAt: photo.createdAt.toISOString(), sha256: photo.sha256, bytes: photo.bytes },
      });
    }
    return gone;
  });
}
