"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { DecideRectificationSchema } from "@/lib/schemas/rectifications";
import { defineAction } from "@/lib/server/actions/define-action";
import { decideRectification } from "@/lib/server/rectifications/decide-rectification";

export const decideRectificationAction = defineAction({
  permission: "rectifications.decide",
  args: z.tuple([IdSchema]),
  schema: DecideRectificationSchema,
  keep: true,
  run: ({ actor, args: [rectificationId], input, context }) => decideRectification(actor, rectificationId, input, context),
  revalidate: (decided) => ["/rectifications", `/households/${decided.household.id}`, `/entries/${decided.entry.id}`, "/"],
});
