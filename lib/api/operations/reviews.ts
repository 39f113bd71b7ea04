import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema, PageQuerySchema } from "@/lib/schemas/common";
import {
  CastBallotSchema, CloseReviewSchema, EnterPaperBallotSchema, ListReviewsQuerySchema, OpenReviewSchema, QuartersToReviewSchema,
  RecordAttendanceSchema, ReviewDetailSchema, ReviewNoticeSchema, ReviewPageSchema,
} from "@/lib/schemas/reviews";

export const listVillageReviews = defineOperation({
  id: "listVillageReviews", method: "GET", path: "/villages/{id}/reviews", tag: "reviews", permission: "reviews.read",
  summary: "A village's quarterly reviews, open ones first, then the latest quarters; a representative's own ballot time in myBallotCastAt",
  params: IdParamsSchema, query: ListReviewsQuerySchema, response: ReviewPageSchema,
});

export const openReview = defineOperation({
  id: "openReview", method: "POST", path: "/villages/{id}/reviews", tag: "reviews", permission: "reviews.manage", status: 201,
  summary: "Open the review of an ended quarter: its PENDING entries and late ones of earlier quarters are put to it, and the roster of representatives is frozen",
  params: IdParamsSchema, body: OpenReviewSchema, response: ReviewDetailSchema,
});

export const listQuartersToReview = defineOperation({
  id: "listQuartersToReview", method: "GET", path: "/villages/{id}/reviews/quarters", tag: "reviews", permission: "reviews.manage",
  summary: "Ended quarters without a review that have entries awaiting one, newest first",
  params: IdParamsSchema, query: PageQuerySchema, response: QuartersToReviewSchema,
});

export const getReview = defineOperation({
  id: "getReview", method: "GET", path: "/reviews/{id}", tag: "reviews", permission: "reviews.read",
  summary: "One review: counts, frozen roster with attendance and ballots, items with objections (without names) and, once closed, results",
  params: IdParamsSchema, response: ReviewDetailSchema,
});

export const recordAttendance = defineOperation({
  id: "recordAttendance", method: "POST", path: "/reviews/{id}/attendance", tag: "reviews", permission: "reviews.manage",
  summary: "Record attending representatives of the frozen roster (idempotent); open reviews only",
  params: IdParamsSchema, body: RecordAttendanceSchema, response: ReviewDetailSchema,
});

export const castBallot = defineOperation({
  id: "castBallot", method: "POST", path: "/reviews/{id}/ballots", tag: "reviews", permission: "reviews.vote", status: 201,
  summary: "A representative's own ballot: a default decision and exceptions (REJECT with a reason); never on their own household's entries; once",
  params: IdParamsSchema, body: CastBallotSchema, response: ReviewDetailSchema,
});

export const enterPaperBallot = defineOperation({
  id: "enterPaperBallot", method: "POST", path: "/reviews/{id}/paper-ballots", tag: "reviews", permission: "reviews.manage", status: 201,
  summary: "A clerk enters the paper ballot of a representative of the roster (same rules; marked as entered by the clerk)",
  params: IdParamsSchema, body: EnterPaperBallotSchema, response: ReviewDetailSchema,
});

export const closeReview = defineOperation({
  id: "closeReview", method: "POST", path: "/reviews/{id}/close", tag: "reviews", permission: "reviews.manage",
  summary: "Close with two thirds of the frozen roster attending: each PENDING item becomes CONFIRMED or REJECTED (chain events), minutes and township digest kept",
  params: IdParamsSchema, body: CloseReviewSchema, response: ReviewDetailSchema,
});

export const getReviewNotice = defineOperation({
  id: "getReviewNotice", method: "GET", path: "/reviews/{id}/notice", tag: "reviews", permission: null,
  summary: "Public notice (公示) of a closed review: confirmed entries, yellows and blacks without details where the township says so",
  params: IdParamsSchema, response: ReviewNoticeSchema,
});
