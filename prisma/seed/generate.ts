import { hashDemoPassword, townshipAccounts, villageStaff } from "./accounts";
import { villageAwards } from "./awards";
import { buildChains } from "./chain";
import { createContext, type ContextOptions, type VillageData } from "./context";
import { dueProcess } from "./due-process";
import { draftEntries, periodsOf } from "./entries";
import { buildHouseholds } from "./households";
import { reviewVillage } from "./reviews";
import { buildRuleSets } from "./rules";
import { scoreRows } from "./scores";
import { asVersion, townshipSettings } from "./settings";
import { atBeijing, utcDate } from "./time";
import { TABLE_ORDER, type SeedData, type TownshipRow, type VillageRow } from "./types";
import { householdsPerVillage } from "./villages";

export type GenerateOptions = { households: number; seed: string; today: string } & ContextOptions;

/** A part of the rows to write: the township's own rows first, then one village's at a time. */
export type SeedBatch = { data: SeedData; village: string | null };

export function emptySeedData(): SeedData {
  return Object.fromEntries(TABLE_ORDER.map((table) => [table, []])) as unknown as SeedData;
}

/** Appends one batch's rows to `into` (a loop, not push(...rows): a large batch would overflow the stack). */
export function appendSeedData(into: SeedData, batch: SeedData): void {
  for (const table of TABLE_ORDER) {
    const target = into[table] as unknown[];
    for (const row of batch[table] as unknown[]) target.push(row);
  }
}

/**
 * Generates the rows of one township, the township's own rows (township, settings, officials)
 * first and then village by village, so that a writer can write each village and let it go:
 * memory stays that of one village, whatever the number of households.
 */
export async function* generateBatches(options: GenerateOptions): AsyncGenerator<SeedBatch> {
  const ctx = createContext(options.seed, options.today, options);
  const passwordHash = await hashDemoPassword(ctx.seedKey);
  const setUp = atBeijing(utcDate(2018, 11, 1), 9);
  const { code, name, county } = ctx.township;
  const township: TownshipRow = { id: ctx.uuid(`township:${code}`, setUp), code, name, county, createdAt: setUp, updatedAt: setUp };
  const accounts = townshipAccounts(ctx, township.id, passwordHash);
  const officials = accounts.filter((a) => a.role === "TOWNSHIP_OFFICIAL");
  const settings = townshipSettings(ctx, township.id, officials[0]?.id ?? null);
  const versions = settings.map(asVersion);
  const own = emptySeedData();
  own.Township.push(township);
  own.TownshipSettings.push(...settings);
  own.Account.push(...accounts);
  yield { data: own, village: null };

  const sizes = householdsPerVillage(ctx.rng.fork("sizes"), options.households, ctx.township.villages);
  for (const [index, spec] of ctx.township.villages.entries()) {
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
    const events = [];
    for (const d of drafts) for (const e of d.events) events.push(e);
    const data: SeedData = {
      ...emptySeedData(),
      HouseholdScore: scoreRows(ctx, township.id, households.map((h) => h.row), drafts, versions),
      CivilizedFamilyAward: villageAwards(ctx, rng.fork("awards"), vd, drafts, reviewed.reviews, periods, versions, officials),
      Village: [village],
      VillagerGroup: groups,
      Household: households.map((h) => h.row),
      Member: households.flatMap((h) => h.members),
      Account: [...clerks, ...reps, ...settled.accounts],
      RuleSet: ruled.versions.map((v) => v.row),
      Rule: ruled.versions.flatMap((v) => v.rules.map((r) => r.row)),
      RuleSetVote: ruled.votes,
      RuleSetVoteRosterMember: ruled.roster,
      RuleSetBallot: ruled.ballots,
      QuarterlyReview: reviewed.reviews,
      ReviewRosterMember: reviewed.roster,
      ReviewItem: reviewed.items,
      ReviewAttendance: reviewed.attendance,
      ReviewBallot: reviewed.ballots,
      ReviewBallotException: reviewed.exceptions,
      ReviewEntryResult: reviewed.results,
      Entry: drafts.map((d) => d.row),
      EntryEvent: events,
      Rectification: settled.rectifications,
      Appeal: settled.appeals,
    };
    yield { data, village: spec.name };
  }
}

/** Every row of one township in memory (tests and small townships; the seed writes batch by batch). */
export async function generate(options: GenerateOptions): Promise<SeedData> {
  const data = emptySeedData();
  for await (const batch of generateBatches(options)) appendSeedData(data, batch.data);
  return data;
}
