import { previousQuarter, quarterEnd, quarterOf, quarterStart, type Quarter } from "../../lib/domain/quarter";
import type { HouseholdInfo, RuleInfo, SeedContext, VillageData } from "./context";
import type { Rng } from "./random";
import { fillText, type Who } from "./rule-catalogue";
import { rulesInForce } from "./rules";
import { addDays, atBeijing, daysBetween, maxDate, minDate, utcDate } from "./time";
import type { Category, EntryRow, EventRow, MemberRow } from "./types";

// How often marks are recorded, calibrated on the town's report (DESIGN.md): with the default
// 13,600 households, about 5,423 CONFIRMED red entries (entries, not marks: a two-mark red is one
// red earned) occurred in 2019 and 2020, and about 2,842 families (21 %) were awarded for 2020.
// Eligibility needs a red in the year, so reds are drawn per household and year: a household
// takes part in the year (earns at least one red) with a probability, and then earns a few more
// now and then. The archive's first year had fewer reds while the villages learned to record
// them; participation grows a little every year after. Yellows and blacks follow a propensity of
// their own, drawn independently of the reds. Calibrated with the default seed; other seeds and
// days land within a few per cent (tests/integration/seed.test.ts checks ±5 %).

/** Share of households earning reds in a year (for an average household and village) and the extra reds of one that does. */
export function redPlan(year: number): { share: number; extra: number } {
  if (year <= 2019) return { share: 0.134, extra: 0.12 };
  return { share: Math.min(0.4, 0.339 + 0.01 * (year - 2020)), extra: 0.14 + 0.01 * Math.min(6, year - 2020) };
}
/** Yellows and blacks per household and year, for an average household. */
const YELLOW_RATE = 0.04;
const BLACK_RATE = 0.004;

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
 * Every quarter since the archive began (2019Q1) up to the current one, with each past review's
 * meeting date. The current quarter comes last and has no meeting.
 */
export function periodsOf(ctx: SeedContext, rng: Rng): Period[] {
  const current = quarterOf(ctx.today);
  const quarters: Quarter[] = [current];
  for (let q = previousQuarter(current); quarterStart(q) >= ctx.launch; q = previousQuarter(q)) quarters.unshift(q);
  const yesterday = addDays(ctx.today, -1);
  return quarters.map((q) => {
    const end = quarterEnd(q);
    const meeting = q === current ? null : minDate(addDays(end, rng.int(6, 20)), yesterday);
    return { q, start: quarterStart(q), end, meeting };
  });
}

/** Days of a period a household's entries can occur on: registered, and recorded before the review met (or today). */
type Window = { period: Period; first: Date; days: number };

function windowsOf(ctx: SeedContext, household: HouseholdInfo, periods: Period[]): Window[] {
  // A household that moved out or went inactive has no entries in the last two quarters.
  const until = household.row.status === "ACTIVE" ? periods.length : periods.length - 2;
  return periods.slice(0, until).flatMap((period) => {
    const first = maxDate(period.start, household.registered);
    const last = minDate(period.end, addDays(period.meeting ?? ctx.today, -1));
    const days = daysBetween(first, last) + 1;
    return days > 0 ? [{ period, first, days }] : [];
  });
}

/** The entries recorded in one village over the periods, all PENDING for now. */
export function draftEntries(ctx: SeedContext, rng: Rng, village: VillageData, periods: Period[]): Draft[] {
  const drafts: Draft[] = [];
  const serials = new Map<string, number>();
  const add = (household: HouseholdInfo, window: Window, category: Category, occurredOn: Date) => {
    const n = (serials.get(household.row.id) ?? 0) + 1;
    serials.set(household.row.id, n);
    const draft = draftEntry(ctx, rng, village, household, window.period, category, occurredOn, n);
    if (draft) drafts.push(draft);
  };
  const dayIn = (w: Window) => addDays(w.first, rng.int(0, w.days - 1));
  const windows = new Map<HouseholdInfo, Window[]>();
  for (const household of village.households) {
    const own = windowsOf(ctx, household, periods);
    windows.set(household, own);
    const propensity = Math.min(2.5, household.activity) * village.activity;
    const trouble = -Math.log(1 - rng.float());
    const planned: { category: Category; window: Window; on: Date }[] = [];
    for (const year of new Set(own.map((w) => w.period.q.year))) {
      const inYear = own.filter((w) => w.period.q.year === year);
      const yearDays = daysBetween(utcDate(year, 1, 1), utcDate(year + 1, 1, 1));
      const share = inYear.reduce((sum, w) => sum + w.days, 0) / yearDays;
      const pick = () => {
        let r = rng.int(0, inYear.reduce((sum, w) => sum + w.days, 0) - 1);
        const window = inYear.find((w) => (r -= w.days) < 0) ?? inYear[0]!;
        return { window, on: dayIn(window) };
      };
      const plan = redPlan(year);
      // ctx.activity > 1 (the prefecture generator) draws the year's reds that many times and
      // multiplies the yellow and black rates: more entries, the same proportions.
      // A fractional part adds one more draw with that probability (never drawn at 1: the demo's rows stay).
      const rounds = Math.floor(ctx.activity) + (ctx.activity % 1 > 0 && rng.chance(ctx.activity % 1) ? 1 : 0);
      let reds = household.featured ? 2 + rng.poisson(1.5 * share) : 0;
      for (let round = 0; !household.featured && round < rounds; round++) {
        reds += rng.chance(Math.min(0.95, plan.share * propensity * share)) ? 1 + rng.poisson(plan.extra) : 0;
      }
      const yellows = rng.poisson((household.featured ? 0.02 : YELLOW_RATE * trouble * village.activity) * share * ctx.activity);
      const blacks = household.featured ? 0 : rng.poisson(BLACK_RATE * trouble * share * ctx.activity);
      for (let k = 0; k < reds; k++) planned.push({ category: "RED", ...pick() });
      for (let k = 0; k < yellows; k++) planned.push({ category: "YELLOW", ...pick() });
      for (let k = 0; k < blacks; k++) planned.push({ category: "BLACK", ...pick() });
    }
    // The demo household has a corrected yellow five quarters back, two reds in the last ended
    // quarter (under review in the village whose review is still open) and a red awaiting review.
    if (household.featured) {
      const forced: [number, Category][] = [[periods.length - 6, "YELLOW"], [periods.length - 2, "RED"], [periods.length - 2, "RED"], [periods.length - 1, "RED"]];
      for (const [index, category] of forced) {
        const window = own.find((w) => w.period === periods[Math.max(0, index)]);
        if (window) planned.push({ category, window, on: dayIn(window) });
      }
    }
    planned.sort((a, b) => a.on.getTime() - b.on.getTime());
    for (const p of planned) add(household, p.window, p.category, p.on);
  }
  // A small demo township could leave a village without any entry in a quarter, and so without
  // a review: every ended quarter gets at least one red (never needed at the default size).
  const counted = new Set(drafts.map((d) => d.period));
  for (const period of periods.slice(0, -1)) {
    if (counted.has(period)) continue;
    const candidates = village.households.flatMap((h) => {
      const window = windows.get(h)?.find((w) => w.period === period);
      return window && h.row.status === "ACTIVE" ? [{ h, window }] : [];
    });
    if (candidates.length === 0) continue;
    const { h, window } = rng.pick(candidates);
    add(h, window, "RED", dayIn(window));
  }
  return drafts;
}

function draftEntry(
  ctx: SeedContext, rng: Rng, village: VillageData, household: HouseholdInfo, period: Period,
  category: Category, occurredOn: Date, n: number,
): Draft | null {
  const year = occurredOn.getUTCFullYear(); // members' ages in the year of the entry
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
