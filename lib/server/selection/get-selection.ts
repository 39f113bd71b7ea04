import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { rowIneligibility } from "@/lib/domain/household-scores";
import { versionForYear } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SelectionFilter, SelectionItem, SelectionPage, SelectionQuery } from "@/lib/schemas/selection";
import { authorize, can, householdWhere, townshipIdOf, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { searchConditions } from "@/lib/server/households/search-households";
import type { Paging } from "@/lib/server/paging";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";
import { ZERO_ROW } from "./assess-row";
import { accountNames, awardSelect, toAwardView } from "./award-views";
import { areDecisionsOpen, decisionsOpenOn, isSelectionOpen, selectionOpensOn } from "./season";

type Query = Omit<SelectionQuery, keyof Paging | "filter" | "q"> & Paging & { filter?: SelectionFilter; q?: string };

/**
 * Every household in the actor's scope (a clerk's village, an official's township) with its
 * eligibility for the year and its nomination or award. Eligibility is read from the maintained
 * score rows (HouseholdScore) and judged by the settings the year is judged by; the filters are
 * conditions on those rows in the query, so nothing is recomputed per household on a page view.
 * An awarded household whose row no longer qualifies (a black confirmed after the award) is
 * flagged for the township to review.
 */
export async function getSelection(actor: Actor, query: Query, now: Date = new Date()): Promise<SelectionPage> {
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
  const filters: Record<SelectionFilter, Prisma.HouseholdWhereInput | null> = {
    all: null, eligible, candidates: { AND: [eligible, { awards: { none: { year, status: { not: "WITHDRAWN" } } } }] }, ineligible: { NOT: eligible }, nominated: withAward("NOMINATED"), awarded: withAward("AWARDED"),
    review: { AND: [withAward("AWARDED"), { NOT: eligible }] },
  };
  const inScope = { AND: scope };
  const search = searchConditions(query.q ?? "");
  const filter = filters[query.filter ?? "all"];
  const where = { AND: [...scope, ...(filter ? [filter] : []), ...(search.length ? [{ OR: search }] : [])] };
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;

  const [total, rows, households, eligibleCount, nominated, awarded] = await Promise.all([
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
    db.household.count({ where: inScope }),
    db.household.count({ where: { AND: [...scope, eligible] } }),
    db.household.count({ where: { AND: [...scope, withAward("NOMINATED")] } }),
    db.household.count({ where: { AND: [...scope, withAward("AWARDED")] } }),
  ]);

  const open = isSelectionOpen(year, now);
  const decisionsOpen = areDecisionsOpen(year, now);
  const names = await accountNames(rows.flatMap((r) => r.awards));
  const items = rows.map((row): SelectionItem => {
    const counts = row.scores[0] ?? ZERO_ROW;
    const need = settings.get(row.village.townshipId)?.civilizedMinReds ?? 1;
    const reasons = rowIneligibility(counts, need);
    const award = row.awards[0] ? toAwardView(row.awards[0], names) : null;
    const isOwn = actor.homeHouseholdId === row.id;
    const isCouncil = can(actor, "selection.nominate") && actor.villageId === row.village.id && !isOwn;
    const isTownship = can(actor, "selection.decide") && !isOwn;
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
  return {
    items, page, pageSize, total, year, open, opensOn: selectionOpensOn(year), decisionsOpen, decisionsOpenOn: decisionsOpenOn(year),
    summary: { households, eligible: eligibleCount, nominated, awarded },
  };
}
