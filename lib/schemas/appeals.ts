import { z } from "zod";
import { DateTimeSchema, multiLineText, pageOf, pageParams } from "./common";
import { DisputedEntrySchema, HouseholdRefSchema } from "./rectifications";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const AppealStatusSchema = z.enum(["OPEN", "UPHELD", "DISMISSED"]);

export const LodgeAppealSchema = z.strictObject({
  reason: multiLineText("validation.appealReasonRequired")
    .min(2, { error: "validation.appealReasonRequired" })
    .max(1000, { error: "validation.appealReasonTooLong" })
    .describe("Why the household disputes the entry"),
});
export type LodgeAppealInput = z.infer<typeof LodgeAppealSchema>;

export const ResolveAppealSchema = z.strictObject({
  outcome: z.enum(["UPHELD", "DISMISSED"], { error: "validation.outcomeRequired" })
    .describe("UPHELD voids the entry; DISMISSED keeps it"),
  resolution: multiLineText("validation.resolutionRequired")
    .min(2, { error: "validation.resolutionRequired" })
    .max(500, { error: "validation.resolutionTooLong" })
    .describe("The reason, shown to the household"),
});
export type ResolveAppealInput = z.infer<typeof ResolveAppealSchema>;

export const ListAppealsQuerySchema = z.object({
  status: AppealStatusSchema.default("OPEN").describe("OPEN (the default): oldest first; resolved ones: latest first"),
  ...pageParams(),
});
export type ListAppealsQuery = z.infer<typeof ListAppealsQuerySchema>;

/** An appeal as the household sees it on its archive page. */
export const AppealOutcomeSchema = z.object({
  id: z.uuid(),
  status: AppealStatusSchema,
  reason: z.string(),
  createdAt: DateTimeSchema,
  resolvedAt: DateTimeSchema.nullable(),
  resolution: z.string().nullable(),
  ageDays: z.int().describe("Calendar days (China) from lodging to resolution, or to today while open"),
});

export const AppealSchema = AppealOutcomeSchema.extend({
  village: z.object({ id: z.uuid(), name: z.string() }),
  household: HouseholdRefSchema,
  entry: DisputedEntrySchema,
});
export type AppealView = z.infer<typeof AppealSchema>;

export const AppealPageSchema = pageOf(AppealSchema);
export type AppealPage = z.infer<typeof AppealPageSchema>;
