import { createHash } from "node:crypto";
import path from "node:path";
import { FileStorage } from "@/lib/server/storage/file-storage";
import { FILES_DIR, type Manifest } from "./manifest";

// The evidence files of a backup: copied from UPLOAD_DIR into the backup's files/ and back,
// through the app's own storage, so keys map to paths (and are checked) in one place.

export type SnapshotPhoto = { storageKey: string; attached: boolean };
type EvidenceFiles = Manifest["evidence"];

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const backupFiles = (backupDir: string) => new FileStorage(path.join(backupDir, FILES_DIR));

/** Copies the files of the snapshot's photos; each was written before its row was committed. */
export async function copyEvidence(photos: SnapshotPhoto[], uploadDir: string, backupDir: string): Promise<EvidenceFiles> {
  const uploads = new FileStorage(uploadDir);
  const copies = backupFiles(backupDir);
  const evidence: EvidenceFiles = { files: [], missing: [] };
  for (const photo of photos) {
    const bytes = await uploads.get(photo.storageKey);
    if (bytes === null) {
      if (photo.attached) throw new Error(`Evidence file ${photo.storageKey} is missing from ${uploadDir}, though a record refers to it: is UPLOAD_DIR the one the app uses?`);
      evidence.missing.push(photo.storageKey);
      continue;
    }
    await copies.put(photo.storageKey, bytes);
    evidence.files.push({ key: photo.storageKey, bytes: bytes.byteLength, sha256: sha256(bytes) });
  }
  return evidence;
}

/** The backup's evidence files that differ from the manifest, by key. */
export async function alteredEvidence(backupDir: string, files: EvidenceFiles["files"]): Promise<string[]> {
  const copies = backupFiles(backupDir);
  const altered: string[] = [];
  for (const file of files) {
    const bytes = await copies.get(file.key);
    if (bytes === null || sha256(bytes) !== file.sha256) altered.push(file.key);
  }
  return altered;
}

/**
 * The files UPLOAD_DIR lacks. One already there with the same bytes is kept; one with other
 * bytes is refused rather than overwritten: it may be another archive's evidence.
 */
export async function evidenceToRestore(files: EvidenceFiles["files"], uploadDir: string): Promise<EvidenceFiles["files"]> {
  const uploads = new FileStorage(uploadDir);
  const absent: EvidenceFiles["files"] = [];
  for (const file of files) {
    const existing = await uploads.get(file.key);
    if (existing === null) absent.push(file);
    else if (sha256(existing) !== file.sha256) {
      throw new Error(`${uploadDir} already holds a different file under ${file.key}: restore into an empty UPLOAD_DIR.`);
    }
  }
  return absent;
}

/** Writes the files and reads each back; on failure, removes those it wrote and rethrows. */
export async function restoreEvidence(files: EvidenceFiles["files"], backupDir: string, uploadDir: string): Promise<void> {
  const copies = backupFiles(backupDir);
  const uploads = new FileStorage(uploadDir);
  const written: string[] = [];
  const remove = async () => void (await Promise.all(written.map((key) => uploads.delete(key))));
  try {
    for (const file of files) {
      const bytes = await copies.get(file.key);
      if (bytes === null) throw new Error(`Evidence file ${file.key} disappeared from the backup.`);
      written.push(file.key);
      await uploads.put(file.key, bytes);
      const stored = await uploads.get(file.key);
      if (stored === null || sha256(stored) !== file.sha256) throw new Error(`Evidence file ${file.key} did not read back as written in ${uploadDir}.`);
    }
  } catch (error) {
    await remove();
    throw error;
  }
}
