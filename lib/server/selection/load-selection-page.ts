import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import type { SelectionPage, SelectionQuery } from "@/lib/schemas/selection";
import { authorize, can, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { listVillages } from "@/lib/server/villages/list-villages";
import { getSelection } from "./get-selection";
import { isSelectionOpen } from "./season";

export type SelectionPageData = {
  year: number;
  years: number[];
  villages: { id: string; name: string }[] | null; // township staff choose a village; a clerk has one
  nominations: SelectionPage | null; // the township's queue of nominations to decide
  list: SelectionPage;
};

/**
 * The year a page opens on: the current year once its season is open, else the year before —
 * but never a year before the township's first settings (a township new this year opens on
 * this year, not on a year it has no record of).
 */
export function defaultSelectionYear(now: Date, firstYear: number): number {
  const year = Number(chinaToday(now).slice(0, 4));
  return Math.max(isSelectionOpen(year, now) ? year : year - 1, Math.min(firstYear, year));
}

/** Everything the selection page shows, in one loader; the year defaults as above when not asked. */
export async function loadSelectionPage(
  actor: Actor, asked: Omit<SelectionQuery, "year"> & { year?: number }, now: Date = new Date(),
): Promise<SelectionPageData> {
  authorize(actor, "selection.read");
  const current = Number(chinaToday(now).slice(0, 4));
  const first = await db.townshipSettings.findFirst({
    where: actor.townshipId ? { townshipId: actor.townshipId } : {}, orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true },
  });
  const settingsYear = first?.effectiveFrom.getUTCFullYear() ?? current;
  const query = { ...asked, year: asked.year ?? defaultSelectionYear(now, settingsYear) };
  const firstYear = Math.min(settingsYear, query.year);
  const years = Array.from({ length: Math.max(current, query.year) - firstYear + 1 }, (_, i) => Math.max(current, query.year) - i);
  const isCouncil = actor.role === "CLERK";
  const [villages, nominations, list] = await Promise.all([
    isCouncil ? null : listVillages(actor, { active: true }).then((page) => page.items.map(({ id, name }) => ({ id, name }))),
    can(actor, "selection.decide")
      ? getSelection(actor, { year: query.year, villageId: query.villageId, filter: "nominated", page: 1, pageSize: 200 }, now)
      : null,
    getSelection(actor, query, now),
  ]);
  return { year: query.year, years, villages, nominations, list };
}
