import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { rowIneligibility } from "@/lib/domain/household-scores";
import { versionForYear } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SelectionFilter, SelectionItem, SelectionPage, SelectionQuery } from "@/lib/schemas/selection";
import { authorize, canOn, householdWhere, townshipIdOf, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { searchConditions } from "@/lib/server/households/search-households";
import type { Paging } from "@/lib/server/paging";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";
import { ZERO_ROW } from "./assess-row";
import { accountNames, awardSelect, toAwardView } from "./award-views";
import { areDecisionsOpen, decisionsOpenOn, isSelectionOpen, selectionOpensOn } from "./season";

type Query = Omit<SelectionQuery, keyof Paging | "filter" | "q"> & Paging & { filter?: SelectionFilter; q?: string };
type ScopeQuery = Pick<SelectionQuery, "year" | "villageId">;
type ListQuery = Paging & { filter?: SelectionFilter; q?: string };
/** One page of the selection without the summary (the township's queue of nominations on the page). */
export type SelectionList = Omit<SelectionPage, "summary">;

/**
 * The households of a year's selection in the actor's scope (a clerk's village, an official's
 * township, or one village of it), with the settings the year is judged by and the conditions
 * of the filters: read once, then listed (`selectionList`) and counted (`selectionSummary`) as
 * often as a page needs.
 */
export type SelectionScope = {
  actor: Actor; year: number; now: Date;
  scope: Prisma.HouseholdWhereInput[];
  settings: Map<string, { civilizedMinReds: number }>;
  filters: Record<Exclude<SelectionFilter, "all">, Prisma.HouseholdWhereInput>;
};

/**
 * Every household in the actor's scope (a clerk's village, an official's township) with its
 * eligibility for the year and its nomination or award. Eligibility is read from the maintained
 * score rows (HouseholdScore) and judged by the settings the year is judged by; the filters are
 * conditions on those rows in the query, so nothing is recomputed per household on a page view.
 * An awarded household whose row no longer qualifies (a black confirmed after the award) is
 * flagged for the township to review.
 */
export async function getSelection(actor: Actor, query: Query, now: Date = new Date()): Promise<SelectionPage> {
  const scope = await selectionScope(actor, query, now);
  const [list, summary] = await Promise.all([selectionList(scope, query), selectionSummary(scope)]);
  return { ...list, summary };
}

/** The scope, settings and filter conditions of a year's selection (authorized; a village outside the scope is 404). */
export async function selectionScope(actor: Actor, query: ScopeQuery, now: Date = new Date()): Promise<SelectionScope> {
  authorize(actor, "selection.read");
  const { year } = query;
  const scope: Prisma.HouseholdWhereInput[] = [householdWhere(actor)];
  const village = query.villageId ? await loadVillageTarget(actor, "selection.read", query.villageId) : null;
  if (village) scope.push({ villageId: village.villageId });
  const townshipIds = village ? [village.townshipId]
    : actor.role === "ADMIN" ? (await db.township.findMany({ select: { id: true } })).map((t) => t.id) : [townshipIdOf(actor)];
  const today = chinaToday(now);
  const versions = await settingsVersionsOf(db, townshipIds);
  const settings = new Map([...versions].filter(([, list]) => list.length).map(([id, list]) => [id, versionForYear(list, year, today)]));

  const eligible: Prisma.HouseholdWhereInput = {
    OR: [...settings].map(([townshipId, { civilizedMinReds: need }]) => ({
      village: { townshipId },
      OR: [
        { scores: { some: { year, blackMarks: 0, unrectifiedYellows: 0, redMarks: { gte: need } } } },
        ...(need <= 0 ? [{ scores: { none: { year } } }] : []),
      ],
    })),
  };
  const withAward = (status: "NOMINATED" | "AWARDED"): Prisma.HouseholdWhereInput => ({ awards: { some: { year, status } } });
  const filters: SelectionScope["filters"] = {
    eligible,
    // Households a clerk may nominate: eligible, ACTIVE (nominate() refuses the others) and not nominated (or only withdrawn).
    candidates: { AND: [eligible, { status: "ACTIVE" }, { awards: { none: { year, status: { not: "WITHDRAWN" } } } }] },
    ineligible: { NOT: eligible }, nominated: withAward("NOMINATED"), awarded: withAward("AWARDED"),
    review: { AND: [withAward("AWARDED"), { NOT: eligible }] },
  };
  return { actor, year, now, scope, settings, filters };
}

/** Counts across the whole scope, before any filter and search. */
export async function selectionSummary({ scope, filters }: SelectionScope): Promise<SelectionPage["summary"]> {
  const [households, eligible, nominated, awarded] = await Promise.all([
    db.household.count({ where: { AND: scope } }),
    db.household.count({ where: { AND: [...scope, filters.eligible] } }),
    db.household.count({ where: { AND: [...scope, filters.nominated] } }),
    db.household.count({ where: { AND: [...scope, filters.awarded] } }),
  ]);
  return { households, eligible, nominated, awarded };
}

/** One page of the scope's households, filtered and searched, with what the actor may do on each. */
export async function selectionList({ actor, year, now, scope, settings, filters }: SelectionScope, query: ListQuery): Promise<SelectionList> {
  const search = searchConditions(query.q ?? "");
  const filter = query.filter && query.filter !== "all" ? filters[query.filter] : null;
  const where = { AND: [...scope, ...(filter ? [filter] : []), ...(search.length ? [{ OR: search }] : [])] };
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;

  const [total, rows] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where, orderBy: { archiveNo: "asc" }, skip: (page - 1) * pageSize, take: pageSize,
      select: {
        id: true, archiveNo: true, headName: true, status: true, village: { select: { id: true, name: true, townshipId: true } },
        scores: { where: { year }, select: { redMarks: true, activeYellowMarks: true, blackMarks: true, unrectifiedYellows: true } },
        awards: { where: { year }, select: awardSelect },
        _count: { select: { entries: { where: { year, status: "PENDING" } } } },
      },
    }),
  ]);

  const open = isSelectionOpen(year, now);
  const decisionsOpen = areDecisionsOpen(year, now);
  const names = await accountNames(rows.flatMap((r) => r.awards));
  const items = rows.map((row): SelectionItem => {
    const counts = row.scores[0] ?? ZERO_ROW;
    const need = settings.get(row.village.townshipId)?.civilizedMinReds ?? 1;
    const reasons = rowIneligibility(counts, need);
    const award = row.awards[0] ? toAwardView(row.awards[0], names) : null;
    // Recusal (never on one's own household) is the policy's, as everywhere else.
    const isCouncil = canOn(actor, "selection.nominate", row.id) && actor.villageId === row.village.id;
    const isTownship = canOn(actor, "selection.decide", row.id);
    return {
      household: { id: row.id, archiveNo: row.archiveNo, headName: row.headName, village: { id: row.village.id, name: row.village.name } },
      eligible: reasons.length === 0, reasons, counts: { ...counts }, civilizedMinReds: need, pendingEntries: row._count.entries, award,
      needsReview: award?.status === "AWARDED" && reasons.length > 0,
      actions: {
        nominate: isCouncil && open && reasons.length === 0 && row.status === "ACTIVE" && (!award || award.status === "WITHDRAWN"),
        withdraw: isCouncil && award?.status === "NOMINATED",
        decide: isTownship && decisionsOpen && award?.status === "NOMINATED",
        withdrawAward: isTownship && award?.status === "AWARDED",
      },
    };
  });
  return { items, page, pageSize, total, year, open, opensOn: selectionOpensOn(year), decisionsOpen, decisionsOpenOn: decisionsOpenOn(year) };
}
