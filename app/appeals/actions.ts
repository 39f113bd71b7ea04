"use server";

import { z } from "zod";
import { ResolveAppealSchema } from "@/lib/schemas/appeals";
import { IdSchema } from "@/lib/schemas/common";
import { defineAction } from "@/lib/server/actions/define-action";
import { resolveAppeal } from "@/lib/server/appeals/resolve-appeal";

export const resolveAppealAction = defineAction({
  permission: "appeals.resolve",
  args: z.tuple([IdSchema]),
  schema: ResolveAppealSchema,
  keep: true,
  run: ({ actor, args: [appealId], input, context }) => resolveAppeal(actor, appealId, input, context),
  revalidate: (resolved) => ["/appeals", `/households/${resolved.household.id}`, `/entries/${resolved.entry.id}`, "/"],
});
