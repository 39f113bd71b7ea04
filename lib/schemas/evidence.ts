import { z } from "zod";

// Evidence photos: uploaded one by one before the entry is recorded, then attached to it.
export const EVIDENCE_MAX_PER_ENTRY = 4;
export const EVIDENCE_MAX_INPUT_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = ["image/jpeg", "image/png", "image/webp"] as const;
// A photo not attached to an entry or a rectification request within a day is deleted; until
// then one person may hold this many (issue 7 point 10: uploads must not pile up forever).
export const EVIDENCE_UNATTACHED_TTL_HOURS = 24;
export const EVIDENCE_UNATTACHED_MAX = 30;

export const EvidenceSchema = z.object({
  id: z.uuid(),
  mimeType: z.string().describe("Of the stored photo: re-encoded, without metadata"),
  width: z.int(),
  height: z.int(),
  bytes: z.int(),
  sha256: z.string().describe("Of the stored bytes; part of the entry's hash"),
  url: z.string().describe("Where the photo is served to those who may read its entry"),
});
export type EvidenceView = z.infer<typeof EvidenceSchema>;

export const evidenceUrl = (id: string) => `/api/v1/evidence/${id}`;

// The parts of the multipart/form-data upload. The size is checked here; whether the bytes
// really are a JPEG, PNG or WebP is decided from their content by the upload itself.
export const UploadEvidenceSchema = z.object({
  file: z.file({ error: "validation.photoMissing" })
    .max(EVIDENCE_MAX_INPUT_BYTES, { error: "validation.photoTooLarge" })
    .describe("A JPEG, PNG or WebP photo of at most 10 MB"),
});
