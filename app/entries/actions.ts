"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { VoidEntrySchema } from "@/lib/schemas/entries";
import { defineAction } from "@/lib/server/actions/define-action";
import { voidEntry } from "@/lib/server/entries/void-entry";

// Recording goes through POST /api/v1/entries from the form (components/entries/post-entry.ts),
// so that a retry after a weak signal carries the same Idempotency-Key.

export const voidEntryAction = defineAction({
  permission: "entries.void",
  args: z.tuple([IdSchema]),
  schema: VoidEntrySchema,
  keep: true,
  run: ({ actor, args: [entryId], input, context }) => voidEntry(actor, entryId, input, context),
  revalidate: (_, { args: [entryId] }) => [`/entries/${entryId}`],
});
