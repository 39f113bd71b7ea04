import { recordEntry as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { recordEntry } from "@/lib/server/entries/record-entry";

// A retry (the body's idempotencyKey, or the Idempotency-Key header) answers 201 with the same entry.
export const POST = handle(operation, async ({ actor, body, context }) => (await recordEntry(actor, body, context)).entry);
