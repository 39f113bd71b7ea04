import "server-only";
import { createHash } from "node:crypto";
import { storage } from "@/lib/server/storage/storage";

// The chain hashes each evidence photo's recorded SHA-256, not its bytes, which live in file
// storage outside the database: re-hashing the files is what notices a photo replaced or
// removed on disk (DESIGN.md "evidence files are re-hashed").

export type StoredPhoto = { id: string; storageKey: string; sha256: string };
export type EvidenceProblem = "EVIDENCE_MISMATCH" | "EVIDENCE_MISSING";

// Files are read a few at a time: enough to keep a disk busy without holding many in memory.
const CONCURRENCY = 8;

/** The photos whose stored file is missing or no longer has the recorded SHA-256. */
export async function rehashEvidence(photos: StoredPhoto[]): Promise<Map<string, EvidenceProblem>> {
  const problems = new Map<string, EvidenceProblem>();
  let next = 0;
  const worker = async () => {
    while (next < photos.length) {
      const photo = photos[next++]!;
      // A key edited to point outside storage, or a file that cannot be read, is as good as missing.
      const bytes = await storage().get(photo.storageKey).catch(() => null);
      if (!bytes) problems.set(photo.id, "EVIDENCE_MISSING");
      else if (createHash("sha256").update(bytes).digest("hex") !== photo.sha256) problems.set(photo.id, "EVIDENCE_MISMATCH");
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, photos.length) }, worker));
  return problems;
}
