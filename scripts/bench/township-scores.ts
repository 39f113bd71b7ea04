// `npm run bench:township-scores` (option: --households N, default 13,600)
//
// Times what reads and writes the maintained scores on a whole demo township, on a database of
// its own (a new database on the server of TEST_DATABASE_URL or DATABASE_URL when set, otherwise
// an in-memory embedded one), dropped at the end: the check against the chains, a settings change
// effective today (re-weighing the running year), and ranking pages as an official sees them.
import { parseArgs } from "node:util";
import { chinaToday } from "@/lib/domain/entry-date";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { createFreshDatabase } from "../../tests/helpers/fresh-database";
import { applyMigrations } from "../db/migrate";
import { time } from "./time";

const { values } = parseArgs({ options: { households: { type: "string", default: "13600" } } });
const households = Number(values.households);

const database = await createFreshDatabase("bench");
try {
  await time(`migrate + seed (${households.toLocaleString("en")} households, 2019–today)`, async () => {
    await applyMigrations(database.url);
    await seedDemo(database.url, { households, today: chinaToday(new Date()), quiet: true });
  });
  process.env.DATABASE_URL = database.url;
  // Loaded once DATABASE_URL points at the new database (lib/env.ts reads it once).
  const { db } = await import("@/lib/server/db");
  const { unsafeVerifyScores } = await import("@/lib/server/scores/verify-scores");
  const { changeTownshipSettings } = await import("@/lib/server/township-settings/change-settings");
  const { settingsInForce } = await import("@/lib/server/township-settings/settings-versions");
  const { getRankings } = await import("@/lib/server/rankings/get-rankings");
  const { actorOf, testContext } = await import("../../tests/helpers/review-village");

  const rows = await db.householdScore.count();
  const check = await time(`verify:scores (${rows.toLocaleString("en")} score rows)`, () => unsafeVerifyScores());
  if (check.mismatchTotal) throw new Error(`${check.mismatchTotal} score rows differ from the chains`);

  const official = await actorOf("official");
  const year = Number(chinaToday(new Date()).slice(0, 4));
  await time(`ranking ${year}, township, page 1 of 50`, () => getRankings(official, { year, page: 1, pageSize: 50 }));
  await time("ranking all time, township, page 100 of 50", () => getRankings(official, { year: "all", page: 100, pageSize: 50 }));
  await time(`ranking ${year}, search "张"`, () => getRankings(official, { year, q: "张", page: 1, pageSize: 50 }));

  const { id: _id, effectiveFrom: _from, ...current } = await settingsInForce(db, official.townshipId!, chinaToday(new Date()));
  const result = await time("settings change effective today (re-weighing)", () => changeTownshipSettings(
    official, { ...current, weightRed: current.weightRed + 1, effectiveFrom: chinaToday(new Date()), reason: "基准测试" }, testContext));
  console.log(`  ${result.refreshedHouseholds.toLocaleString("en")} households re-weighed`);
  const after = await time("verify:scores after the change", () => unsafeVerifyScores());
  if (after.mismatchTotal) throw new Error(`${after.mismatchTotal} score rows differ from the chains after the change`);
  await db.$disconnect();
} finally {
  await database.drop();
}
