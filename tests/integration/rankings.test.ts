import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { createHousehold } from "@/lib/server/households/create-household";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";
import { getHouseholdScores } from "@/lib/server/rankings/get-household-scores";
import { getRankings, type RankingsQuery } from "@/lib/server/rankings/get-rankings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import type { RankingItem } from "@/lib/schemas/rankings";
import type { Actor } from "@/lib/server/authz";
import { callApi, callerHeaders, fetchInProcess, ORIGIN } from "../helpers/api-client";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";
import { actorOf, testContext as ctx } from "../helpers/review-village";

// Rankings (issue 9 point 3): read from the maintained score rows, ranked with ties in the
// township or a village, paged and searchable, in the caller's scope only.

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error) => error);
const year = Number(chinaToday(new Date()).slice(0, 4));
let official: Actor;
let townshipId: string;
let xinhua: { id: string; name: string };
let yangping: { id: string };
let other: OtherTownship;

/** Every page of a ranking, 37 at a time (an odd size, so that ties straddle pages). */
async function wholeRanking(actor: Actor, query: Omit<RankingsQuery, "page" | "pageSize">): Promise<{ items: RankingItem[]; total: number }> {
  const items: RankingItem[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await getRankings(actor, { ...query, page, pageSize: 37 });
    expect(result).toMatchObject({ page, pageSize: 37 });
    total = result.total;
    items.push(...result.items);
    if (result.items.length < 37) break;
  }
  expect(items).toHaveLength(total);
  return { items, total };
}

/** The scope's active households with their score rows of the year (0 for all time), from the table itself. */
async function expectedScores(scoreYear: number, villageId?: string) {
  const households = await db.household.findMany({
    where: { status: "ACTIVE", village: { townshipId }, ...(villageId ? { villageId } : {}) },
    select: { id: true, archiveNo: true, scores: { where: { year: scoreYear }, select: { score: true, redMarks: true, activeYellowMarks: true, blackMarks: true } } },
  });
  return new Map(households.map((h) => [h.id, { archiveNo: h.archiveNo, ...(h.scores[0] ?? { score: 0, redMarks: 0, activeYellowMarks: 0, blackMarks: 0 }) }]));
}

/** RANK() by hand: 1 + households of the scope with a higher score; ties flagged; order by rank then archive number. */
function expectRanked(items: RankingItem[], expected: Awaited<ReturnType<typeof expectedScores>>) {
  expect(items.map((i) => i.householdId).sort()).toEqual([...expected.keys()].sort());
  const scores = [...expected.values()].map((e) => e.score);
  for (const item of items) {
    const row = expected.get(item.householdId)!;
    expect(item).toMatchObject({ archiveNo: row.archiveNo, score: row.score, redMarks: row.redMarks, activeYellowMarks: row.activeYellowMarks, blackMarks: row.blackMarks });
    expect(item.rank).toBe(1 + scores.filter((s) => s > row.score).length);
    expect(item.tied).toBe(scores.filter((s) => s === row.score).length > 1);
  }
  const order = [...items].sort((a, b) => a.rank - b.rank || (a.archiveNo < b.archiveNo ? -1 : 1));
  expect(items.map((i) => i.householdId)).toEqual(order.map((i) => i.householdId));
}

beforeAll(async () => {
  official = await actorOf("official");
  ({ id: townshipId } = await db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } }));
  xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true, name: true } });
  yangping = await db.village.findFirstOrThrow({ where: { code: "YP" }, select: { id: true } });
  other = await createOtherTownship("QR");
});

describe("the township's ranking", () => {
  it("ranks every active household by its maintained score, ties sharing a rank, a page at a time", async () => {
    const { items, total } = await wholeRanking(official, { year });
    expect(total).toBe(await db.household.count({ where: { status: "ACTIVE", village: { townshipId } } }));
    expectRanked(items, await expectedScores(year));
    expect(items[0]!.rank).toBe(1);
    expect(items[0]!.score).toBeGreaterThan(0);
    // Ties are stated: several households share a rank, and the next rank skips them.
    const tied = items.filter((i) => i.tied);
    expect(tied.length).toBeGreaterThan(1);
    const shared = tied[0]!;
    const sharing = items.filter((i) => i.rank === shared.rank);
    expect(sharing.length).toBeGreaterThan(1);
    const next = items.find((i) => i.rank > shared.rank);
    if (next) expect(next.rank).toBe(shared.rank + sharing.length);

    const page2 = await getRankings(official, { year, page: 2, pageSize: 50 });
    expect(page2).toMatchObject({ page: 2, pageSize: 50, total, year, village: null, township: { code: "JS" } });
    expect(page2.items.map((i) => i.householdId)).toEqual(items.slice(50, 100).map((i) => i.householdId));
    expect(page2.settings).toEqual(await settingsInForce(db, townshipId, chinaToday(new Date())));
    expect((await getRankings(official, { year, page: 99, pageSize: 50 })).items).toEqual([]);
  });

  it("reads the maintained rows: a household without one scores 0, one that moved out is not ranked", async () => {
    const clerk = await actorOf("clerk-xinhua");
    const fresh = await createHousehold(clerk, { headName: "排名新户", headBirthYear: 1980, address: "新花村9组", registeredOn: "2020-01-01" }, ctx);
    const [first] = (await getRankings(official, { year, pageSize: 1 })).items;
    // The rankings show what the table holds (a page view never recomputes a score).
    const row = await db.householdScore.findUniqueOrThrow({ where: { householdId_year: { householdId: first!.householdId, year } } });
    await db.householdScore.update({ where: { householdId_year: { householdId: first!.householdId, year } }, data: { score: row.score + 1000 } });
    try {
      expect((await getRankings(official, { year, pageSize: 1 })).items[0]).toMatchObject({ householdId: first!.householdId, score: row.score + 1000 });
    } finally {
      await db.householdScore.update({ where: { householdId_year: { householdId: first!.householdId, year } }, data: { score: row.score } });
    }
    const found = await getRankings(official, { year, q: fresh.archiveNo });
    expect(found.items).toEqual([expect.objectContaining({ householdId: fresh.id, score: 0, redMarks: 0, activeYellowMarks: 0, blackMarks: 0, tied: true })]);

    await setHouseholdStatus(clerk, fresh.id, { status: "MOVED_OUT", reason: "全家迁往县城" }, ctx);
    expect((await getRankings(official, { year, q: fresh.archiveNo })).total).toBe(0);
  });

  it("ranks within one village, and a search keeps each household's rank in its scope", async () => {
    const { items } = await wholeRanking(official, { year, villageId: xinhua.id });
    expectRanked(items, await expectedScores(year, xinhua.id));
    expect(items.every((i) => i.villageId === xinhua.id && i.villageName === xinhua.name)).toBe(true);
    // Short pages near the top come from the maintained scores' index (ties straddling them): the
    // same households, ranks and ties as ranking the whole village.
    const allTime = (await wholeRanking(official, { year: "all", villageId: xinhua.id })).items;
    expect(allTime.slice(0, 9).every((i) => i.score > 0)).toBe(true);
    for (const page of [1, 2, 3]) {
      const short = await getRankings(official, { year: "all", villageId: xinhua.id, page, pageSize: 3 });
      expect(short.items).toEqual(allTime.slice((page - 1) * 3, page * 3));
      expect(short.total).toBe(allTime.length);
    }

    const township = (await wholeRanking(official, { year })).items;
    const middle = township[Math.floor(township.length / 2)]!;
    const byNumber = await getRankings(official, { year, q: middle.archiveNo });
    expect(byNumber).toMatchObject({ total: 1, items: [middle] });
    const head = await db.household.findUniqueOrThrow({ where: { id: middle.householdId }, select: { headName: true, headInitials: true } });
    for (const q of [head.headName, head.headInitials]) {
      const found = await getRankings(official, { year, q, pageSize: 200 });
      expect(found.items).toContainEqual(middle);
      for (const item of found.items) expect(item).toEqual(township.find((t) => t.householdId === item.householdId));
    }
    expect((await getRankings(official, { year, q: "JS-NONE-9" })).total).toBe(0);
  });

  it("all time sums each household's yearly rows, each under its own year's settings", async () => {
    const { items } = await wholeRanking(official, { year: "all" });
    expectRanked(items, await expectedScores(0));
    const yearly = await db.householdScore.groupBy({ by: ["householdId"], where: { townshipId, year: { gt: 0 } }, _sum: { score: true, redMarks: true, blackMarks: true } });
    const sums = new Map(yearly.map((y) => [y.householdId, y._sum]));
    expect(yearly.length).toBeGreaterThan(50);
    for (const item of items) {
      const sum = sums.get(item.householdId);
      expect(item.score).toBe(sum?.score ?? 0);
      expect(item.redMarks).toBe(sum?.redMarks ?? 0);
    }
    const all = await getRankings(official, { year: "all" });
    expect(all.settings).toBeNull();
    expect(all.year).toBe("all");
  });

  it("exports the ranking with the same filters", async () => {
    const url = `${ORIGIN}/api/v1/township/rankings/export?format=csv&year=${year}&villageId=${xinhua.id}`;
    const res = await fetchInProcess(new Request(url, { headers: await callerHeaders({ username: "official" }) }));
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    const ranking = await wholeRanking(official, { year, villageId: xinhua.id });
    expect(lines[0]).toBe("名次,并列,档案号,户主,村,得分,红,黄,黑");
    expect(lines).toHaveLength(ranking.total + 1);
    const first = ranking.items[0]!;
    expect(lines[1]).toBe([first.rank, first.tied ? "并列" : "", first.archiveNo, first.headName, first.villageName, first.score, first.redMarks, first.activeYellowMarks, first.blackMarks].join(","));
  });
});

describe("who sees which ranking", () => {
  it("gives a clerk his own village only, and answers 404 for a village outside the scope", async () => {
    const clerk = await actorOf("clerk-xinhua");
    const own = await getRankings(clerk, { year, pageSize: 200 });
    expect(own.village).toMatchObject({ id: xinhua.id });
    expect(own.items.every((i) => i.villageId === xinhua.id)).toBe(true);
    await expect(failure(getRankings(clerk, { year, villageId: yangping.id }))).resolves.toMatchObject({ code: "NOT_FOUND" });
    await expect(failure(getRankings(official, { year, villageId: other.villageId }))).resolves.toMatchObject({ code: "NOT_FOUND" });
    await expect(failure(getRankings(await actorOf(other.officialUsername), { year, villageId: xinhua.id }))).resolves.toMatchObject({ code: "NOT_FOUND" });
    await expect(failure(getRankings(await actorOf("rep-xinhua-1"), { year }))).resolves.toMatchObject({ code: "FORBIDDEN" });
    await expect(failure(getRankings(await actorOf("JS-XH-00001"), { year }))).resolves.toMatchObject({ code: "FORBIDDEN" });

    // Another township's official ranks his own township, whatever he asks for.
    const theirs = await callApi("GET", "/api/v1/township/rankings?township=JS", { as: { username: other.officialUsername } });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ township: { id: other.townshipId }, total: 1, items: [{ householdId: other.householdId, score: 0, rank: 1, tied: false }] });
    expect((await callApi("GET", `/api/v1/township/rankings?villageId=${xinhua.id}&township=QR`, { as: { username: "admin" } })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/township/rankings?villageId=${xinhua.id}`, { as: { username: "admin" } })).body.village).toMatchObject({ id: xinhua.id });
    expect((await callApi("GET", "/api/v1/township/rankings?year=1999", { as: { username: "official" } })).status).toBe(400);
  });
});

describe("a household's score rows", () => {
  it("lists all time, then each year newest first, with the settings used", async () => {
    const home = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });
    const scores = await getHouseholdScores(await actorOf("JS-XH-00001"), home.id);
    expect(scores.items[0]).toMatchObject({ year: 0, settings: null });
    const years = scores.items.slice(1).map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years[0]).toBe(year);
    expect(scores.items[1]!.settings).toMatchObject({ weightRed: 1, effectiveFrom: expect.any(String) });
    expect(scores.items[0]!.score).toBe(scores.items.slice(1).reduce((n, r) => n + r.score, 0));
    const res = await callApi("GET", `/api/v1/households/${home.id}/scores`, { as: { username: "clerk-yangping" } });
    expect(res.status).toBe(404);
  });
});
