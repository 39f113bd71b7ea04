import { z } from "zod";

export const ChainProblemSchema = z.enum([
  "SEQUENCE_GAP", // a record is missing, duplicated or out of order
  "PREV_HASH_MISMATCH", // a record no longer points at the one before it
  "HASH_MISMATCH", // a record's content changed after it was hashed
  "HEAD_MISMATCH", // the household's chain head is not the last record's hash
  "STATUS_MISMATCH", // an entry's status is not what its chained events say
]);

export const ChainBreakSchema = z.object({
  householdId: z.uuid(),
  archiveNo: z.string(),
  chainSeq: z.number().int(),
  recordId: z.string(), // empty when a household's head names records it does not have
  kind: z.enum(["entry", "event"]),
  problem: ChainProblemSchema,
});
export type ChainBreakReport = z.infer<typeof ChainBreakSchema>;

export const ChainVerificationSchema = z.object({
  households: z.number().int(),
  records: z.number().int(),
  durationMs: z.number().int(),
  brokenTotal: z.number().int(),
  broken: z.array(ChainBreakSchema).describe("The first break of each broken chain, by archive number (at most 1,000)"),
});
export type ChainVerification = z.infer<typeof ChainVerificationSchema>;
