import type { EligibilityEntry } from "../../lib/domain/eligibility";
import { householdYearRow, rowIneligibility, type ScoreRow } from "../../lib/domain/household-scores";
import type { EntryStatus } from "../../lib/domain/scoring";
import { versionForYear, type SettingsVersion } from "../../lib/domain/township-settings";
import type { SeedContext, VillageData } from "./context";
import type { Draft, Period } from "./entries";
import type { Rng } from "./random";
import { addDays, addMinutes, atBeijing, beijingDay, day, officeHoursAfter } from "./time";
import type { AccountRow, AwardRow, ReviewRow } from "./types";

// The civilized-family selection (文明家庭评选) of every ended year (DESIGN.md "Civilized family
// selection"), made as the app allows it (lib/server/selection): the season opens on 1 December,
// but the village waits for its fourth-quarter review to close (in January), so that no red,
// yellow or black of the year is still pending. Within ten days of that, its clerks nominate most
// of the households eligible at that moment, each with a note; a township official decides the
// village's list a few days later — awarding a household only if it is still eligible then and
// none of its entries of the year is pending, declining a few with a reason — and the decision
// stores the score row it was judged on. Each judgement replays the household's entries as they
// stood at that instant (later appeals and rectifications do not count yet) through the app's
// own functions (householdYearRow, householdScoreRows' row of that one year; rowIneligibility,
// versionForYear). The running year has no nominations yet, nor has a year whose fourth-quarter
// review is still open.

/** Share of the eligible households a village nominates (some are overlooked or decline to be put forward). */
const NOMINATED_SHARE = 0.9;
/** Share of the nominations still eligible at the decision that the township awards. */
const AWARDED_SHARE = 0.975;

const NOTES = [
  "全年记红榜{reds}次，无黑榜、无未整改黄榜，经理事会研究推荐",
  "家庭和睦、热心公益，年内记红榜{reds}次，理事会一致同意推荐",
  "积极参与村组公益活动，年内红榜{reds}次，群众评价好，推荐为文明家庭",
  "孝老爱亲、邻里和睦，年内红榜{reds}次，经村民小组推荐、理事会审核同意",
  "遵纪守法、勤劳致富，年内记红榜{reds}次，推荐参评文明家庭",
] as const;
const DECLINE_REASONS = [
  "经镇文明办入户复核，该户年内有尚未调处完毕的邻里纠纷，本年度暂不授予",
  "评审会议期间群众反映该户存在违规建房问题，经核实属实，本年度暂不授予",
  "该户户主已于年底迁往外地居住，经本人同意本年度不再参评",
  "经镇评审会议研究，该户推荐材料与实际情况有出入，本年度暂不授予",
] as const;
/** Declining a nomination the household no longer qualifies for at the decision. */
const NO_LONGER_ELIGIBLE = "经镇评审会议复核，该户推荐后档案记录有变动，已不符合文明家庭评选条件，本年度不予授予";

/** A household's entries as they stood at `at`: recorded by then, each in the status of its last event by then. */
export function entriesAsOf(drafts: readonly Draft[], at: Date): EligibilityEntry[] {
  const entries: EligibilityEntry[] = [];
  for (const d of drafts) {
    if (d.row.recordedAt > at) continue;
    let status: EntryStatus = "PENDING";
    let last: Date | null = null;
    let rectifiedOn: Date | null = null;
    for (const e of d.events) {
      if (e.createdAt > at) continue;
      if (!last || e.createdAt >= last) {
        status = e.toStatus;
        last = e.createdAt;
      }
      // As prisma/seed/scores.ts and the app: the day a CONFIRMED yellow was rectified.
      if (e.type === "RECTIFIED" && e.fromStatus === "CONFIRMED" && (!rectifiedOn || beijingDay(e.createdAt) >= rectifiedOn)) {
        rectifiedOn = beijingDay(e.createdAt);
      }
    }
    entries.push({ category: d.row.category, status, marks: d.row.marks, occurredOn: d.row.occurredOn, rectifiedOn });
  }
  return entries;
}

type Judgement = { row: Pick<ScoreRow, "redMarks" | "activeYellowMarks" | "blackMarks" | "unrectifiedYellows">; settings: SettingsVersion; eligible: boolean; pending: boolean };

/** How the app judges a household for `year` at `at`: its score row of that moment under the year's settings, and whether an entry of the year is pending. */
function judge(drafts: readonly Draft[], versions: readonly SettingsVersion[], year: number, at: Date): Judgement {
  const today = day(beijingDay(at));
  const entries = entriesAsOf(drafts, at);
  const settings = versionForYear(versions, year, today);
  const row = householdYearRow(entries, versions, today, year) ?? { redMarks: 0, activeYellowMarks: 0, blackMarks: 0, unrectifiedYellows: 0 };
  return {
    row, settings,
    eligible: rowIneligibility(row, settings.civilizedMinReds).length === 0,
    pending: entries.some((e) => e.status === "PENDING" && e.occurredOn.getUTCFullYear() === year),
  };
}

/**
 * The nominations and decisions of one village for every ended year, from its entries (with
 * their events), its reviews and the quarters' meeting days. `officials` are the township's officials.
 */
export function villageAwards(
  ctx: SeedContext, rng: Rng, village: VillageData, drafts: readonly Draft[], reviews: readonly ReviewRow[], periods: readonly Period[],
  versions: readonly SettingsVersion[], officials: readonly AccountRow[],
): AwardRow[] {
  const latest = addMinutes(ctx.now, -60);
  const awards: AwardRow[] = [];
  const byHousehold = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = byHousehold.get(d.row.householdId) ?? [];
    list.push(d);
    byHousehold.set(d.row.householdId, list);
  }
  for (let year = ctx.launch.getUTCFullYear(); year < ctx.today.getUTCFullYear(); year++) {
    // The fourth quarter's review closes the year's records; without entries that quarter there
    // was none, and its planned meeting day stands in.
    const q4 = reviews.find((r) => r.year === year && r.quarter === 4);
    const meeting = periods.find((p) => p.q.year === year && p.q.quarter === 4)?.meeting;
    if (q4 ? q4.status !== "CLOSED" : !meeting) continue; // still under review
    const closed = q4?.closedAt ?? atBeijing(meeting!, 12);
    // The township decides the village's list on one day, after its nominations are all in.
    const decidedAt = atBeijing(addDays(beijingDay(closed), rng.int(12, 20)), rng.int(9, 16), rng.int(0, 59));
    const official = rng.pick(officials);
    for (const h of village.households) {
      // The app nominates only an ACTIVE household (lib/server/selection/nominate.ts). The seed
      // keeps no date of a status change, so a household no longer ACTIVE is left out of every
      // year's selection, not only the years after it moved out or became inactive.
      if (h.row.status !== "ACTIVE") continue;
      const own = byHousehold.get(h.row.id) ?? [];
      if (own.length === 0 || !rng.chance(NOMINATED_SHARE)) continue;
      const nominatedAt = officeHoursAfter(rng, closed, 1, 10);
      if (nominatedAt >= latest) continue; // the season is still running
      const atNomination = judge(own, versions, year, nominatedAt);
      if (!atNomination.eligible) continue;
      const clerk = rng.pick(village.clerks.filter((c) => c.homeHouseholdId !== h.row.id));
      const award: AwardRow = {
        id: ctx.uuid(`award:${h.row.id}:${year}`, nominatedAt), townshipId: village.row.townshipId,
        householdId: h.row.id, year, status: "NOMINATED", nominatedById: clerk.id, nominatedAt,
        note: rng.pick(NOTES).replace("{reds}", String(atNomination.row.redMarks)),
        decidedById: null, decidedAt: null, decisionReason: null, settingsId: null, assessment: null,
      };
      awards.push(award);
      if (decidedAt >= latest) continue;
      const atDecision = judge(own, versions, year, decidedAt);
      const awarded = atDecision.eligible && !atDecision.pending && rng.chance(AWARDED_SHARE);
      const { settings, row } = atDecision;
      Object.assign(award, {
        status: awarded ? "AWARDED" : "DECLINED", decidedById: official.id, decidedAt,
        decisionReason: awarded ? null : atDecision.eligible ? rng.pick(DECLINE_REASONS) : NO_LONGER_ELIGIBLE,
        settingsId: settings.id,
        assessment: {
          redMarks: row.redMarks, activeYellowMarks: row.activeYellowMarks, blackMarks: row.blackMarks,
          unrectifiedYellows: row.unrectifiedYellows, civilizedMinReds: settings.civilizedMinReds,
          reasons: rowIneligibility(row, settings.civilizedMinReds),
        },
      } satisfies Partial<AwardRow>);
    }
  }
  return awards;
}
