import { recordEntry as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { replayedResponse } from "@/lib/server/api/idempotency";
import { recordEntry } from "@/lib/server/entries/record-entry";

// A retry (the body's idempotencyKey, or the Idempotency-Key header) answers 201 with the same
// entry, marked Idempotency-Replayed either way: the page tells the clerk nothing was recorded twice.
export const POST = handle(operation, async ({ actor, body, context }) => {
  const { entry, replayed } = await recordEntry(actor, body, context);
  return replayed ? replayedResponse(entry, operation.status) : entry;
});
