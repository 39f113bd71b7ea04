import { hashDemoPassword, townshipAccounts, villageStaff } from "./accounts";
import { villageAwards } from "./awards";
import { buildChains } from "./chain";
import { createContext, type VillageData } from "./context";
import { dueProcess } from "./due-process";
import { draftEntries, periodsOf } from "./entries";
import { buildHouseholds } from "./households";
import { reviewVillage } from "./reviews";
import { buildRuleSets } from "./rules";
import { scoreRows } from "./scores";
import { asVersion, townshipSettings } from "./settings";
import { atBeijing, utcDate } from "./time";
import type { SeedData, TownshipRow, VillageRow } from "./types";
import { TOWNSHIP, VILLAGES, householdsPerVillage } from "./villages";

export type GenerateOptions = { households: number; seed: string; today: string };

/** Builds every row of the demo township in memory, village by village. */
export async function generate(
  options: GenerateOptions,
  onVillage: (done: number, total: number) => void = () => {},
): Promise<SeedData> {
  const ctx = createContext(options.seed, options.today);
  const passwordHash = await hashDemoPassword(ctx.seedKey);
  const setUp = atBeijing(utcDate(2018, 11, 1), 9);
  const township: TownshipRow = {
    id: ctx.uuid(`township:${TOWNSHIP.code}`, setUp), ...TOWNSHIP, createdAt: setUp, updatedAt: setUp,
  };
  const accounts = townshipAccounts(ctx, township.id, passwordHash);
  const officials = accounts.filter((a) => a.role === "TOWNSHIP_OFFICIAL");
  const settings = townshipSettings(ctx, township.id, officials[0]?.id ?? null);
  const versions = settings.map(asVersion);
  const data: SeedData = {
    Township: [township], TownshipSettings: settings, HouseholdScore: [], CivilizedFamilyAward: [], Village: [], VillagerGroup: [],
    Household: [], Member: [], Account: accounts, RuleSet: [], Rule: [], RuleSetVote: [], RuleSetVoteRosterMember: [],
    RuleSetBallot: [], QuarterlyReview: [], ReviewRosterMember: [], ReviewItem: [], ReviewAttendance: [], ReviewBallot: [], Entry: [],
    EntryEvent: [], ReviewBallotException: [], ReviewEntryResult: [], Rectification: [], Appeal: [],
  };
  const sizes = householdsPerVillage(ctx.rng.fork("sizes"), options.households);

  for (const [index, spec] of VILLAGES.entries()) {
    const rng = ctx.rng.fork(`village:${spec.code}`);
    const village: VillageRow = {
      id: ctx.uuid(`village:${spec.code}`, setUp), townshipId: township.id, code: spec.code,
      name: spec.name, kind: spec.kind, createdAt: setUp, updatedAt: setUp,
    };
    const { groups, households } = buildHouseholds(ctx, rng.fork("households"), spec, village, sizes[index] ?? 1);
    const { clerks, reps } = villageStaff(ctx, rng.fork("staff"), spec, village, households, passwordHash);
    const ruled = buildRuleSets(ctx, rng.fork("rules"), spec, village, groups.length, { clerks, reps });
    const vd: VillageData = {
      spec, row: village, groups, households, clerks, reps, rules: ruled.versions.at(-1)?.rules ?? [], ruleVersions: ruled.versions,
      activity: 0.75 + 0.5 * rng.float(),
    };
    const periods = periodsOf(ctx, rng.fork("periods"));
    const drafts = draftEntries(ctx, rng.fork("entries"), vd, periods);
    const reviewed = reviewVillage(ctx, rng.fork("reviews"), vd, periods, drafts, versions);
    const settled = dueProcess(ctx, rng.fork("due-process"), vd, drafts, passwordHash);
    buildChains(households.map((h) => h.row), drafts, settled);
    const scores = scoreRows(ctx, township.id, households.map((h) => h.row), drafts, versions);
    data.HouseholdScore.push(...scores);
    data.CivilizedFamilyAward.push(...villageAwards(ctx, rng.fork("awards"), vd, drafts, reviewed.reviews, periods, versions, officials));

    data.Village.push(village);
    data.VillagerGroup.push(...groups);
    for (const h of households) {
      data.Household.push(h.row);
      data.Member.push(...h.members);
    }
    data.Account.push(...clerks, ...reps, ...settled.accounts);
    data.RuleSet.push(...ruled.versions.map((v) => v.row));
    data.Rule.push(...ruled.versions.flatMap((v) => v.rules.map((r) => r.row)));
    data.RuleSetVote.push(...ruled.votes);
    data.RuleSetVoteRosterMember.push(...ruled.roster);
    data.RuleSetBallot.push(...ruled.ballots);
    data.QuarterlyReview.push(...reviewed.reviews);
    data.ReviewRosterMember.push(...reviewed.roster);
    data.ReviewItem.push(...reviewed.items);
    data.ReviewAttendance.push(...reviewed.attendance);
    data.ReviewBallot.push(...reviewed.ballots);
    data.ReviewBallotException.push(...reviewed.exceptions);
    data.ReviewEntryResult.push(...reviewed.results);
    for (const d of drafts) {
      data.Entry.push(d.row);
      data.EntryEvent.push(...d.events);
    }
    data.Rectification.push(...settled.rectifications);
    data.Appeal.push(...settled.appeals);
    onVillage(index + 1, VILLAGES.length);
  }
  return data;
}
