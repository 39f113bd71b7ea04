import { z } from "zod";
import { DateTimeSchema, daySchema, IdSchema, multiLineText, pageOf, pageParams } from "./common";
import { EntrySummarySchema } from "./entries";

// Quarterly reviews (DESIGN.md "QuarterlyReview", "Vote rule"): the contract between the use cases
// in lib/server/reviews/, the API and the pages. Messages are catalogue keys ("validation.…").

export const ReviewStatusSchema = z.enum(["OPEN", "CLOSED"]);
export const VoteDecisionSchema = z.enum(["APPROVE", "REJECT", "ABSTAIN"], { error: "validation.voteDecisionRequired" });
const DaySchema = daySchema();

export const OpenReviewSchema = z.strictObject({
  year: z.coerce.number().int().min(2000, { error: "validation.reviewQuarterInvalid" }).max(2100, { error: "validation.reviewQuarterInvalid" }),
  quarter: z.coerce.number().int().min(1, { error: "validation.reviewQuarterInvalid" }).max(4, { error: "validation.reviewQuarterInvalid" }),
});
export type OpenReviewInput = z.infer<typeof OpenReviewSchema>;

export const RecordAttendanceSchema = z.strictObject({
  representativeIds: z.array(IdSchema).min(1, { error: "validation.attendanceRequired" }).max(200)
    .describe("Representatives of the frozen roster who attend; adding is idempotent"),
});
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceSchema>;

const ObjectionSchema = z.strictObject({
  entryId: IdSchema,
  decision: VoteDecisionSchema,
  reason: multiLineText().max(300, { error: "validation.objectionReasonTooLong" }).optional()
    .describe("Required when the decision is REJECT: why the representative objects"),
});

// Rejecting is done entry by entry, each with its reason: a ballot cannot reject everything at
// once without saying why, so its default is approve or abstain.
const ballotShape = {
  defaultDecision: z.enum(["APPROVE", "ABSTAIN"], { error: "validation.ballotDefaultInvalid" }).default("APPROVE")
    .describe("The decision on every entry not listed in the exceptions: APPROVE or ABSTAIN (REJECT only per entry, with a reason)"),
  exceptions: z.array(ObjectionSchema).max(2000).default([]),
};

function requireObjectionReasons(ballot: { exceptions: z.infer<typeof ObjectionSchema>[] }, ctx: z.RefinementCtx): void {
  ballot.exceptions.forEach((exception, index) => {
    if (exception.decision === "REJECT" && !exception.reason) {
      ctx.addIssue({ code: "custom", path: ["exceptions", index, "reason"], message: "validation.objectionReasonRequired" });
    }
  });
}

/** "Approve all except …": a default decision and the entries decided otherwise. */
export const CastBallotSchema = z.strictObject(ballotShape).superRefine(requireObjectionReasons);
export type CastBallotInput = z.infer<typeof CastBallotSchema>;

/** A clerk enters the paper ballot of an attending representative (marked as such in the audit), under the same rules. */
export const EnterPaperBallotSchema = z.strictObject({ representativeId: IdSchema, ...ballotShape }).superRefine(requireObjectionReasons);
export type EnterPaperBallotInput = z.infer<typeof EnterPaperBallotSchema>;

export const CloseReviewSchema = z.strictObject({
  meetingDate: DaySchema.describe("The day of the representative meeting (China)"),
  minutes: multiLineText("validation.minutesRequired").min(2, { error: "validation.minutesRequired" })
    .max(5000, { error: "validation.minutesTooLong" }).describe("The meeting's minutes"),
});
export type CloseReviewInput = z.infer<typeof CloseReviewSchema>;

export const ListReviewsQuerySchema = z.object({
  status: ReviewStatusSchema.optional(),
  ...pageParams(),
});
export type ListReviewsQuery = z.infer<typeof ListReviewsQuerySchema>;

// ─── Views ──────────────────────────────────────────────────────────────────

export const ReviewSummarySchema = z.object({
  id: z.uuid(),
  village: z.object({ id: z.uuid(), name: z.string() }),
  year: z.int(),
  quarter: z.int(),
  status: ReviewStatusSchema,
  openedAt: DateTimeSchema,
  closedAt: DateTimeSchema.nullable(),
  meetingDate: z.iso.date().nullable(),
  noticeEndsOn: z.iso.date().nullable(),
  roster: z.int().describe("Representatives when the review opened: the quorum's base"),
  attending: z.int(),
  quorum: z.int().describe("Attendees needed: at least two thirds of the roster"),
  missingForQuorum: z.int(),
  entries: z.int().describe("Entries put to this review"),
  ballots: z.int(),
  myBallotCastAt: DateTimeSchema.nullable().describe("For a representative: when their ballot was cast, null if not yet"),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

export const ReviewPageSchema = pageOf(ReviewSummarySchema);
export type ReviewPage = z.infer<typeof ReviewPageSchema>;

/** The quarters a clerk may open a review of, with the entries opening it would gather. */
export const QuarterToReviewSchema = z.object({
  year: z.int(), quarter: z.int(),
  pending: z.int().describe("PENDING entries of the quarter and late ones of earlier quarters not yet put to a review"),
});
export const QuartersToReviewSchema = pageOf(QuarterToReviewSchema);
export type QuarterToReview = z.infer<typeof QuarterToReviewSchema>;

export const ReviewRosterMemberSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  attending: z.boolean(),
  ballotCastAt: DateTimeSchema.nullable(),
  paperBallot: z.boolean().describe("Entered by a clerk from the paper ballot"),
});

export const EntryTallySchema = z.object({
  attendees: z.int().describe("Attendees eligible for this entry (recused ones excluded)"),
  approve: z.int(), reject: z.int(), abstain: z.int(), passed: z.boolean(),
});

export const ReviewItemSchema = z.object({
  entry: EntrySummarySchema,
  evidenceIds: z.array(z.uuid()),
  recusedForMe: z.boolean().describe("The entry is of the caller's own household: the caller does not vote on it"),
  myDecision: VoteDecisionSchema.nullable().describe("The caller's decision on it once their ballot is cast"),
  objections: z.array(z.object({ decision: VoteDecisionSchema, reason: z.string().nullable() }))
    .describe("Objections cast so far (REJECT and ABSTAIN exceptions), without names"),
  result: EntryTallySchema.nullable().describe("Once the review is closed"),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const ReviewDetailSchema = ReviewSummarySchema.extend({
  minutes: z.string().nullable(),
  closingDigest: z.string().nullable().describe("The township digest recorded when the review closed"),
  rosterMembers: z.array(ReviewRosterMemberSchema),
  items: z.array(ReviewItemSchema),
});
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

/** The public notice (公示) of a closed review: what may be posted on the village board. */
export const ReviewNoticeSchema = z.object({
  reviewId: z.uuid(),
  township: z.object({ name: z.string(), county: z.string() }),
  village: z.object({ id: z.uuid(), name: z.string() }),
  year: z.int(),
  quarter: z.int(),
  meetingDate: z.iso.date(),
  noticeStartsOn: z.iso.date(),
  noticeEndsOn: z.iso.date(),
  hidesNegativeDetail: z.boolean().describe("Township setting: yellows and blacks without details"),
  attending: z.int(),
  roster: z.int(),
  digest: z.string().nullable(),
  entries: z.array(z.object({
    archiveNo: z.string(),
    headName: z.string(),
    category: z.enum(["RED", "YELLOW", "BLACK"]),
    marks: z.int(),
    ruleTitle: z.string().nullable().describe("null for yellows and blacks when the township hides details"),
    occurredOn: z.iso.date().nullable(),
    description: z.string().nullable(),
  })),
});
export type ReviewNotice = z.infer<typeof ReviewNoticeSchema>;
