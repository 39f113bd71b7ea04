"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { objectionsFrom, withEntryKeys } from "@/lib/schemas/review-ballot-form";
import {
  CastBallotSchema, CloseReviewSchema, EnterPaperBallotSchema, OpenReviewSchema, RecordAttendanceSchema,
} from "@/lib/schemas/reviews";
import { defineAction } from "@/lib/server/actions/define-action";
import { villageIdOf } from "@/lib/server/authz";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { closeReview } from "@/lib/server/reviews/close-review";
import { enterPaperBallot } from "@/lib/server/reviews/enter-paper-ballot";
import { openReview } from "@/lib/server/reviews/open-review";
import { recordAttendance } from "@/lib/server/reviews/record-attendance";

const reviewPaths = (reviewId: string) => [`/reviews/${reviewId}`, "/reviews", "/"];
const ReviewArgs = z.tuple([IdSchema]);

export const openReviewAction = defineAction({
  permission: "reviews.manage",
  schema: OpenReviewSchema,
  run: ({ actor, input, context }) => openReview(actor, villageIdOf(actor), input, context),
  revalidate: (review) => reviewPaths(review.id),
  redirect: (review) => `/reviews/${review.id}`,
});

export const recordAttendanceAction = defineAction({
  permission: "reviews.manage",
  args: ReviewArgs,
  schema: RecordAttendanceSchema,
  run: ({ actor, args: [reviewId], input, context }) => recordAttendance(actor, reviewId, input, context),
  revalidate: (_, { args: [reviewId] }) => reviewPaths(reviewId),
});

// A ballot approves every entry except those the representative objects to, each with its
// reason (lib/schemas/review-ballot-form.ts); a failing reason is shown under its entry.
const ballot = (fields: Record<string, unknown>, { form }: { form: FormData }) =>
  ({ ...fields, defaultDecision: "APPROVE", exceptions: objectionsFrom(form) });
const underEachEntry = <State extends { fieldErrors?: Record<string, string> }>(state: State, { form }: { form: FormData }) =>
  withEntryKeys(state, objectionsFrom(form));

export const castBallotAction = defineAction({
  permission: "reviews.vote",
  args: ReviewArgs,
  schema: CastBallotSchema,
  input: ballot,
  run: ({ actor, args: [reviewId], input, context }) => castBallot(actor, reviewId, input, context),
  revalidate: (_, { args: [reviewId] }) => reviewPaths(reviewId),
  refused: underEachEntry,
});

export const enterPaperBallotAction = defineAction({
  permission: "reviews.manage",
  args: ReviewArgs,
  schema: EnterPaperBallotSchema,
  input: ballot,
  run: ({ actor, args: [reviewId], input, context }) => enterPaperBallot(actor, reviewId, input, context),
  revalidate: (_, { args: [reviewId] }) => reviewPaths(reviewId),
  refused: underEachEntry,
});

export const closeReviewAction = defineAction({
  permission: "reviews.manage",
  args: ReviewArgs,
  schema: CloseReviewSchema,
  run: ({ actor, args: [reviewId], input, context }) => closeReview(actor, reviewId, input, context),
  revalidate: (_, { args: [reviewId] }) => reviewPaths(reviewId),
});
