import { isDeepStrictEqual } from "node:util";
import { verify } from "@node-rs/argon2";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain, type StoredLink } from "../../lib/domain/hash-chain";
import { chinaToday } from "../../lib/domain/entry-date";
import { nextStatus, transitions, type Transition } from "../../lib/domain/entry-lifecycle";
import type { EligibilityEntry } from "../../lib/domain/eligibility";
import { householdScoreRows, rowIneligibility } from "../../lib/domain/household-scores";
import { quarterOf } from "../../lib/domain/quarter";
import type { Category, EntryStatus } from "../../lib/domain/scoring";
import { versionForYear, versionOn, type SettingsVersion } from "../../lib/domain/township-settings";
import { EnterPaperBallotSchema } from "../../lib/schemas/reviews";
import { entryChainRecord, eventChainRecord } from "../../lib/server/chain/chain-records";
import { createContext } from "../../prisma/seed/context";
import { DEMO_PASSWORD, demoAccounts } from "../../prisma/seed/demo-accounts";
import type { Draft } from "../../prisma/seed/entries";
import { generate } from "../../prisma/seed/generate";
import { demoFigures2020, formatFigures2020, TOWN_REPORTED_2020 } from "../../prisma/seed/report";
import { event } from "../../prisma/seed/reviews";
import { DEFAULT_HOUSEHOLDS, DEFAULT_SEED, seedDemo, type SeedSummary } from "../../prisma/seed/seed-demo";
import { asVersion } from "../../prisma/seed/settings";
import type { EntryRow, EventRow } from "../../prisma/seed/types";
import { applyMigrations } from "../../scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

const OPTIONS = { households: 600, seed: "seed-test", today: "2025-11-20" } as const;

// Prisma's DateTime columns are timestamp(3) holding UTC and DATE columns are calendar dates:
// read both as UTC, whatever the time zone of the machine running the test.
const utcTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === 1114) return (s: string) => new Date(`${s.replace(" ", "T")}Z`);
    if (oid === 1082) return (s: string) => new Date(`${s}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

let database: FreshDatabase;
let client: pg.Client;
let summary: SeedSummary;
const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const settingsVersions = async (): Promise<SettingsVersion[]> =>
  (await q<Omit<SettingsVersion, "effectiveFrom"> & { effectiveFrom: Date }>(
    `SELECT id, "effectiveFrom", "weightRed", "weightYellow", "weightBlack", "civilizedMinReds", "noticePeriodDays",
            "noticeHidesNegativeDetail", "honourBoardEnabled", "extractValidityDays" FROM "TownshipSettings" ORDER BY "effectiveFrom"`,
  )).map((v) => ({ ...v, effectiveFrom: dayOf(v.effectiveFrom) }));
type StoredScore = { householdId: string; year: number; redMarks: number; activeYellowMarks: number; blackMarks: number; unrectifiedYellows: number; score: number; settingsId: string | null };
const storedScores = () => q<StoredScore>(
  `SELECT "householdId", year, "redMarks", "activeYellowMarks", "blackMarks", "unrectifiedYellows", score, "settingsId" FROM "HouseholdScore"`);

// The civilized-family selection, checked as the app judges it (lib/server/selection): a household's
// entries replayed to the instant of each nomination and decision — recorded by then, each in the
// status of its last event by then (PENDING before any) — give the score row of that moment.
type ReplayEntry = { id: string; householdId: string; category: Category; marks: number; occurredOn: Date; recordedAt: Date };
type ReplayEvent = { entryId: string; type: string; fromStatus: EntryStatus; toStatus: EntryStatus; createdAt: Date; chainSeq: number };
type Judged = { row: Pick<StoredScore, "redMarks" | "activeYellowMarks" | "blackMarks" | "unrectifiedYellows">; settings: SettingsVersion; pending: boolean };
type StoredAward = {
  householdId: string; year: number; status: string; nominatedAt: Date; decidedById: string | null; decidedAt: Date | null;
  settingsId: string | null; assessment: unknown;
};

function replayableArchive(entries: readonly ReplayEntry[], events: readonly ReplayEvent[]) {
  const eventsOf = new Map<string, ReplayEvent[]>();
  for (const e of events) eventsOf.set(e.entryId, [...(eventsOf.get(e.entryId) ?? []), e]);
  for (const list of eventsOf.values()) list.sort((a, b) => a.chainSeq - b.chainSeq);
  const entriesOf = new Map<string, ReplayEntry[]>();
  for (const e of entries) entriesOf.set(e.householdId, [...(entriesOf.get(e.householdId) ?? []), e]);
  const at = (householdId: string, instant: Date) => (entriesOf.get(householdId) ?? [])
    .filter((e) => e.recordedAt.getTime() <= instant.getTime())
    .map((e) => {
      const past = (eventsOf.get(e.id) ?? []).filter((ev) => ev.createdAt.getTime() <= instant.getTime());
      const rectified = past.findLast((ev) => ev.type === "RECTIFIED" && ev.fromStatus === "CONFIRMED");
      return {
        category: e.category, marks: e.marks, occurredOn: e.occurredOn, status: past.at(-1)?.toStatus ?? "PENDING",
        rectifiedOn: rectified ? new Date(`${chinaToday(rectified.createdAt)}T00:00:00Z`) : null,
      } satisfies EligibilityEntry;
    });
  return {
    judge(householdId: string, year: number, instant: Date, versions: readonly SettingsVersion[]): Judged {
      const today = chinaToday(instant);
      const list = at(householdId, instant);
      const row = householdScoreRows(list, versions, today).find((r) => r.year === year)
        ?? { redMarks: 0, activeYellowMarks: 0, blackMarks: 0, unrectifiedYellows: 0 };
      return {
        row, settings: versionForYear(versions, year, today),
        pending: list.some((e) => e.status === "PENDING" && e.occurredOn.getUTCFullYear() === year),
      };
    },
  };
}

/**
 * What the app would have refused in the seeded selection: one line per problem. `statuses` are
 * the households' statuses (id → status): nominate() refuses a household not ACTIVE.
 */
function awardProblems(
  awards: readonly StoredAward[], archive: ReturnType<typeof replayableArchive>, versions: readonly SettingsVersion[],
  statuses: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  for (const a of awards) {
    const label = `${a.householdId} ${a.year} ${a.status}`;
    if (chinaToday(a.nominatedAt) < `${a.year}-12-01`) problems.push(`${label}: nominated before the season opened`);
    if (statuses.get(a.householdId) !== "ACTIVE") problems.push(`${label}: nominated though the household is ${statuses.get(a.householdId) ?? "unknown"}`);
    const nominated = archive.judge(a.householdId, a.year, a.nominatedAt, versions);
    const atNomination = rowIneligibility(nominated.row, nominated.settings.civilizedMinReds);
    if (atNomination.length > 0) problems.push(`${label}: not eligible when nominated (${atNomination.map((r) => r.code).join(", ")})`);
    if (a.status === "NOMINATED" || a.status === "WITHDRAWN") {
      if (a.decidedAt || a.decidedById || a.settingsId !== null || a.assessment !== null) problems.push(`${label}: undecided with a decision, settings or assessment`);
      continue;
    }
    if (!a.decidedAt) {
      problems.push(`${label}: decided without a time`);
      continue;
    }
    if (chinaToday(a.decidedAt) <= `${a.year}-12-31`) problems.push(`${label}: decided before the year ended`);
    if (a.decidedAt.getTime() <= a.nominatedAt.getTime()) problems.push(`${label}: decided before it was nominated`);
    const decided = archive.judge(a.householdId, a.year, a.decidedAt, versions);
    const reasons = rowIneligibility(decided.row, decided.settings.civilizedMinReds);
    if (a.status === "AWARDED" && reasons.length > 0) problems.push(`${label}: not eligible when awarded (${reasons.map((r) => r.code).join(", ")})`);
    if (a.status === "AWARDED" && decided.pending) problems.push(`${label}: awarded while an entry of the year was pending`);
    if (a.settingsId !== decided.settings.id) problems.push(`${label}: settings ${a.settingsId} instead of ${decided.settings.id}`);
    const assessment = {
      redMarks: decided.row.redMarks, activeYellowMarks: decided.row.activeYellowMarks, blackMarks: decided.row.blackMarks,
      unrectifiedYellows: decided.row.unrectifiedYellows, civilizedMinReds: decided.settings.civilizedMinReds, reasons,
    };
    if (!isDeepStrictEqual(a.assessment, assessment)) problems.push(`${label}: assessment ${JSON.stringify(a.assessment)} instead of ${JSON.stringify(assessment)}`);
  }
  return problems;
}

beforeAll(async () => {
  database = await createFreshDatabase("seed");
  await applyMigrations(database.url);
  summary = await seedDemo(database.url, { ...OPTIONS, quiet: true });
  client = new pg.Client({ connectionString: database.url, types: utcTypes });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("npm run db:seed", () => {
  it("builds 夹山镇 with its 17 villages and communities and the households asked for", async () => {
    expect(summary.skipped).toBe(false);
    const villages = await q<{ name: string; kind: string }>('SELECT name, kind FROM "Village"');
    expect(villages).toHaveLength(17);
    expect(villages.map((v) => v.name)).toEqual(expect.arrayContaining(["杨坪社区", "新花村", "汉丰村"]));
    expect(new Set(villages.map((v) => v.kind))).toEqual(new Set(["VILLAGE", "COMMUNITY"]));
    const [households] = await q<{ n: number; archive: number; initials: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE "archiveNo" ~ '^JS-[A-Z]+-[0-9]{5}$')::int AS archive,
              count(*) FILTER (WHERE "headInitials" ~ '^[a-z]{2,3}$')::int AS initials FROM "Household"`);
    expect(households).toEqual({ n: OPTIONS.households, archive: OPTIONS.households, initials: OPTIONS.households });
    const badFamilies = await q(
      `SELECT h.id FROM "Household" h JOIN "Member" m ON m."householdId" = h.id GROUP BY h.id
       HAVING count(*) NOT BETWEEN 1 AND 6 OR count(*) FILTER (WHERE m.relation = 'HEAD' AND m.name = h."headName") <> 1`);
    expect(badFamilies).toEqual([]);
  });

  it("gives every village one ADOPTED rule set, voted through with quorum and majority", async () => {
    const rows = await q<{ village: string; adopted: number; total: number; ballots: number; approve: number; reps: number; codes: string[] }>(
      `SELECT v.name AS village, count(DISTINCT rs.id)::int AS adopted, max(vo."representativesTotal") AS total,
              count(b.*)::int AS ballots, count(b.*) FILTER (WHERE b.decision = 'APPROVE')::int AS approve,
              (SELECT count(*)::int FROM "Account" a WHERE a."villageId" = v.id AND a.role = 'REPRESENTATIVE') AS reps,
              (SELECT array_agg(r.code) FROM "Rule" r JOIN "RuleSet" s ON s.id = r."ruleSetId"
                WHERE s."villageId" = v.id AND s.status = 'ADOPTED') AS codes
       FROM "Village" v
       LEFT JOIN "RuleSet" rs ON rs."villageId" = v.id AND rs.status = 'ADOPTED'
       LEFT JOIN "RuleSetVote" vo ON vo."ruleSetId" = rs.id AND vo.passed
       LEFT JOIN "RuleSetBallot" b ON b."voteId" = vo.id
       GROUP BY v.id, v.name`);
    expect(rows).toHaveLength(17);
    for (const r of rows) {
      expect(r.adopted, r.village).toBe(1);
      expect(r.total, r.village).toBe(r.reps);
      expect(r.ballots * 3, r.village).toBeGreaterThanOrEqual(r.total * 2);
      expect(r.approve * 2, r.village).toBeGreaterThan(r.ballots);
      expect(r.codes, r.village).toEqual(expect.arrayContaining(["R01", "R02", "R03", "R04", "Y01", "B01"]));
    }
    const blackRules = await q<{ hint: string | null }>(`SELECT "evidenceHint" AS hint FROM "Rule" WHERE category = 'BLACK'`);
    for (const r of blackRules) expect(r.hint).toMatch(/公安机关或人民法院.*文书编号/);
  });

  it("records entries in every status, reds far more than yellows, yellows more than blacks", async () => {
    const statuses = await q<{ status: string }>('SELECT DISTINCT status FROM "Entry"');
    expect(statuses.map((s) => s.status).sort()).toEqual(["CONFIRMED", "PENDING", "RECTIFIED", "REJECTED", "VOIDED"]);
    const counts = Object.fromEntries(
      (await q<{ category: string; n: number }>('SELECT category, count(*)::int AS n FROM "Entry" GROUP BY 1')).map((r) => [r.category, r.n]),
    );
    expect(counts.BLACK).toBeGreaterThanOrEqual(1);
    expect(counts.RED).toBeGreaterThan(5 * (counts.YELLOW ?? 0));
    expect(counts.YELLOW).toBeGreaterThan(3 * (counts.BLACK ?? 0));
    const unsupportedBlacks = await q(
      `SELECT id FROM "Entry" WHERE category = 'BLACK' AND (coalesce("legalAuthority", '') = '' OR coalesce("legalDocumentNo", '') = '')`);
    expect(unsupportedBlacks).toEqual([]);
  });

  it("copies category and marks from the rule and dates entries inside the household's archive", async () => {
    const entries = await q<{ occurredOn: Date; year: number; quarter: number; recordedAt: Date; registeredOn: Date; same: boolean }>(
      `SELECT e."occurredOn", e.year, e.quarter, e."recordedAt", h."registeredOn",
              (e.category = r.category AND e.marks = r.marks AND e."villageId" = h."villageId") AS same
       FROM "Entry" e JOIN "Rule" r ON r.id = e."ruleId" JOIN "Household" h ON h.id = e."householdId"`);
    const today = new Date(`${OPTIONS.today}T00:00:00Z`);
    for (const e of entries) {
      expect(e.same).toBe(true);
      expect(quarterOf(e.occurredOn)).toEqual({ year: e.year, quarter: e.quarter });
      expect(e.occurredOn.getTime()).toBeGreaterThanOrEqual(e.registeredOn.getTime());
      expect(e.occurredOn.getTime()).toBeLessThan(today.getTime());
      expect(e.recordedAt.getTime()).toBeGreaterThanOrEqual(e.occurredOn.getTime());
      expect(e.recordedAt.getTime()).toBeLessThan(today.getTime());
    }
  });

  it("closes each past quarter's review with quorum and results that follow from the ballots", async () => {
    const reviews = await q<{ id: string; status: string; total: number | null; present: number; ballots: number }>(
      `SELECT r.id, r.status, r."representativesTotal" AS total,
              (SELECT count(*)::int FROM "ReviewAttendance" a WHERE a."reviewId" = r.id) AS present,
              (SELECT count(*)::int FROM "ReviewBallot" b WHERE b."reviewId" = r.id) AS ballots
       FROM "QuarterlyReview" r`);
    expect(reviews.filter((r) => r.status === "CLOSED").length).toBeGreaterThan(17 * 7);
    for (const r of reviews.filter((x) => x.status === "CLOSED")) {
      expect(r.present * 3).toBeGreaterThanOrEqual((r.total ?? Infinity) * 2);
      expect(r.ballots).toBe(r.present);
    }
    // Each review froze its roster (every representative, with their home) and the entries put to it.
    const frozen = await q<{ id: string; total: number; roster: number; homes: number; items: number; results: number }>(
      `SELECT r.id, r."representativesTotal" AS total,
              (SELECT count(*)::int FROM "ReviewRosterMember" m WHERE m."reviewId" = r.id) AS roster,
              (SELECT count(*)::int FROM "ReviewRosterMember" m JOIN "Account" a ON a.id = m."representativeId"
                WHERE m."reviewId" = r.id AND m."homeHouseholdId" = a."homeHouseholdId") AS homes,
              (SELECT count(*)::int FROM "ReviewItem" i WHERE i."reviewId" = r.id) AS items,
              (SELECT count(*)::int FROM "ReviewEntryResult" x WHERE x."reviewId" = r.id) AS results
       FROM "QuarterlyReview" r WHERE r.status = 'CLOSED'`);
    for (const r of frozen) expect(r).toMatchObject({ roster: r.total, homes: r.total, results: r.items });
    expect(frozen.every((r) => r.items > 0)).toBe(true);
    // Every entry of an ended quarter was put to a review, unless a clerk withdrew it first.
    const unreviewed = await q<{ id: string }>(
      `SELECT e.id FROM "Entry" e WHERE make_date(e.year, e.quarter * 3, 1) + interval '1 month' <= $1::date
         AND NOT EXISTS (SELECT 1 FROM "ReviewItem" i WHERE i."entryId" = e.id) AND e.status <> 'VOIDED'`, [OPTIONS.today]);
    expect(unreviewed).toEqual([]);
    const ballots = await q<{ id: string; reviewId: string; home: string | null; decision: string }>(
      `SELECT b.id, b."reviewId", a."homeHouseholdId" AS home, b."defaultDecision" AS decision
       FROM "ReviewBallot" b JOIN "Account" a ON a.id = b."representativeId"`);
    const exceptions = new Map(
      (await q<{ ballotId: string; entryId: string; decision: string }>('SELECT * FROM "ReviewBallotException"'))
        .map((x) => [`${x.ballotId}/${x.entryId}`, x.decision]),
    );
    const results = await q<{ reviewId: string; entryId: string; householdId: string; attendees: number; approve: number; reject: number; abstain: number; passed: boolean }>(
      `SELECT x.*, e."householdId" FROM "ReviewEntryResult" x JOIN "Entry" e ON e.id = x."entryId"`);
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) {
      const tally = { APPROVE: 0, REJECT: 0, ABSTAIN: 0 } as Record<string, number>;
      for (const b of ballots) {
        if (b.reviewId !== res.reviewId) continue;
        const own = b.home === res.householdId;
        if (own) expect(exceptions.has(`${b.id}/${res.entryId}`)).toBe(false);
        else tally[exceptions.get(`${b.id}/${res.entryId}`) ?? b.decision]! += 1;
      }
      const voters = (tally.APPROVE ?? 0) + (tally.REJECT ?? 0) + (tally.ABSTAIN ?? 0);
      expect({ attendees: res.attendees, approve: res.approve, reject: res.reject, abstain: res.abstain })
        .toEqual({ attendees: voters, approve: tally.APPROVE, reject: tally.REJECT, abstain: tally.ABSTAIN });
      expect(res.passed).toBe(res.approve * 2 > res.attendees);
    }
  });

  it("leaves 新花村's last ended quarter under review, with ballots cast by some representatives but not rep-xinhua-1", async () => {
    const [open] = await q<{ id: string; year: number; quarter: number; village: string; total: number; roster: number; items: number; pending: number }>(
      `SELECT r.id, r.year, r.quarter, v.code AS village, r."representativesTotal" AS total,
              (SELECT count(*)::int FROM "ReviewRosterMember" m WHERE m."reviewId" = r.id) AS roster,
              (SELECT count(*)::int FROM "ReviewItem" i WHERE i."reviewId" = r.id) AS items,
              (SELECT count(*)::int FROM "ReviewItem" i JOIN "Entry" e ON e.id = i."entryId" WHERE i."reviewId" = r.id AND e.status = 'PENDING') AS pending
       FROM "QuarterlyReview" r JOIN "Village" v ON v.id = r."villageId" WHERE r.status = 'OPEN'`);
    const lastEnded = { year: 2025, quarter: 3 }; // OPTIONS.today is in 2025Q4
    expect(open).toMatchObject({ village: "XH", ...lastEnded, roster: open?.total });
    expect(open!.items).toBeGreaterThan(0);
    expect(open!.pending).toBe(open!.items);
    const voters = await q<{ username: string; attended: boolean }>(
      `SELECT a.username, EXISTS (SELECT 1 FROM "ReviewAttendance" t WHERE t."reviewId" = b."reviewId" AND t."representativeId" = b."representativeId") AS attended
       FROM "ReviewBallot" b JOIN "Account" a ON a.id = b."representativeId" WHERE b."reviewId" = $1`, [open!.id]);
    expect(voters.length).toBeGreaterThan(0);
    expect(voters.length * 3).toBeLessThan(open!.total * 2); // not yet a quorum
    expect(voters.map((v) => v.username)).not.toContain("rep-xinhua-1");
    expect(voters.every((v) => v.attended)).toBe(true);
  });

  it("covers every quarter since 2019Q1: each village's ended quarters reviewed and closed, 新花村's last one open, the current one pending", async () => {
    const [first] = await q<{ year: number; quarter: number }>('SELECT year, quarter FROM "Entry" ORDER BY year, quarter LIMIT 1');
    expect(first).toEqual({ year: 2019, quarter: 1 });
    const current = quarterOf(new Date(`${OPTIONS.today}T00:00:00Z`));
    const villages = await q<{ code: string }>('SELECT code FROM "Village"');
    const expected: string[] = [];
    for (let year = 2019; year <= current.year; year++) {
      for (let quarter = 1; quarter <= 4 && (year < current.year || quarter < current.quarter); quarter++) {
        const open = year === current.year && quarter === current.quarter - 1;
        for (const v of villages) expected.push(`${v.code} ${year}Q${quarter} ${v.code === "XH" && open ? "OPEN" : "CLOSED"}`);
      }
    }
    const reviews = await q<{ village: string; year: number; quarter: number; status: string }>(
      `SELECT v.code AS village, r.year, r.quarter, r.status FROM "QuarterlyReview" r JOIN "Village" v ON v.id = r."villageId"`);
    expect(reviews.map((r) => `${r.village} ${r.year}Q${r.quarter} ${r.status}`).sort()).toEqual(expected.sort());
    const pending = await q<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM "Entry" WHERE year = $1 AND quarter = $2 GROUP BY status', [current.year, current.quarter]);
    expect(pending.map((p) => p.status)).toEqual(["PENDING"]);
    // Every entry cites a rule of the version in force on the day it occurred.
    const miscited = await q(
      `SELECT e.id FROM "Entry" e JOIN "Rule" r ON r.id = e."ruleId" JOIN "RuleSet" s ON s.id = r."ruleSetId"
       WHERE NOT (s."effectiveFrom" <= e."occurredOn" AND (s."effectiveTo" IS NULL OR e."occurredOn" < s."effectiveTo"))`);
    expect(miscited).toEqual([]);
  });

  it("keeps the township's settings effective-dated, and each year's score rows under the version of that year", async () => {
    const versions = await settingsVersions();
    expect(versions.map((v) => [v.effectiveFrom, v.weightRed, v.weightYellow, v.weightBlack, v.civilizedMinReds]))
      .toEqual([["2019-01-01", 1, 1, 3, 1], ["2023-01-01", 1, 1, 5, 1]]);
    const reasons = await q<{ reason: string | null; createdBy: string | null }>(
      `SELECT s.reason, a.role::text AS "createdBy" FROM "TownshipSettings" s LEFT JOIN "Account" a ON a.id = s."createdById" ORDER BY s."effectiveFrom"`);
    expect(reasons.every((r) => /[\u4e00-\u9fff]/.test(r.reason ?? ""))).toBe(true);
    expect(reasons[1]?.createdBy).toBe("TOWNSHIP_OFFICIAL");
    const used = await q<{ year: number; settingsId: string | null }>('SELECT DISTINCT year, "settingsId" FROM "HouseholdScore" ORDER BY year');
    expect(used.map((u) => u.year)).toEqual([0, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const u of used) expect(u.settingsId, String(u.year)).toBe(u.year === 0 ? null : versionForYear(versions, u.year, OPTIONS.today).id);
  });

  it("stores every household's score rows as recomputed from its entries and their rectifications", async () => {
    const versions = await settingsVersions();
    const rectified = new Map((await q<{ entryId: string; at: Date }>(
      `SELECT "entryId", max("createdAt") AS at FROM "EntryEvent" WHERE type = 'RECTIFIED' AND "fromStatus" = 'CONFIRMED' GROUP BY 1`,
    )).map((r) => [r.entryId, new Date(`${chinaToday(r.at)}T00:00:00Z`)]));
    const entries = new Map<string, EligibilityEntry[]>();
    for (const e of await q<{ id: string; householdId: string; category: Category; status: EntryStatus; marks: number; occurredOn: Date }>(
      'SELECT id, "householdId", category, status, marks, "occurredOn" FROM "Entry"')) {
      const list = entries.get(e.householdId) ?? [];
      list.push({ category: e.category, status: e.status, marks: e.marks, occurredOn: e.occurredOn, rectifiedOn: rectified.get(e.id) ?? null });
      entries.set(e.householdId, list);
    }
    const expected = [...entries].flatMap(([householdId, list]) =>
      householdScoreRows(list, versions, OPTIONS.today).map((row) => ({ householdId, ...row })));
    const key = (r: StoredScore) => `${r.householdId}/${r.year}`;
    const sort = (rows: StoredScore[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const stored = await storedScores();
    expect(stored.length).toBeGreaterThan(OPTIONS.households);
    expect(sort(stored)).toEqual(sort(expected));
  });

  it("selects civilized families for every ended year as the app allows: nominated once the year's records are reviewed, decided on the row of that moment", async () => {
    const versions = await settingsVersions();
    const scores = await storedScores();
    const awards = await q<StoredAward & {
      note: string | null; decisionReason: string | null; village: string; nominatorRole: string; nominatorVillage: string;
      nominatorHome: string | null; deciderRole: string | null; q4ClosedAt: Date | null;
    }>(
      `SELECT a."householdId", a.year, a.status, a.note, a."nominatedAt", a."decidedById", a."decidedAt", a."decisionReason", a."settingsId", a.assessment,
              h."villageId" AS village, n.role AS "nominatorRole", n."villageId" AS "nominatorVillage", n."homeHouseholdId" AS "nominatorHome",
              d.role AS "deciderRole",
              (SELECT r."closedAt" FROM "QuarterlyReview" r WHERE r."villageId" = h."villageId" AND r.year = a.year AND r.quarter = 4) AS "q4ClosedAt"
       FROM "CivilizedFamilyAward" a JOIN "Household" h ON h.id = a."householdId" JOIN "Account" n ON n.id = a."nominatedById"
       LEFT JOIN "Account" d ON d.id = a."decidedById"`);
    const endedYears = [2019, 2020, 2021, 2022, 2023, 2024]; // OPTIONS.today is in 2025
    expect([...new Set(awards.map((a) => a.year))].sort()).toEqual(endedYears);
    const archive = replayableArchive(
      await q<ReplayEntry>('SELECT id, "householdId", category, marks, "occurredOn", "recordedAt" FROM "Entry"'),
      await q<ReplayEvent>('SELECT "entryId", type, "fromStatus", "toStatus", "createdAt", "chainSeq" FROM "EntryEvent"'),
    );
    const statuses = new Map((await q<{ id: string; status: string }>('SELECT id, status FROM "Household"')).map((h) => [h.id, h.status]));
    expect([...statuses.values()].filter((status) => status !== "ACTIVE").length).toBeGreaterThan(0); // the check can fail
    expect(awardProblems(awards, archive, versions, statuses)).toEqual([]);
    for (const a of awards) {
      const label = `${a.householdId} ${a.year}`;
      expect({ role: a.nominatorRole, village: a.nominatorVillage, ownHome: a.nominatorHome === a.householdId }, label)
        .toEqual({ role: "CLERK", village: a.village, ownHome: false });
      expect(a.note).toMatch(/[\u4e00-\u9fff]/);
      // Nominated once the village's fourth-quarter review had closed, decided by an official by February.
      expect(a.q4ClosedAt, label).not.toBeNull();
      expect(a.nominatedAt.getTime(), label).toBeGreaterThan(a.q4ClosedAt!.getTime());
      expect(a.deciderRole).toBe("TOWNSHIP_OFFICIAL");
      expect(chinaToday(a.decidedAt!) < `${a.year + 1}-03-01`, label).toBe(true);
      expect(["AWARDED", "DECLINED"]).toContain(a.status);
      if (a.status === "DECLINED") expect(a.decisionReason).toMatch(/[\u4e00-\u9fff]/);
      else expect(a.decisionReason).toBeNull();
    }
    // The check can fail: on the last day of its year, many an awarded household still had an entry of the year pending.
    const pendingAtYearEnd = awards.filter((a) => a.status === "AWARDED" && archive.judge(a.householdId, a.year, new Date(`${a.year}-12-31T12:00:00Z`), versions).pending);
    expect(pendingAtYearEnd.length).toBeGreaterThan(0);
    // Most, not all, of the eligible households are nominated; almost every nomination is awarded; a few are declined.
    for (const year of endedYears) {
      const settings = versionForYear(versions, year, OPTIONS.today);
      const eligible = scores.filter((r) => r.year === year && rowIneligibility(r, settings.civilizedMinReds).length === 0).length;
      const nominated = awards.filter((a) => a.year === year);
      const awarded = nominated.filter((a) => a.status === "AWARDED").length;
      expect(nominated.length / eligible, String(year)).toBeGreaterThan(0.78);
      expect(nominated.length, String(year)).toBeLessThan(eligible);
      expect(awarded / nominated.length, String(year)).toBeGreaterThan(0.9);
    }
    expect(awards.some((a) => a.status === "DECLINED")).toBe(true);
  });

  it("leaves the nominations of a season still running undecided, without an assessment, and decides none before its time", async () => {
    // Late January: the villages' fourth-quarter reviews have closed, some lists are decided, some not yet.
    const data = await generate({ households: OPTIONS.households, seed: OPTIONS.seed, today: "2026-01-28" });
    const versions = data.TownshipSettings.map(asVersion);
    const awards = data.CivilizedFamilyAward;
    const running = awards.filter((a) => a.year === 2025);
    expect(running.some((a) => a.status === "NOMINATED")).toBe(true);
    expect(running.some((a) => a.status !== "NOMINATED")).toBe(true);
    const statuses = new Map(data.Household.map((h) => [h.id, h.status]));
    expect(awardProblems(awards, replayableArchive(data.Entry, data.EntryEvent), versions, statuses)).toEqual([]);
  });

  it("matches the town's 2020 report at the default size: about 2,842 civilized families (21 %) and 5,423 reds by the end of 2020", async () => {
    // Seeding 13,600 households into a database takes too long for a test; the rows in memory say the same.
    const data = await generate({ households: DEFAULT_HOUSEHOLDS, seed: DEFAULT_SEED, today: OPTIONS.today });
    const awarded = data.CivilizedFamilyAward.filter((a) => a.year === 2020 && a.status === "AWARDED").length;
    const reds = data.Entry.filter((e) => e.category === "RED" && e.status === "CONFIRMED" && e.occurredOn < new Date("2021-01-01T00:00:00Z")).length;
    expect(Math.abs(awarded / TOWN_REPORTED_2020.civilizedFamilies - 1)).toBeLessThan(0.05);
    expect(Math.abs(reds / TOWN_REPORTED_2020.redsByYearEnd - 1)).toBeLessThan(0.05);
    expect(awarded / data.Household.length).toBeCloseTo(0.21, 1);
    // Later years in the same spirit: about a fifth of the households awarded each year.
    for (const year of [2021, 2022, 2023, 2024]) {
      const share = data.CivilizedFamilyAward.filter((a) => a.year === year && a.status === "AWARDED").length / data.Household.length;
      expect(share, String(year)).toBeGreaterThan(0.17);
      expect(share, String(year)).toBeLessThan(0.27);
    }
  });

  it("gives every CONFIRMED or REJECTED entry the status its review result says", async () => {
    const rows = await q<{ status: string; passed: boolean | null; event: string | null }>(
      `SELECT e.status, x.passed,
              (SELECT ev."toStatus"::text FROM "EntryEvent" ev WHERE ev."entryId" = e.id AND ev."reviewId" = x."reviewId") AS event
       FROM "Entry" e LEFT JOIN "ReviewEntryResult" x ON x."entryId" = e.id
       WHERE e.status IN ('CONFIRMED', 'REJECTED')`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.passed).not.toBeNull();
      expect(r.status).toBe(r.passed ? "CONFIRMED" : "REJECTED");
      expect(r.event).toBe(r.status);
    }
  });

  it("freezes each rule-set vote's roster: every representative of the village, and every voter on it", async () => {
    const votes = await q<{ total: number; roster: number; strays: number }>(
      `SELECT v."representativesTotal" AS total,
              (SELECT count(*)::int FROM "RuleSetVoteRosterMember" m WHERE m."voteId" = v.id) AS roster,
              (SELECT count(*)::int FROM "RuleSetBallot" b WHERE b."voteId" = v.id AND NOT EXISTS (
                 SELECT 1 FROM "RuleSetVoteRosterMember" m WHERE m."voteId" = v.id AND m."representativeId" = b."representativeId")) AS strays
       FROM "RuleSetVote" v`);
    expect(votes.length).toBeGreaterThan(17);
    for (const v of votes) expect(v).toEqual({ total: v.total, roster: v.total, strays: 0 });
  });

  it("casts ballots the app would accept: the rest approved or abstained on, every objection with its reason", async () => {
    const ballots = await q<{ id: string; reviewId: string; representativeId: string; decision: "APPROVE" | "REJECT" | "ABSTAIN" }>(
      'SELECT id, "reviewId", "representativeId", "defaultDecision" AS decision FROM "ReviewBallot"');
    const exceptions = await q<{ ballotId: string; entryId: string; decision: "APPROVE" | "REJECT" | "ABSTAIN"; reason: string | null }>(
      'SELECT "ballotId", "entryId", decision, reason FROM "ReviewBallotException"');
    expect(exceptions.some((x) => x.decision === "REJECT")).toBe(true);
    for (const b of ballots) {
      const mine = exceptions.filter((x) => x.ballotId === b.id).map(({ entryId, decision, reason }) => (reason === null ? { entryId, decision } : { entryId, decision, reason }));
      const parsed = EnterPaperBallotSchema.safeParse({ representativeId: b.representativeId, defaultDecision: b.decision, exceptions: mine });
      expect(parsed.error?.issues ?? [], b.id).toEqual([]);
    }
  });

  it("posts each closed review's notice for the notice period in force on its closing day", async () => {
    const versions = await settingsVersions();
    const reviews = await q<{ closedAt: Date; noticeEndsOn: Date }>(
      `SELECT r."closedAt", r."noticeEndsOn" FROM "QuarterlyReview" r WHERE r.status = 'CLOSED'`);
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews) {
      const closingDay = chinaToday(r.closedAt);
      const days = versionOn(versions, closingDay).noticePeriodDays;
      expect(r.noticeEndsOn.getTime() - new Date(`${closingDay}T00:00:00Z`).getTime()).toBe(days * 86_400_000);
    }
  });

  it("changes entries only as the app's lifecycle allows, and refuses to build a change it would refuse", async () => {
    const events = await q<{ type: string; fromStatus: EntryStatus; toStatus: EntryStatus; category: Category }>(
      `SELECT ev.type, ev."fromStatus", ev."toStatus", e.category FROM "EntryEvent" ev JOIN "Entry" e ON e.id = ev."entryId"`);
    const legal = (e: (typeof events)[number]) => Object.keys(transitions).some((t) => {
      const next = nextStatus({ category: e.category, status: e.fromStatus }, t as Transition);
      return next?.event === e.type && next.to === e.toStatus;
    });
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => !legal(e))).toEqual([]);

    const ctx = createContext("lifecycle", OPTIONS.today);
    const draft = { row: { id: "entry", householdId: "household", category: "YELLOW", status: "REJECTED" }, events: [] } as unknown as Draft;
    expect(() => event(ctx, draft, "VOID", new Date(), {})).toThrow(/VOID is not allowed for a REJECTED/);
    expect(() => event(ctx, draft, "CONFIRM", new Date(), {})).toThrow(/not allowed/);
    expect(draft.events).toEqual([]);
  });

  it("hash-chains every household's entries and events so that every chain verifies", async () => {
    const entries = await q<EntryRow>('SELECT * FROM "Entry"');
    const events = await q<EventRow>('SELECT * FROM "EntryEvent"');
    const households = await q<{ id: string; chainHead: string | null; chainLength: number }>(
      'SELECT id, "chainHead", "chainLength" FROM "Household"');
    const links = new Map<string, StoredLink[]>();
    const add = (householdId: string, link: StoredLink) => links.set(householdId, [...(links.get(householdId) ?? []), link]);
    for (const e of entries) add(e.householdId, { record: entryChainRecord({ ...e, evidence: [] }), prevHash: e.prevHash, hash: e.hash });
    const filings = new Map((await q<{ id: string; filedViaAccessCode: boolean }>(
      'SELECT id, "filedViaAccessCode" FROM "Appeal" UNION ALL SELECT id, "filedViaAccessCode" FROM "Rectification"',
    )).map((f) => [f.id, { filedViaAccessCode: f.filedViaAccessCode, evidence: [] }]));
    for (const e of events) {
      const record = eventChainRecord({ ...e, appeal: filings.get(e.appealId ?? "") ?? null, rectification: filings.get(e.rectificationId ?? "") ?? null });
      add(e.householdId, { record, prevHash: e.prevHash, hash: e.hash });
    }
    let chained = 0;
    for (const h of households) {
      const chain = (links.get(h.id) ?? []).sort((a, b) => a.record.chainSeq - b.record.chainSeq);
      expect(verifyChain(chain, h.chainHead), h.id).toBeNull();
      expect(h.chainLength).toBe(chain.length);
      if (chain.length > 0) chained++;
    }
    expect(chained).toBeGreaterThan(OPTIONS.households / 3);
    // And the check can fail: a tampered description breaks its chain.
    const some = entries[0]!;
    const chain = (links.get(some.householdId) ?? []).sort((a, b) => a.record.chainSeq - b.record.chainSeq);
    const tampered = chain.map((l) => (l.record.id === some.id ? { ...l, record: { ...l.record, description: "x" } } : l));
    const head = households.find((h) => h.id === some.householdId)?.chainHead ?? null;
    expect(verifyChain(tampered as StoredLink[], head)?.problem).toBe("HASH_MISMATCH");
  });

  it("creates the demo sign-ins with the demo password", async () => {
    const accounts = await q<{ username: string; role: string; passwordHash: string }>(
      'SELECT username, role, "passwordHash" FROM "Account" WHERE username = ANY($1)', [demoAccounts.map((a) => a.username)]);
    expect(accounts.map((a) => `${a.role} ${a.username}`).sort()).toEqual(demoAccounts.map((a) => `${a.role} ${a.username}`).sort());
    expect(accounts[0]?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(accounts[0]?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    const homeless = await q(
      `SELECT a.id FROM "Account" a LEFT JOIN "Household" h ON h.id = a."homeHouseholdId"
       WHERE a.role = 'REPRESENTATIVE' AND (h.id IS NULL OR h."villageId" <> a."villageId")`);
    expect(homeless).toEqual([]);
  });

  it("changes nothing when run again, and builds the same rows from the same options", async () => {
    const checksum = async () => (await q<{ entries: string; events: string; households: string }>(
      `SELECT (SELECT md5(string_agg(hash, ',' ORDER BY id)) FROM "Entry") AS entries,
              (SELECT md5(string_agg(hash, ',' ORDER BY id)) FROM "EntryEvent") AS events,
              (SELECT md5(string_agg(id || coalesce("chainHead", ''), ',' ORDER BY id)) FROM "Household") AS households`))[0];
    const before = await checksum();
    const again = await seedDemo(database.url, { ...OPTIONS, quiet: true });
    expect(again.skipped).toBe(true);
    expect(again.counts).toEqual(summary.counts);
    expect(await checksum()).toEqual(before);

    const regenerated = await generate(OPTIONS);
    const stored = await q<{ id: string; hash: string }>('SELECT id, hash FROM "Entry" ORDER BY id');
    expect(regenerated.Entry.map((e) => ({ id: e.id, hash: e.hash })).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(stored);

    // The figures `npm start` prints are those of the rows.
    const figures = await demoFigures2020(client);
    expect(figures).toEqual({
      households: OPTIONS.households,
      civilizedFamilies: regenerated.CivilizedFamilyAward.filter((a) => a.year === 2020 && a.status === "AWARDED").length,
      redsByYearEnd: regenerated.Entry.filter((e) => e.category === "RED" && e.status === "CONFIRMED" && e.year <= 2020).length,
    });
    expect(formatFigures2020(figures!)).toContain(`${figures!.civilizedFamilies.toLocaleString("en-US")} civilized families`);
    expect(formatFigures2020(figures!)).toContain("2,842");
  });
});
