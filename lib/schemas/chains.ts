import { z } from "zod";

export const ChainProblemSchema = z.enum([
  "SEQUENCE_GAP", // a record is missing, duplicated or out of order
  "PREV_HASH_MISMATCH", // a record no longer points at the one before it
  "HASH_MISMATCH", // a record's content changed after it was hashed
  "HEAD_MISMATCH", // the household's chain head is not the last record's hash
  "STATUS_MISMATCH", // an entry's status is not what its chained events say
  "VILLAGE_MISMATCH", // the household is not in the village its entries were recorded in
  "FILING_MISMATCH", // an appeal or rectification request is not what its chained events say
  "EVIDENCE_MISMATCH", // an evidence file's bytes no longer have the SHA-256 recorded for them
  "EVIDENCE_MISSING", // an evidence file is gone from storage
]);

export const ChainRecordKindSchema = z.enum(["entry", "event", "appeal", "rectification", "evidence"]);

export const ChainBreakSchema = z.object({
  householdId: z.uuid(),
  archiveNo: z.string(),
  chainSeq: z.number().int().describe("The chain position of the record, or of the event that files or decides it"),
  recordId: z.string(), // empty when a household's head names records it does not have
  kind: ChainRecordKindSchema,
  problem: ChainProblemSchema,
  column: z.string().optional().describe("FILING_MISMATCH: the column of the appeal or request that disagrees"),
});
export type ChainBreakReport = z.infer<typeof ChainBreakSchema>;

export const ChainVerificationSchema = z.object({
  households: z.number().int(),
  records: z.number().int(),
  evidenceFiles: z.number().int().describe("Evidence files re-hashed"),
  durationMs: z.number().int(),
  brokenTotal: z.number().int(),
  broken: z.array(ChainBreakSchema).describe("The first break of each broken chain, by archive number (at most 1,000)"),
});
export type ChainVerification = z.infer<typeof ChainVerificationSchema>;

export const DigestCheckSchema = z.object({
  printed: z.string(),
  matches: z.boolean(),
  problem: z.enum(["UNREADABLE", "UNKNOWN_TOWNSHIP", "NOT_RECORDED", "RECORD_ALTERED", "HISTORY_CHANGED"]).nullable(),
  townshipCode: z.string().nullable(),
  takenAt: z.iso.datetime().nullable(),
  households: z.number().int().describe("Household chains the digest covers"),
  changed: z.array(z.object({ householdId: z.uuid(), archiveNo: z.string() }))
    .describe("Households whose chain no longer has the head it had when the digest was taken"),
});
export type DigestCheck = z.infer<typeof DigestCheckSchema>;
