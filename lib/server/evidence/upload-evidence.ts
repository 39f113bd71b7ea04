import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { sniffImageType } from "@/lib/domain/image-type";
import { EVIDENCE_MAX_INPUT_BYTES, evidenceUrl, type EvidenceView } from "@/lib/schemas/evidence";
import { writeAudit } from "@/lib/server/audit";
import { authorize, type Actor, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { storage } from "@/lib/server/storage/storage";
import { normalizePhoto } from "./normalize-photo";
import { assertUnattachedAllowance } from "./unattached-allowance";

// The message names the problem; there is only one field to point at.
const refuse = (message: string, values?: Record<string, string | number>) => new AppError("INVALID_INPUT", message, values);

// The first key of the two-key advisory locks taken per uploader (the second: the account id).
const UPLOAD_LOCK_NAMESPACE = 7_260_101;

// What a photo is uploaded for. A household records no entries, so what it uploads can only
// ever be attached to a rectification request of its own (attaching checks the uploader).
export type EvidencePurpose = "entry" | "rectification";
const uploadPermission = { entry: "evidence.upload", rectification: "rectifications.request" } as const satisfies Record<EvidencePurpose, Permission>;

/**
 * Takes one evidence photo from a clerk before the entry is recorded (or, for a rectification
 * request, from the household or clerk asking): JPEG, PNG or WebP by its content (not its name),
 * resized and stripped of metadata, stored under a random key. It stays unattached, visible to
 * its uploader only, until an entry or a rectification request of that uploader takes it; one
 * never taken is removed after a day (remove-unattached-evidence.ts), and an uploader may hold
 * only so many at a time.
 */
export async function uploadEvidence(
  actor: Actor, file: Blob, context: RequestContext, purpose: EvidencePurpose = "entry",
): Promise<EvidenceView> {
  authorize(actor, uploadPermission[purpose]);
  if (file.size > EVIDENCE_MAX_INPUT_BYTES) throw refuse("errors.photoTooLarge", { max: EVIDENCE_MAX_INPUT_BYTES / 1024 / 1024 });
  await assertUnattachedAllowance(db, actor.id); // before the costly decoding; exact below
  const input = new Uint8Array(await file.arrayBuffer());
  if (!sniffImageType(input)) throw refuse("errors.photoType");
  const photo = await normalizePhoto(input);
  const sha256 = createHash("sha256").update(photo.bytes).digest("hex");
  const storageKey = `evidence/${randomUUID()}.jpg`;
  const row = await db.$transaction(async (tx) => {
    // One upload of a person at a time from here on, so that parallel uploads cannot pass the cap together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${UPLOAD_LOCK_NAMESPACE}::int, hashtext(${actor.id}))`;
    await assertUnattachedAllowance(tx, actor.id);
    // Stored before the row: a failed transaction leaves an unreferenced file, never a row without bytes.
    await storage().put(storageKey, photo.bytes);
    const created = await tx.evidencePhoto.create({
      data: {
        storageKey, mimeType: photo.mimeType, width: photo.width, height: photo.height,
        bytes: photo.bytes.byteLength, sha256, uploadedById: actor.id,
      },
      select: { id: true, mimeType: true, width: true, height: true, bytes: true, sha256: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "evidence.upload", targetType: "EvidencePhoto", targetId: created.id,
      townshipId: actor.townshipId, villageId: actor.villageId,
      after: { purpose, width: created.width, height: created.height, bytes: created.bytes, sha256 },
    });
    return created;
  });
  return { ...row, url: evidenceUrl(row.id) };
}
