import { recordEntry as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { recordEntry } from "@/lib/server/entries/record-entry";

export const POST = handle(operation, async ({ actor, body, context }) => {
  const { entry, replayed } = await recordEntry(actor, body, context);
  return Response.json(entry, { status: replayed ? 200 : 201, headers: { "Cache-Control": "no-store" } });
});
