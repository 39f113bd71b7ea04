import { z } from "zod";
import { DateTimeSchema, IdSchema, multiLineText, pageOf, pageParams, singleLineText } from "./common";

// Civilized-family selection (DESIGN.md "Civilized family selection"): every household's
// eligibility for a year from its maintained score row, the village's nomination and the
// township's decision; and the public honour board. Messages are catalogue keys.

export const SELECTION_FIRST_YEAR = 2000;
export const YearSchema = z.coerce.number({ error: "validation.selectionYear" }).int({ error: "validation.selectionYear" })
  .min(SELECTION_FIRST_YEAR, { error: "validation.selectionYear" }).max(2100, { error: "validation.selectionYear" });

export const AwardStatusSchema = z.enum(["NOMINATED", "AWARDED", "DECLINED", "WITHDRAWN"]);
export const SelectionFilterSchema = z.enum(["all", "eligible", "candidates", "ineligible", "nominated", "awarded", "review"])
  .describe("candidates: eligible and not nominated (or only withdrawn); review: awarded households whose row of the year no longer qualifies (e.g. a black confirmed after the award)");
export type SelectionFilter = z.infer<typeof SelectionFilterSchema>;

export const SelectionQuerySchema = z.object({
  year: YearSchema.describe("The year selected for; past years included"),
  villageId: IdSchema.optional().describe("One village of the caller's scope; a clerk's own village when absent"),
  filter: SelectionFilterSchema.default("all"),
  q: singleLineText().max(50).default("").describe("Archive number, head's name or pinyin initials"),
  ...pageParams(),
});
export type SelectionQuery = z.infer<typeof SelectionQuerySchema>;

export const IneligibilityReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("HAS_BLACK"), count: z.int() }),
  z.object({ code: z.literal("UNRECTIFIED_YELLOW"), count: z.int() }),
  z.object({ code: z.literal("TOO_FEW_REDS"), have: z.int(), need: z.int() }),
]);

export const AssessmentSchema = z.object({
  redMarks: z.int(), activeYellowMarks: z.int(), blackMarks: z.int(), unrectifiedYellows: z.int(), civilizedMinReds: z.int(),
  reasons: z.array(IneligibilityReasonSchema),
}).describe("The household's score row of the year and the threshold, as judged");
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AwardSchema = z.object({
  id: z.uuid(),
  year: z.int(),
  status: AwardStatusSchema,
  note: z.string().nullable().describe("The village council's reason for nominating"),
  nominatedAt: DateTimeSchema,
  nominatedBy: z.string().describe("Display name of the clerk"),
  decidedAt: DateTimeSchema.nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable().describe("Why declined or withdrawn; optional when awarded"),
  assessment: AssessmentSchema.nullable().describe("Stored with the decision so that it can be reproduced"),
});
export type AwardView = z.infer<typeof AwardSchema>;

export const SelectionItemSchema = z.object({
  household: z.object({
    id: z.uuid(), archiveNo: z.string(), headName: z.string(), village: z.object({ id: z.uuid(), name: z.string() }),
  }),
  eligible: z.boolean(),
  reasons: z.array(IneligibilityReasonSchema).describe("Why not, in a fixed order; empty when eligible"),
  counts: z.object({ redMarks: z.int(), activeYellowMarks: z.int(), blackMarks: z.int(), unrectifiedYellows: z.int() }),
  civilizedMinReds: z.int(),
  pendingEntries: z.int().describe("Entries of the year still awaiting review: no award until they are reviewed"),
  award: AwardSchema.nullable(),
  needsReview: z.boolean().describe("Awarded, but the row of the year no longer qualifies: the township should review the award"),
  actions: z.object({ nominate: z.boolean(), withdraw: z.boolean(), decide: z.boolean(), withdrawAward: z.boolean() })
    .describe("What the caller may do on it now"),
});
export type SelectionItem = z.infer<typeof SelectionItemSchema>;

export const SelectionPageSchema = pageOf(SelectionItemSchema).extend({
  year: z.int(),
  open: z.boolean().describe("Whether nominations for the year are open (from 1 December of the year)"),
  opensOn: z.iso.date(),
  decisionsOpen: z.boolean().describe("Whether the township may decide the year's nominations (once the year has ended in China)"),
  decisionsOpenOn: z.iso.date(),
  summary: z.object({ households: z.int(), eligible: z.int(), nominated: z.int(), awarded: z.int() })
    .describe("Across the whole scope of the list (village or township), before the filter and search"),
});
export type SelectionPage = z.infer<typeof SelectionPageSchema>;

export const NominateSchema = z.strictObject({
  householdId: IdSchema,
  year: YearSchema,
  note: multiLineText("validation.nominationNoteRequired")
    .min(2, { error: "validation.nominationNoteRequired" })
    .max(500, { error: "validation.nominationNoteTooLong" })
    .describe("The village council's reason for nominating, e.g. what the family did this year"),
});
export type NominateInput = z.infer<typeof NominateSchema>;

const ReasonSchema = multiLineText("validation.decisionReasonRequired")
  .min(2, { error: "validation.decisionReasonRequired" })
  .max(500, { error: "validation.decisionReasonTooLong" });

export const WithdrawNominationSchema = z.strictObject({
  reason: ReasonSchema.describe("Why the village withdraws it"),
});
export type WithdrawNominationInput = z.infer<typeof WithdrawNominationSchema>;

export const WithdrawAwardSchema = z.strictObject({
  reason: ReasonSchema.describe("Why the township withdraws the award, for the village and the household"),
});
export type WithdrawAwardInput = z.infer<typeof WithdrawAwardSchema>;

export const DecideNominationSchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("AWARD"), reason: ReasonSchema.optional() }),
  z.strictObject({ decision: z.literal("DECLINE"), reason: ReasonSchema.describe("Why, for the village and the household") }),
], { error: "validation.decisionRequired" });
export type DecideNominationInput = z.infer<typeof DecideNominationSchema>;

export const NominationSchema = AwardSchema.extend({
  household: SelectionItemSchema.shape.household,
});
export type NominationView = z.infer<typeof NominationSchema>;

// The public honour board: awarded families and their confirmed red entries of the year — never
// a yellow or a black, nor any count of them, nor an archive number (a household account signs in
// with it).
export const HonourBoardQuerySchema = z.object({
  year: YearSchema.optional().describe("The latest year with awards when absent"),
  villageId: IdSchema.optional(),
  ...pageParams(),
});
export type HonourBoardQuery = z.infer<typeof HonourBoardQuerySchema>;

export const HonourFamilySchema = z.object({
  id: z.uuid().describe("The award's id: an opaque key"),
  headName: z.string(),
  village: z.object({ id: z.uuid(), name: z.string() }),
  reds: z.array(z.object({ ruleTitle: z.string(), occurredOn: z.iso.date() })).describe("Confirmed red entries of the year"),
});
export type HonourFamily = z.infer<typeof HonourFamilySchema>;

export const HonourBoardSchema = pageOf(HonourFamilySchema).extend({
  year: z.int().nullable().describe("The year listed: the latest with awarded families when not asked; null when there is none"),
});
export type HonourBoard = z.infer<typeof HonourBoardSchema>;
/** What the board's page offers to choose from: years with awarded families (latest first) and villages. */
export type HonourBoardChoices = { years: number[]; villages: { id: string; name: string }[] };

export const AwardListSchema = z.object({
  year: z.int(),
  township: z.string().nullable(),
  villages: z.array(z.object({
    id: z.uuid(), name: z.string(),
    families: z.array(z.object({ archiveNo: z.string(), headName: z.string(), awardedOn: z.iso.date() })),
  })),
  total: z.int(),
});
export type AwardList = z.infer<typeof AwardListSchema>;
