import { previousQuarter, quarterEnd, quarterOf, quarterStart, type Quarter } from "../../lib/domain/quarter";
import type { HouseholdInfo, RuleInfo, SeedContext, VillageData } from "./context";
import type { Rng } from "./random";
import { fillText, type Who } from "./rule-catalogue";
import { rulesInForce } from "./rules";
import { addDays, atBeijing, daysBetween, maxDate, minDate } from "./time";
import type { Category, EntryRow, EventRow, MemberRow } from "./types";

/** Average entries per household and year: DESIGN.md's 5,423 reds in two years over 13,600 households. */
export const ENTRIES_PER_HOUSEHOLD_YEAR = 0.4;
const CATEGORY_SHARE = [["RED", 89.5], ["YELLOW", 9.5], ["BLACK", 1]] as const;

/** A quarter of the seeded period; past quarters have the date their review met. */
export type Period = { q: Quarter; start: Date; end: Date; meeting: Date | null };

export type Draft = {
  row: EntryRow;
  household: HouseholdInfo;
  rule: RuleInfo;
  period: Period;
  events: EventRow[];
};

/**
 * The eight past quarters (two years, but none before the archive began) and the current one,
 * with each past review's meeting date. The current quarter comes last and has no meeting.
 */
export function periodsOf(ctx: SeedContext, rng: Rng): Period[] {
  const current = quarterOf(ctx.today);
  const quarters: Quarter[] = [current];
  for (let q = previousQuarter(current); quarters.length < 9 && quarterStart(q) >= ctx.launch; q = previousQuarter(q)) {
    quarters.unshift(q);
  }
  const yesterday = addDays(ctx.today, -1);
  return quarters.map((q) => {
    const end = quarterEnd(q);
    const meeting = q === current ? null : minDate(addDays(end, rng.int(6, 20)), yesterday);
    return { q, start: quarterStart(q), end, meeting };
  });
}

/** The entries recorded in one village over the periods, all PENDING for now. */
export function draftEntries(ctx: SeedContext, rng: Rng, village: VillageData, periods: Period[]): Draft[] {
  const drafts: Draft[] = [];
  const year = ctx.today.getUTCFullYear();
  for (const household of village.households) {
    const recent = household.row.status === "ACTIVE" ? periods.length : periods.length - 2;
    let n = 0;
    for (const [index, period] of periods.entries()) {
      if (index >= recent) break;
      const first = maxDate(period.start, household.registered);
      const last = minDate(period.end, addDays(period.meeting ?? ctx.today, -1));
      const days = daysBetween(first, last) + 1;
      if (days <= 0) continue;
      const quarterDays = daysBetween(period.start, period.end) + 1;
      const mean = (ENTRIES_PER_HOUSEHOLD_YEAR / 4) * village.activity * household.activity * (days / quarterDays);
      // The demo household has a corrected yellow two years back, two reds in the last ended
      // quarter (under review in the village whose review is still open) and a red awaiting review.
      const forced: Category[] = !household.featured ? []
        : index === Math.max(0, periods.length - 6) ? ["YELLOW"]
        : index === periods.length - 2 ? ["RED", "RED"]
        : index === periods.length - 1 ? ["RED"] : [];
      for (let k = rng.poisson(mean) + forced.length; k > 0; k--) {
        const category: Category = forced[k - 1]
          ?? (household.featured ? rng.weighted([["RED", 95], ["YELLOW", 5]] as const) : rng.weighted(CATEGORY_SHARE));
        const occurredOn = addDays(first, rng.int(0, days - 1));
        const draft = draftEntry(ctx, rng, village, household, period, category, occurredOn, year, ++n);
        if (draft) drafts.push(draft);
      }
    }
  }
  return drafts;
}

function draftEntry(
  ctx: SeedContext, rng: Rng, village: VillageData, household: HouseholdInfo, period: Period,
  category: Category, occurredOn: Date, year: number, n: number,
): Draft | null {
  const candidates = rulesInForce(village.ruleVersions, occurredOn)
    .filter((r) => r.row.category === category)
    .map((r) => ({ rule: r, members: r.template.who ? eligible(household.members, r.template.who, year) : null }))
    .filter((c) => c.members === null || c.members.length > 0);
  if (candidates.length === 0) return null;
  const { rule, members } = rng.weighted(candidates.map((c) => [c, c.rule.template.weight] as const));
  const adults = eligible(household.members, "adult", year);
  const member = members ? rng.pick(members) : rng.chance(category === "RED" ? 0.35 : 0.2) && adults.length ? rng.pick(adults) : null;

  // Recorded a few days later (a black only once the police or court decision exists), and for a
  // past quarter before its review met.
  const lastRecordDay = addDays(period.meeting ?? ctx.today, -1);
  const delay = category === "BLACK" ? rng.int(10, 45) : rng.weighted([[0, 3], [1, 3], [2, 2], [5, 1], [10, 1]] as const) + rng.int(0, 2);
  const recordDay = minDate(addDays(occurredOn, delay), lastRecordDay);
  const recordedAt = atBeijing(recordDay, rng.int(8, 17), rng.int(0, 59));
  const clerks = village.clerks.filter((c) => c.homeHouseholdId !== household.row.id);
  const clerk = rng.pick(clerks.length ? clerks : village.clerks);

  const who = member?.name ?? household.row.headName;
  const legal = rule.template.legal ? rng.weighted(rule.template.legal.map((l) => [l, l.weight] as const)) : null;
  const vars = { who, year: String(recordDay.getUTCFullYear()) };
  const q = quarterOf(occurredOn);
  const row: EntryRow = {
    id: ctx.uuid(`entry:${household.row.archiveNo}:${n}`, recordedAt),
    householdId: household.row.id, memberId: member?.id ?? null, villageId: village.row.id,
    ruleId: rule.row.id, category: rule.row.category, marks: rule.row.marks, occurredOn,
    year: q.year, quarter: q.quarter, description: fillText(rng.pick(legal?.samples ?? rule.template.samples), rng, vars),
    legalAuthority: legal?.authority ?? null, legalDocumentNo: legal ? fillText(legal.docNo, rng, vars) : null,
    status: "PENDING", recordedById: clerk.id, recordedAt, chainSeq: 0, prevHash: null, hash: "",
  };
  return { row, household, rule, period, events: [] };
}

/** Members an entry under a rule can be about. */
function eligible(members: MemberRow[], who: Who, year: number): MemberRow[] {
  const age = (m: MemberRow) => year - m.birthYear;
  const young = ["SON", "DAUGHTER", "GRANDSON", "GRANDDAUGHTER"];
  switch (who) {
    case "graduate":
      return members.filter((m) => young.includes(m.relation) && age(m) >= 24 && age(m) <= 35);
    case "recruit":
      return members.filter((m) => (m.relation === "SON" || m.relation === "GRANDSON") && age(m) >= 18 && age(m) <= 22);
    case "elder":
      return members.filter((m) => age(m) >= 70);
    case "adult":
      return members.filter((m) => age(m) >= 18 && age(m) <= 72);
  }
}
