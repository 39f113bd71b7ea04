"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { ExtractReasonSchema, RequestExtractSchema } from "@/lib/schemas/extracts";
import { defineAction } from "@/lib/server/actions/define-action";
import type { Permission } from "@/lib/server/authz";
import { issueExtract } from "@/lib/server/extracts/issue-extract";
import { requestExtract } from "@/lib/server/extracts/request-extract";
import { changeExtract, type ExtractStep } from "@/lib/server/extracts/transitions";

// Extract actions of the household section and the township queue, calling the same use cases
// as the API. Every page may show an extract's state, so all of them are refreshed.
const everyPage = [{ layout: "/" }];

export const requestExtractAction = defineAction({
  permission: "extracts.request",
  args: z.tuple([IdSchema]),
  schema: RequestExtractSchema,
  keep: true,
  run: ({ actor, args: [householdId], input, context }) => requestExtract(actor, householdId, input, context),
  revalidate: everyPage,
});

const permissionOf: Record<ExtractStep, Permission> = {
  consent: "extracts.consent", refuse: "extracts.consent", decline: "extracts.issue", revoke: "extracts.revoke",
};
const StepSchema = z.enum(["consent", "refuse", "decline", "revoke"]) satisfies z.ZodType<ExtractStep>;
// Declining and revoking say why; the household's answer needs no words.
const NoInputSchema = z.strictObject({});

export const changeExtractAction = defineAction({
  permission: ([, step]) => permissionOf[step],
  args: z.tuple([IdSchema, StepSchema]),
  schema: ([, step]) => (step === "decline" || step === "revoke" ? ExtractReasonSchema : NoInputSchema),
  keep: true,
  run: ({ actor, args: [extractId, step], input, context }) => changeExtract(actor, extractId, step, input, context),
  revalidate: everyPage,
});

export const issueExtractAction = defineAction({
  permission: "extracts.issue",
  args: z.tuple([IdSchema]),
  run: ({ actor, args: [extractId], context }) => issueExtract(actor, extractId, context),
  revalidate: everyPage,
});
