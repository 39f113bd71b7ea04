"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { DraftRuleSetSchema } from "@/lib/schemas/rule-sets";
import { defineAction } from "@/lib/server/actions/define-action";
import { draftRuleSet } from "@/lib/server/rule-sets/draft-rule-set";

export const draftRuleSetAction = defineAction({
  permission: "ruleSets.manage",
  args: z.tuple([IdSchema]),
  schema: DraftRuleSetSchema,
  keep: true,
  run: ({ actor, args: [villageId], input, context }) => draftRuleSet(actor, villageId, input, context),
  revalidate: ["/rule-sets"],
  redirect: (ruleSet) => `/rule-sets/${ruleSet.id}`,
});
