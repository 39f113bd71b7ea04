import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import type { SelectionPage, SelectionQuery } from "@/lib/schemas/selection";
import { authorize, can, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { listVillages } from "@/lib/server/villages/list-villages";
import { selectionList, selectionScope, selectionSummary, type SelectionList, type SelectionScope } from "./get-selection";
import { isSelectionOpen } from "./season";

export type SelectionPageData = {
  year: number;
  years: number[];
  villages: { id: string; name: string }[] | null; // township staff choose a village; a clerk has one
  nominations: SelectionList | null; // the township's queue of nominations to decide, one page of it
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

/** Nominations per page of the township's queue. */
const QUEUE_PAGE_SIZE = 30;

export type SelectionPageAsked = Omit<SelectionQuery, "year"> & { year?: number; queuePage?: number };

/**
 * Everything the selection page shows, in one loader; the year defaults as above when not asked.
 * The scope and settings are read once and the summary counted once for both lists; the queue
 * has its own page (`queuePage`), and a page past its end (its last nominations just decided)
 * shows its last page instead.
 */
export async function loadSelectionPage(
  actor: Actor, asked: SelectionPageAsked, now: Date = new Date(), queuePageSize: number = QUEUE_PAGE_SIZE,
): Promise<SelectionPageData> {
  authorize(actor, "selection.read");
  const current = Number(chinaToday(now).slice(0, 4));
  const first = await db.townshipSettings.findFirst({
    where: actor.townshipId ? { townshipId: actor.townshipId } : {}, orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true },
  });
  const settingsYear = first?.effectiveFrom.getUTCFullYear() ?? current;
  const { queuePage = 1, ...rest } = asked;
  const query = { ...rest, year: asked.year ?? defaultSelectionYear(now, settingsYear) };
  const firstYear = Math.min(settingsYear, query.year);
  const years = Array.from({ length: Math.max(current, query.year) - firstYear + 1 }, (_, i) => Math.max(current, query.year) - i);
  const isCouncil = actor.role === "CLERK";
  const queue = async (scope: SelectionScope): Promise<SelectionList> => {
    const page = await selectionList(scope, { filter: "nominated", page: queuePage, pageSize: queuePageSize });
    const last = Math.max(1, Math.ceil(page.total / queuePageSize));
    return queuePage > last ? selectionList(scope, { filter: "nominated", page: last, pageSize: queuePageSize }) : page;
  };
  const [villages, [nominations, list, summary]] = await Promise.all([
    isCouncil ? null : listVillages(actor, { active: true }).then((page) => page.items.map(({ id, name }) => ({ id, name }))),
    selectionScope(actor, query, now).then((scope) => Promise.all([
      can(actor, "selection.decide") ? queue(scope) : null,
      selectionList(scope, query),
      selectionSummary(scope),
    ])),
  ]);
  return { year: query.year, years, villages, nominations, list: { ...list, summary } };
}
