import { z } from "zod";
import { DateTimeSchema, daySchema, multiLineText, pageOf, pageParams, singleLineText } from "./common";
import { RuleSchema } from "./entries";

// Village rules (DESIGN.md "RuleSet", "Rule", "Vote rule"): the contract between the use cases
// in lib/server/rule-sets/, the API and the pages. Messages are catalogue keys ("validation.…").

export const RuleSetStatusSchema = z.enum(["DRAFT", "VOTING", "ADOPTED", "SUPERSEDED", "REJECTED"]);
export type RuleSetStatus = z.infer<typeof RuleSetStatusSchema>;
export const RuleSetDecisionSchema = z.enum(["APPROVE", "REJECT", "ABSTAIN"], { error: "validation.ruleSetDecisionRequired" })
  .describe("APPROVE (赞成), REJECT (反对) or ABSTAIN (弃权)");
export type RuleSetDecision = z.infer<typeof RuleSetDecisionSchema>;
const DaySchema = daySchema();

export const RULE_MARKS_MAX = 10;

const RuleSetTitleSchema = singleLineText("validation.ruleSetTitleRequired")
  .min(2, { error: "validation.ruleSetTitleRequired" }).max(80, { error: "validation.ruleSetTitleTooLong" });
const ConsultationSchema = multiLineText().max(2000, { error: "validation.consultationTooLong" })
  .transform((text) => text || null)
  .describe("How villagers were consulted: yard meetings, villager-group meetings, home visits");

export const DraftRuleSetSchema = z.strictObject({
  title: RuleSetTitleSchema,
  consultation: ConsultationSchema.nullish(),
});
export type DraftRuleSetInput = z.infer<typeof DraftRuleSetSchema>;

export const UpdateRuleSetSchema = z.strictObject({
  title: RuleSetTitleSchema.optional(),
  consultation: ConsultationSchema.nullish(),
});
export type UpdateRuleSetInput = z.infer<typeof UpdateRuleSetSchema>;

const RuleFields = {
  code: singleLineText("validation.ruleCodeFormat").toUpperCase()
    .regex(/^[A-Z][A-Z0-9-]{0,9}$/, { error: "validation.ruleCodeFormat" }).describe("Unique in the rule set, e.g. R01"),
  category: z.enum(["RED", "YELLOW", "BLACK"], { error: "validation.ruleCategoryRequired" }),
  title: singleLineText("validation.ruleTitleRequired").min(1, { error: "validation.ruleTitleRequired" })
    .max(60, { error: "validation.ruleTitleTooLong" }),
  description: multiLineText("validation.ruleDescriptionRequired").min(1, { error: "validation.ruleDescriptionRequired" })
    .max(500, { error: "validation.ruleDescriptionTooLong" }),
  marks: z.coerce.number({ error: "validation.ruleMarksRange" }).int({ error: "validation.ruleMarksRange" })
    .min(1, { error: "validation.ruleMarksRange" }).max(RULE_MARKS_MAX, { error: "validation.ruleMarksRange" })
    .describe("Marks one occurrence earns"),
  evidenceHint: singleLineText().max(200, { error: "validation.evidenceHintTooLong" }).transform((text) => text || null)
    .describe("What evidence a clerk should keep"),
};

export const AddRuleSchema = z.strictObject({
  ...RuleFields,
  marks: RuleFields.marks.default(1),
  evidenceHint: RuleFields.evidenceHint.nullish(),
});
export type AddRuleInput = z.infer<typeof AddRuleSchema>;

export const UpdateRuleSchema = z.strictObject({
  code: RuleFields.code.optional(),
  category: RuleFields.category.optional(),
  title: RuleFields.title.optional(),
  description: RuleFields.description.optional(),
  marks: RuleFields.marks.optional(),
  evidenceHint: RuleFields.evidenceHint.nullish(),
});
export type UpdateRuleInput = z.infer<typeof UpdateRuleSchema>;

export const OpenRuleSetVoteSchema = z.strictObject({
  meetingDate: DaySchema.describe("The day of the village representative assembly (China)"),
  effectiveFrom: DaySchema.describe("The proposed first day in force: not before the meeting, tomorrow (China) at the earliest"),
}).refine((v) => v.effectiveFrom >= v.meetingDate, { path: ["effectiveFrom"], error: "validation.effectiveBeforeMeeting" });
export type OpenRuleSetVoteInput = z.infer<typeof OpenRuleSetVoteSchema>;

export const CastRuleSetBallotSchema = z.strictObject({ decision: RuleSetDecisionSchema });
export type CastRuleSetBallotInput = z.infer<typeof CastRuleSetBallotSchema>;

/** A clerk enters a representative's decision from the paper record of the meeting. */
export const EnterRuleSetPaperBallotSchema = z.strictObject({
  representativeId: z.uuid({ error: "validation.representativeRequired" }),
  decision: RuleSetDecisionSchema,
});
export type EnterRuleSetPaperBallotInput = z.infer<typeof EnterRuleSetPaperBallotSchema>;

export const ListRuleSetsQuerySchema = z.object(pageParams());
export type ListRuleSetsQuery = z.infer<typeof ListRuleSetsQuerySchema>;

// ─── Views ──────────────────────────────────────────────────────────────────

export const RuleSetTallySchema = z.object({
  attendees: z.int().describe("Representatives who cast a ballot, abstentions included"),
  approve: z.int(), reject: z.int(), abstain: z.int(), passed: z.boolean(),
});
export type RuleSetTally = z.infer<typeof RuleSetTallySchema>;

export const RuleSetSummarySchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  version: z.int(),
  title: z.string(),
  status: RuleSetStatusSchema,
  effectiveFrom: z.iso.date().nullable().describe("Adopted: first day in force; voting or rejected: the proposed day"),
  effectiveTo: z.iso.date().nullable().describe("First day no longer in force (exclusive)"),
  inForceToday: z.boolean(),
  rules: z.int(),
  meetingDate: z.iso.date().nullable(),
  tally: RuleSetTallySchema.nullable().describe("Once the vote is closed"),
});
export type RuleSetSummary = z.infer<typeof RuleSetSummarySchema>;

export const RuleSetPageSchema = pageOf(RuleSetSummarySchema);
export type RuleSetPage = z.infer<typeof RuleSetPageSchema>;

export const RuleSetVoteSchema = z.object({
  meetingDate: z.iso.date(),
  representativesTotal: z.int().describe("Representatives when the vote opened: the quorum's base"),
  quorum: z.int().describe("Ballots needed: at least two thirds of representativesTotal"),
  ballots: z.int(),
  missingForQuorum: z.int(),
  openedAt: DateTimeSchema,
  closedAt: DateTimeSchema.nullable(),
  tally: RuleSetTallySchema.nullable(),
  mayVote: z.boolean().describe("Whether the caller is a representative on the roster frozen when the vote opened (one who joined later does not vote on it)"),
  myBallot: z.object({ decision: RuleSetDecisionSchema, castAt: DateTimeSchema, paper: z.boolean() }).nullable()
    .describe("For a representative: their own ballot"),
  representatives: z.array(z.object({ id: z.uuid(), displayName: z.string(), voted: z.boolean(), paper: z.boolean() }))
    .describe("The village's representatives and whether each has voted (never how)"),
});
export type RuleSetVoteView = z.infer<typeof RuleSetVoteSchema>;

export const RuleSetDetailSchema = RuleSetSummarySchema.omit({ tally: true, meetingDate: true, rules: true }).extend({
  village: z.object({ id: z.uuid(), name: z.string() }),
  consultation: z.string().nullable(),
  draftedBy: z.object({ displayName: z.string() }).nullable(),
  updatedAt: DateTimeSchema,
  rules: z.array(RuleSchema),
  vote: RuleSetVoteSchema.nullable(),
});
export type RuleSetDetail = z.infer<typeof RuleSetDetailSchema>;

/** What anyone may read: the rules in force in a village, and when and how they were adopted. */
export const PublicRulesSchema = z.object({
  village: z.object({ id: z.uuid(), name: z.string(), township: z.string(), county: z.string() }),
  date: z.iso.date(),
  ruleSet: z.object({
    version: z.int(), title: z.string(), effectiveFrom: z.iso.date(), consultation: z.string().nullable(),
    adoption: RuleSetTallySchema.extend({ meetingDate: z.iso.date(), representativesTotal: z.int() }).nullable(),
  }).nullable().describe("null when no rules are in force"),
  rules: z.array(RuleSchema.omit({ id: true })),
  upcoming: z.object({ version: z.int(), effectiveFrom: z.iso.date() }).nullable()
    .describe("A version already adopted that takes effect later"),
});
export type PublicRules = z.infer<typeof PublicRulesSchema>;
