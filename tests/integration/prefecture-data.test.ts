// The prefecture generator of `npm run bench:data` (scripts/bench/load-prefecture.ts): how it
// splits the households into townships, and (on a PostgreSQL server: COPY) that a small
// two-township prefecture loads with intact chains, matching score rows and its own staff.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_TOWNSHIP_HOUSEHOLDS, prefectureTownship, splitPrefecture, TOWNSHIP_HOUSEHOLDS } from "../../prisma/seed/prefecture";
import { loadPrefecture } from "../../scripts/bench/load-prefecture";
import { createFreshDatabase, testServerUrl, type FreshDatabase } from "../helpers/fresh-database";

describe("splitPrefecture", () => {
  it("makes ceil(N / 13,600) townships of at most 13,600 households, as even as can be", () => {
    expect(splitPrefecture(13_600)).toEqual([13_600]);
    expect(splitPrefecture(13_601)).toEqual([6_801, 6_800]);
    const prefecture = splitPrefecture(1_000_000);
    expect(prefecture).toHaveLength(74);
    expect(prefecture.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(Math.max(...prefecture)).toBeLessThanOrEqual(TOWNSHIP_HOUSEHOLDS);
    expect(Math.max(...prefecture) - Math.min(...prefecture)).toBeLessThanOrEqual(1);
  });

  it("refuses fewer households than a township of ten per village", () => {
    expect(() => splitPrefecture(MIN_TOWNSHIP_HOUSEHOLDS - 1)).toThrow(/at least/);
  });

  it("keeps the demo township first and gives the others their own codes and sign-in names", () => {
    expect(prefectureTownship(0)).toMatchObject({ code: "JS", name: "夹山镇", accountPrefix: "", hasAdmin: true });
    expect(prefectureTownship(1)).toMatchObject({ code: "T002", accountPrefix: "t002-", hasAdmin: false });
    expect(new Set(Array.from({ length: 74 }, (_, i) => prefectureTownship(i).code)).size).toBe(74);
  });
});

describe.skipIf(!testServerUrl())("loadPrefecture (PostgreSQL server)", () => {
  let database: FreshDatabase;
  const options = { households: 400, perTownship: 200, seed: "7", today: "2026-11-20", activity: 2 };

  beforeAll(async () => {
    database = await createFreshDatabase("prefecture");
    await loadPrefecture(database.url, options, () => {});
  });
  afterAll(() => database?.drop());

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("writes two townships with their own staff, the demo accounts in the first", async () => {
    const townships = await query<{ code: string; households: number }>(
      `SELECT t.code, count(h.id)::int AS households FROM "Township" t JOIN "Village" v ON v."townshipId" = t.id
       JOIN "Household" h ON h."villageId" = v.id GROUP BY t.code ORDER BY t.code`);
    expect(townships).toEqual([{ code: "JS", households: 200 }, { code: "T002", households: 200 }]);
    const names = (await query<{ username: string }>(`SELECT username FROM "Account"`)).map((a) => a.username);
    expect(names).toEqual(expect.arrayContaining(["admin", "official", "clerk-xinhua", "rep-xinhua-1", "t002-official", "t002-clerk-xinhua"]));
    expect(names).not.toContain("t002-admin");
  });

  it("puts back every foreign key and index the migrations made", async () => {
    const [counts] = await query<{ fks: number; indexes: number }>(
      `SELECT (SELECT count(*)::int FROM pg_constraint WHERE contype = 'f') AS fks,
              (SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'public') AS indexes`);
    const reference = await createFreshDatabase("prefecture_ref");
    try {
      const { applyMigrations } = await import("../../scripts/db/migrate");
      await applyMigrations(reference.url);
      const client = new pg.Client({ connectionString: reference.url });
      await client.connect();
      const { rows: [expected] } = await client.query(
        `SELECT (SELECT count(*)::int FROM pg_constraint WHERE contype = 'f') AS fks,
                (SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'public') AS indexes`);
      await client.end();
      expect(counts).toEqual(expected);
    } finally {
      await reference.drop();
    }
    // The foreign keys, added NOT VALID and then validated on two connections, are all checked.
    const unchecked = await query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE NOT convalidated`);
    expect(unchecked).toEqual([]);
  });

  it("leaves intact chains and score rows that match them, checked by the app's verifiers", async () => {
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
    const { unsafeVerifyChains } = await import("@/lib/server/chain/verify-chains");
    const { unsafeVerifyScores } = await import("@/lib/server/scores/verify-scores");
    const { db } = await import("@/lib/server/db");
    try {
      const chains = await unsafeVerifyChains({});
      expect(chains.brokenTotal).toBe(0);
      expect(chains.households).toBe(400);
      expect((await unsafeVerifyScores()).mismatchTotal).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a database that already has data", async () => {
    await expect(loadPrefecture(database.url, options, () => {})).rejects.toThrow(/already has data/);
  });
});
