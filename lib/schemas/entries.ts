import { z } from "zod";
import { DateTimeSchema, daySchema, IdSchema, MAX_PAGE_SIZE, multiLineText, pageOf, pageParams, singleLineText } from "./common";
import { EvidenceSchema } from "./evidence";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const EntryCategorySchema = z.enum(["RED", "YELLOW", "BLACK"]);
export const EntryStatusSchema = z.enum(["PENDING", "CONFIRMED", "REJECTED", "VOIDED", "RECTIFIED"]);
export const EntryEventTypeSchema = z.enum([
  "CONFIRMED", "REJECTED", "VOIDED", "RECTIFIED",
  // Due-process steps that leave the status as it is (fromStatus = toStatus).
  "APPEAL_LODGED", "APPEAL_DISMISSED", "RECTIFICATION_REQUESTED", "RECTIFICATION_DECLINED",
]);

const DaySchema = daySchema();
const LegalTextSchema = singleLineText().max(100, { error: "validation.legalTooLong" });

export const RecordEntrySchema = z.strictObject({
  idempotencyKey: z.uuid({ error: "validation.idempotencyKey" }).optional()
    .describe("Made once per form; a retry with the same key returns the same entry. API clients may use the Idempotency-Key header instead"),
  householdId: IdSchema,
  memberId: IdSchema.nullish().describe("The member the entry is about, if any"),
  ruleId: z.uuid({ error: "validation.ruleRequired" }).describe("A rule of the village's rule set in force on occurredOn"),
  occurredOn: DaySchema.describe("The day it happened (China); decides the quarter"),
  description: multiLineText()
    .min(1, { error: "validation.descriptionRequired" })
    .max(1000, { error: "validation.descriptionTooLong" }),
  legalAuthority: LegalTextSchema.nullish().describe("Required for a black entry: who issued the decision"),
  legalDocumentNo: LegalTextSchema.nullish().describe("Required for a black entry: the decision's document number"),
  evidenceIds: z.array(IdSchema).max(20, { error: "validation.tooManyPhotos" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "validation.duplicatePhotos" })
    .default([]).describe("Photos uploaded by the recorder through POST /evidence, at most 4"),
});
export type RecordEntryInput = z.infer<typeof RecordEntrySchema>;

export const VoidEntrySchema = z.strictObject({
  reason: multiLineText()
    .min(1, { error: "validation.voidReasonRequired" })
    .max(500, { error: "validation.voidReasonTooLong" }),
});
export type VoidEntryInput = z.infer<typeof VoidEntrySchema>;

export const ListVillageEntriesQuerySchema = z.object({
  quarter: singleLineText().regex(/^\d{4}Q[1-4]$/, { error: "validation.invalidQuarter" }).optional()
    .describe("The quarter of the occurrence date, e.g. 2026Q4"),
  status: EntryStatusSchema.optional(),
  category: EntryCategorySchema.optional(),
  ruleId: IdSchema.optional(),
  householdId: IdSchema.optional(),
  archiveNo: singleLineText().max(40, { error: "validation.too_big" }).optional(),
  ...pageParams(20),
});
export type ListVillageEntriesQuery = z.infer<typeof ListVillageEntriesQuerySchema>;

export const RulesInForceQuerySchema = z.object({
  date: DaySchema.optional().describe("Defaults to today in China"),
  ...pageParams(MAX_PAGE_SIZE),
});

const HouseholdRefSchema = z.object({ id: z.uuid(), archiveNo: z.string(), headName: z.string() });

export const EntrySummarySchema = z.object({
  id: z.uuid(),
  household: HouseholdRefSchema,
  member: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  rule: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  category: EntryCategorySchema,
  marks: z.int(),
  occurredOn: z.iso.date(),
  year: z.int(),
  quarter: z.int(),
  description: z.string(),
  status: EntryStatusSchema,
  recordedAt: DateTimeSchema,
  evidenceCount: z.int(),
});
export type EntrySummary = z.infer<typeof EntrySummarySchema>;

export const EntryPageSchema = pageOf(EntrySummarySchema);
export type EntryPage = z.infer<typeof EntryPageSchema>;

export const EntryEventSchema = z.object({
  id: z.uuid(),
  type: EntryEventTypeSchema,
  fromStatus: EntryStatusSchema,
  toStatus: EntryStatusSchema,
  reason: z.string().nullable(),
  actor: z.object({ displayName: z.string() }).nullable().describe("null when the quarterly review decided"),
  createdAt: DateTimeSchema,
});

export const EntryDetailSchema = EntrySummarySchema.omit({ evidenceCount: true }).extend({
  villageId: z.uuid(),
  legalAuthority: z.string().nullable(),
  legalDocumentNo: z.string().nullable(),
  recordedBy: z.object({ displayName: z.string() }),
  evidence: z.array(EvidenceSchema),
  events: z.array(EntryEventSchema).describe("Oldest first"),
});
export type EntryDetail = z.infer<typeof EntryDetailSchema>;

export const RuleSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  category: EntryCategorySchema,
  title: z.string(),
  description: z.string(),
  marks: z.int(),
  evidenceHint: z.string().nullable(),
});
export type RuleView = z.infer<typeof RuleSchema>;

export const RulesInForceSchema = z.object({
  date: z.iso.date(),
  ruleSet: z.object({ id: z.uuid(), version: z.int(), title: z.string(), effectiveFrom: z.iso.date() }).nullable()
    .describe("null when the village had no adopted rules that day"),
}).extend(pageOf(RuleSchema).shape);
export type RulesInForce = z.infer<typeof RulesInForceSchema>;
