import { z } from "zod";
import { DateTimeSchema, IdSchema, multiLineText, pageOf, pageParams } from "./common";
import { EntryCategorySchema, EntryStatusSchema } from "./entries";
import { EVIDENCE_MAX_PER_ENTRY } from "./evidence";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const RectificationStatusSchema = z.enum(["REQUESTED", "APPROVED", "DECLINED"]);

export const RequestRectificationSchema = z.strictObject({
  note: multiLineText("validation.rectificationNoteRequired")
    .min(2, { error: "validation.rectificationNoteRequired" })
    .max(1000, { error: "validation.rectificationNoteTooLong" })
    .describe("What the household has done to correct the behaviour"),
  evidenceIds: z.array(IdSchema).max(EVIDENCE_MAX_PER_ENTRY, { error: "validation.tooManyPhotos" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "validation.duplicatePhotos" })
    .default([]).describe("Photos uploaded by the requester through POST /rectifications/evidence, at most 4"),
});
export type RequestRectificationInput = z.infer<typeof RequestRectificationSchema>;

const DecisionReasonSchema = multiLineText("validation.decisionReasonRequired")
  .min(2, { error: "validation.decisionReasonRequired" })
  .max(500, { error: "validation.decisionReasonTooLong" });

export const DecideRectificationSchema = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("APPROVE"),
    reason: DecisionReasonSchema.optional().describe("What the clerk found, e.g. checked on site"),
  }),
  z.strictObject({
    decision: z.literal("DECLINE"),
    reason: DecisionReasonSchema.describe("Why, so the household knows what is still to be done"),
  }),
], { error: "validation.decisionRequired" });
export type DecideRectificationInput = z.infer<typeof DecideRectificationSchema>;

export const ListRectificationsQuerySchema = z.object({
  status: RectificationStatusSchema.optional().describe("All when absent: open requests first, then the latest decided"),
  ...pageParams(),
});
export type ListRectificationsQuery = z.infer<typeof ListRectificationsQuerySchema>;

export const PhotoRefSchema = z.object({ id: z.uuid(), url: z.string() });

// The entry and household a request or an appeal is about, as the council's queues show them.
export const DisputedEntrySchema = z.object({
  id: z.uuid(), category: EntryCategorySchema, status: EntryStatusSchema, occurredOn: z.iso.date(),
  description: z.string(), rule: z.object({ code: z.string(), title: z.string() }),
});
export const HouseholdRefSchema = z.object({ id: z.uuid(), archiveNo: z.string(), headName: z.string() });

/** A request as the household sees it on its archive page. */
export const RectificationOutcomeSchema = z.object({
  id: z.uuid(),
  status: RectificationStatusSchema,
  note: z.string(),
  createdAt: DateTimeSchema,
  decidedAt: DateTimeSchema.nullable(),
  decisionReason: z.string().nullable(),
  evidence: z.array(PhotoRefSchema),
});

export const RectificationSchema = RectificationOutcomeSchema.extend({
  requestedBy: z.object({ displayName: z.string(), isHousehold: z.boolean() }),
  decidedBy: z.object({ displayName: z.string() }).nullable(),
  household: HouseholdRefSchema,
  entry: DisputedEntrySchema,
});
export type RectificationView = z.infer<typeof RectificationSchema>;

export const RectificationListSchema = pageOf(RectificationSchema);
export type RectificationList = z.infer<typeof RectificationListSchema>;
