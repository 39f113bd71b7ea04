"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { RecordEntrySchema, VoidEntrySchema } from "@/lib/schemas/entries";
import { defineAction } from "@/lib/server/actions/define-action";
import { recordEntry } from "@/lib/server/entries/record-entry";
import { voidEntry } from "@/lib/server/entries/void-entry";

export const recordEntryAction = defineAction({
  permission: "entries.record",
  schema: RecordEntrySchema,
  run: ({ actor, input, context }) => recordEntry(actor, input, context),
  answer: ({ entry, replayed }) => ({ recorded: { id: entry.id, replayed } }),
  // No revalidation: the lists are rendered per request, and re-rendering this page would
  // replace the confirmation the clerk is about to read.
});

export const voidEntryAction = defineAction({
  permission: "entries.void",
  args: z.tuple([IdSchema]),
  schema: VoidEntrySchema,
  run: ({ actor, args: [entryId], input, context }) => voidEntry(actor, entryId, input, context),
  revalidate: (_, { args: [entryId] }) => [`/entries/${entryId}`],
});
