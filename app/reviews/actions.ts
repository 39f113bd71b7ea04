"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  CastBallotSchema, CloseReviewSchema, EnterPaperBallotSchema, OpenReviewSchema, RecordAttendanceSchema,
} from "@/lib/schemas/reviews";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { villageIdOf } from "@/lib/server/authz";
import { requestContextFrom } from "@/lib/server/request-context";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { closeReview } from "@/lib/server/reviews/close-review";
import { enterPaperBallot } from "@/lib/server/reviews/enter-paper-ballot";
import { openReview } from "@/lib/server/reviews/open-review";
import { recordAttendance } from "@/lib/server/reviews/record-attendance";
import { objectionsFrom, withEntryKeys } from "@/lib/schemas/review-ballot-form";

// The five steps of every action: authenticate, parse with the contract's schema, call the use
// case, revalidate, return { ok } or translated field errors — never records.

function refresh(reviewId: string): void {
  revalidatePath(`/reviews/${reviewId}`);
  revalidatePath("/reviews");
  revalidatePath("/");
}

export async function openReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("reviews.manage");
  let reviewId: string;
  try {
    const input = OpenReviewSchema.parse({ year: form.get("year"), quarter: form.get("quarter") });
    reviewId = (await openReview(actor, villageIdOf(actor), input, requestContextFrom(await headers()))).id;
  } catch (error) {
    return await actionError(error);
  }
  refresh(reviewId);
  redirect(`/reviews/${reviewId}`);
}

export async function recordAttendanceAction(reviewId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("reviews.manage");
  try {
    const input = RecordAttendanceSchema.parse({ representativeIds: form.getAll("representativeIds") });
    await recordAttendance(actor, reviewId, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  refresh(reviewId);
  return { ok: true };
}

export async function castBallotAction(reviewId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("reviews.vote");
  const exceptions = objectionsFrom(form);
  try {
    const input = CastBallotSchema.parse({ defaultDecision: "APPROVE", exceptions });
    await castBallot(actor, reviewId, input, requestContextFrom(await headers()));
  } catch (error) {
    return withEntryKeys(await actionError(error), exceptions);
  }
  refresh(reviewId);
  return { ok: true };
}

export async function enterPaperBallotAction(reviewId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("reviews.manage");
  const exceptions = objectionsFrom(form);
  try {
    const input = EnterPaperBallotSchema.parse({
      representativeId: form.get("representativeId") ?? "", defaultDecision: "APPROVE", exceptions,
    });
    await enterPaperBallot(actor, reviewId, input, requestContextFrom(await headers()));
  } catch (error) {
    return withEntryKeys(await actionError(error), exceptions);
  }
  refresh(reviewId);
  return { ok: true };
}

export async function closeReviewAction(reviewId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("reviews.manage");
  try {
    const input = CloseReviewSchema.parse({ meetingDate: form.get("meetingDate"), minutes: form.get("minutes") });
    await closeReview(actor, reviewId, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  refresh(reviewId);
  return { ok: true };
}
