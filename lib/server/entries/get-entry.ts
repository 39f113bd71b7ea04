import "server-only";
import type { EntryDetail } from "@/lib/schemas/entries";
import { authorize, entryWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { entryDetailSelect, toEntryDetail } from "./entry-views";

/**
 * One entry with its events and evidence, for staff whose scope covers it (representatives:
 * while it is under review) and for the household itself. Anything else is "not found".
 */
export async function getEntry(actor: Actor, entryId: string): Promise<EntryDetail> {
  authorize(actor, "entries.read");
  const row = await db.entry.findFirst({ where: { AND: [{ id: entryId }, entryWhere(actor)] }, select: entryDetailSelect });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return toEntryDetail(row);
}
