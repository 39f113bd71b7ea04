"use server";

import { z } from "zod";
import { LodgeAppealSchema } from "@/lib/schemas/appeals";
import { IdSchema } from "@/lib/schemas/common";
import { RequestRectificationSchema } from "@/lib/schemas/rectifications";
import { defineAction } from "@/lib/server/actions/define-action";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";

// What a household (or a clerk on its behalf) does from the archive page. The pages that show
// the entry's due process are refreshed: the household's home, its page for staff, the queues.
const archivePaths = (householdId: string) => ["/", `/households/${householdId}`, "/rectifications", "/appeals"];

export const requestRectificationAction = defineAction({
  permission: "rectifications.request",
  args: z.tuple([IdSchema]),
  schema: RequestRectificationSchema,
  keep: true,
  run: ({ actor, args: [entryId], input, context }) => requestRectification(actor, entryId, input, context),
  revalidate: (request) => archivePaths(request.household.id),
});

export const lodgeAppealAction = defineAction({
  permission: "appeals.lodge",
  args: z.tuple([IdSchema]),
  schema: LodgeAppealSchema,
  keep: true,
  run: ({ actor, args: [entryId], input, context }) => lodgeAppeal(actor, entryId, input, context),
  revalidate: (appeal) => archivePaths(appeal.household.id),
});
