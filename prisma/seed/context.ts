import { Rng, stableUuid } from "./random";
import { atBeijing, parseDay, utcDate } from "./time";
import type { AccountRow, GroupRow, HouseholdRow, MemberRow, RuleRow, VillageRow } from "./types";
import { DEMO_TOWNSHIP, type TownshipSpec, type VillageSpec } from "./villages";
import type { RuleTemplate } from "./rule-catalogue";

/** What every generator needs: the PRNG, the stable-id function and the seed's clock. */
export type SeedContext = {
  seedKey: string;
  rng: Rng;
  /** The seed's "today" (UTC midnight). Entries occur before it. */
  today: Date;
  /** The seed's "now": 08:00 Beijing time on today. Every generated timestamp is before it. */
  now: Date;
  /** The archive started on 2019-01-01 (DESIGN.md). */
  launch: Date;
  uuid: (key: string, at: Date) => string;
  township: TownshipSpec;
  /**
   * How many times each household's marks of a year are drawn (1 for the demo township; 3.5:
   * three or four times, half and half, the yellow and black rates times 3.5): the
   * prefecture generator raises it for about ten entries per household, keeping the demo's
   * proportions of categories and statuses.
   */
  activity: number;
};

export type ContextOptions = { township?: TownshipSpec; activity?: number };

export function createContext(seed: string, today: string, options: ContextOptions = {}): SeedContext {
  const todayDate = parseDay(today);
  const township = options.township ?? DEMO_TOWNSHIP;
  const activity = options.activity ?? 1;
  if (!Number.isFinite(activity) || activity < 1) throw new Error(`activity must be a number of at least 1, got ${activity}`);
  // The demo township keeps the key it always had, so its rows stay the same; every other
  // township gets its own, so that its ids and draws differ.
  const seedKey = township.code === DEMO_TOWNSHIP.code ? `jiashan-demo:${seed}` : `jiashan-demo:${seed}:${township.code}`;
  if (todayDate.getTime() < utcDate(2020, 1, 1).getTime()) {
    throw new Error("--today must be 2020-01-01 or later (the archive started in 2019)");
  }
  return {
    seedKey,
    rng: new Rng(seedKey),
    today: todayDate,
    now: atBeijing(todayDate, 8),
    launch: utcDate(2019, 1, 1),
    uuid: (key, at) => stableUuid(seedKey, key, at),
    township,
    activity,
  };
}

export type HouseholdInfo = {
  row: HouseholdRow;
  members: MemberRow[];
  head: MemberRow;
  registered: Date;
  /** The demo household of its village (serial 00001): a fuller history and a sign-in. */
  featured: boolean;
  /** How active the household is (multiplies the entry rate). */
  activity: number;
  account?: AccountRow;
};

export type RuleInfo = { row: RuleRow; template: RuleTemplate };

export type VillageData = {
  spec: VillageSpec;
  row: VillageRow;
  groups: GroupRow[];
  households: HouseholdInfo[];
  clerks: AccountRow[];
  reps: AccountRow[];
  /** The rules adopted last. */
  rules: RuleInfo[];
  /** Every adopted version and the days it was in force (`to` exclusive): entries cite the rules of their day. */
  ruleVersions: { rules: RuleInfo[]; from: Date; to: Date | null }[];
  /** Entry rate of the village relative to the town's average. */
  activity: number;
};
