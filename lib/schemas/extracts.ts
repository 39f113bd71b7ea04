import { z } from "zod";
import { EXTRACT_FORMAT, EXTRACT_PURPOSES } from "@/lib/domain/extract-content";
import { DateTimeSchema, multiLineText, pageOf, pageParams, singleLineText } from "./common";

// Archive extracts (证明材料, DESIGN.md "Archive extract"). Messages are catalogue keys.
export const ExtractPurposeSchema = z.enum(EXTRACT_PURPOSES);
export const ExtractStatusSchema = z.enum(["AWAITING_CONSENT", "REQUESTED", "ISSUED", "DECLINED", "REVOKED"]);

export const RequestExtractSchema = z.strictObject({
  purpose: ExtractPurposeSchema.describe("What the extract is for"),
  purposeNote: multiLineText().max(200, { error: "validation.extractNoteTooLong" }).optional()
    .describe("Required for OTHER: what the extract is for"),
}).refine((v) => v.purpose !== "OTHER" || (v.purposeNote?.length ?? 0) >= 2, {
  error: "validation.extractNoteRequired", path: ["purposeNote"],
});
export type RequestExtractInput = z.infer<typeof RequestExtractSchema>;

export const ExtractReasonSchema = z.strictObject({
  reason: multiLineText("validation.extractReasonRequired").min(2, { error: "validation.extractReasonRequired" })
    .max(500, { error: "validation.extractReasonTooLong" }).describe("Why; the household reads it"),
});
export type ExtractReasonInput = z.infer<typeof ExtractReasonSchema>;

export const ListExtractsQuerySchema = z.object({
  status: ExtractStatusSchema.optional().describe("All when absent: requested ones first (oldest first), then the latest others"),
  ...pageParams(),
});
export type ListExtractsQuery = z.infer<typeof ListExtractsQuerySchema>;

// Generous bounds only: whether a code is well-formed is for normalizeCode to decide, so that a
// malformed code answers the same 404 as an unknown one (and counts against the lookup limit).
// Longer input is cut to these lengths, as the pages do, rather than refused with a 400: an
// over-long code is still just a code that is not issued.
export const MAX_CODE_INPUT = 200;
export const MAX_SIGNATURE_INPUT = 500;

export const ExtractCodeParamsSchema = z.object({
  code: singleLineText().transform((code) => code.slice(0, MAX_CODE_INPUT))
    .describe(`The verification code printed on the extract, e.g. ABCD-EFGH-JKLM; any case, spaces and dashes anywhere (only the first ${MAX_CODE_INPUT} characters are read)`),
});
export const PublicExtractQuerySchema = z.object({
  s: singleLineText().transform((signature) => signature.slice(0, MAX_SIGNATURE_INPUT)).optional()
    .describe(`The signature segment of the extract's JWS, as the QR code carries it (only the first ${MAX_SIGNATURE_INPUT} characters are read)`),
});

const DaySchema = z.iso.date();

/** What an extract prints (lib/domain/extract-content.ts), frozen and signed at issue. */
export const ExtractContentSchema = z.object({
  format: z.literal(EXTRACT_FORMAT),
  code: z.string(),
  township: z.object({ name: z.string(), county: z.string() }),
  household: z.object({ archiveNo: z.string(), headName: z.string(), village: z.string() }),
  purpose: ExtractPurposeSchema,
  purposeNote: z.string().nullable(),
  period: z.object({ from: DaySchema, to: DaySchema }),
  reds: z.array(z.object({ occurredOn: DaySchema, ruleCode: z.string(), ruleTitle: z.string(), marks: z.int() })),
  counts: z.object({ activeYellows: z.int(), blacks: z.int() }),
  score: z.object({ basis: z.literal("ALL_TIME"), score: z.int(), redMarks: z.int(), activeYellowMarks: z.int(), blackMarks: z.int() }),
  awards: z.array(z.int()),
  issuedOn: DaySchema,
  validUntil: DaySchema,
  digest: z.string(),
  keyId: z.string(),
});

export const ExtractSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable().describe("The verification code, once issued"),
  status: ExtractStatusSchema,
  purpose: ExtractPurposeSchema,
  purposeNote: z.string().nullable(),
  household: z.object({ id: z.uuid(), archiveNo: z.string(), headName: z.string(), village: z.string() }),
  requestedBy: z.object({ displayName: z.string(), isHousehold: z.boolean() }),
  requestedAt: DateTimeSchema,
  consentedAt: DateTimeSchema.nullable(),
  decidedBy: z.object({ displayName: z.string() }).nullable(),
  declinedReason: z.string().nullable(),
  issuedAt: DateTimeSchema.nullable(),
  validUntil: DaySchema.nullable(),
  revokedAt: DateTimeSchema.nullable(),
  revokedReason: z.string().nullable(),
  keyId: z.string().nullable(),
  verificationUrl: z.string().nullable().describe("What the QR code carries, once issued"),
  content: ExtractContentSchema.nullable().describe("What is printed, once issued"),
});
export type ExtractView = z.infer<typeof ExtractSchema>;

export const ExtractListSchema = pageOf(ExtractSchema);
export type ExtractList = z.infer<typeof ExtractListSchema>;

/** The public answer for a code: the three checks and, when authentic, exactly what is printed. */
export const PublicExtractVerificationSchema = z.object({
  code: z.string(),
  authentic: z.boolean().describe("The stored signature verifies with the township key over the printed content, and equals `s` when given"),
  unexpired: z.boolean().describe("Today (China) is on or before the validity date"),
  unrevoked: z.boolean(),
  valid: z.boolean().describe("All three"),
  revokedOn: DaySchema.nullable(),
  content: ExtractContentSchema.nullable().describe("The printed content; null when not authentic"),
});
export type PublicExtractVerification = z.infer<typeof PublicExtractVerificationSchema>;

export const PublicExtractKeySchema = z.object({
  kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string().describe("RFC 7638 thumbprint"),
  alg: z.literal("EdDSA"), use: z.literal("sig"),
});
/** An Ed25519 public JWK as published, with its RFC 7638 thumbprint as kid. */
export type PublicExtractKey = z.infer<typeof PublicExtractKeySchema>;
