import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { callApi } from "../helpers/api-client";
import { decideByReview, freshHousehold, type Category } from "../helpers/archive-fixtures";
import { actorOf, testContext } from "../helpers/review-village";

// The public honour board (issue 9 point 5): awarded families and their confirmed red entries of
// the year, never a yellow or a black nor a count of them; nothing at all when the township's
// settings in force today switch it off. Families reach the board through the real use cases.

const clerk = { username: "clerk-xinhua" };
const YEAR = 2025;
const RED_TITLE_MARK = "测试红榜事迹";

async function recordOn(householdId: string, category: Category, day: string, description: string): Promise<string> {
  const date = new Date(`${day}T00:00:00Z`);
  const rule = await db.rule.findFirstOrThrow({
    where: {
      category, ruleSet: { village: { code: "XH" }, status: { in: ["ADOPTED", "SUPERSEDED"] }, effectiveFrom: { lte: date }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: date } }] },
    },
    orderBy: { code: "asc" }, select: { id: true },
  });
  const legal = category === "BLACK" ? { legalAuthority: "石门县公安局", legalDocumentNo: "石公（交）行罚决字〔2026〕3号" } : {};
  const res = await callApi("POST", "/api/v1/entries", {
    as: clerk, body: { idempotencyKey: randomUUID(), householdId, ruleId: rule.id, occurredOn: day, description, ...legal },
  });
  if (res.status !== 201) throw new Error(`could not record: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const board = (query = "") => callApi("GET", `/api/v1/public/honour-board${query}`, { as: null });
let awarded: string;
let awardId: string;
let archiveNo: string;
let notAwarded: string;
let declinedId: string;
const titles = { yellow: "", black: "" };

beforeAll(async () => {
  awarded = (await freshHousehold(92_001)).householdId;
  notAwarded = (await freshHousehold(92_002)).householdId;
  archiveNo = (await db.household.findUniqueOrThrow({ where: { id: awarded }, select: { archiveNo: true } })).archiveNo;
  const confirm = [
    await recordOn(awarded, "RED", "2025-04-10", RED_TITLE_MARK),
    await recordOn(awarded, "RED", "2025-09-01", RED_TITLE_MARK),
    await recordOn(notAwarded, "RED", "2025-05-01", RED_TITLE_MARK),
  ];
  // The awarded family's yellow of the year, rectified before its review (so it never counted).
  const yellow = await recordOn(awarded, "YELLOW", "2025-07-01", "测试黄榜");
  const requested = await callApi("POST", `/api/v1/entries/${yellow}/rectifications`, { as: clerk, body: { note: "已经整改到位" } });
  await callApi("POST", `/api/v1/rectifications/${requested.body.id}/decision`, { as: { username: "clerk-xinhua-2" }, body: { decision: "APPROVE" } });
  await decideByReview(confirm);
  const nominated = await callApi("POST", "/api/v1/selection/nominations", { as: clerk, body: { householdId: awarded, year: YEAR, note: "热心公益" } });
  expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
  const decided = await callApi("POST", `/api/v1/nominations/${nominated.body.id}/decision`, { as: { username: "official" }, body: { decision: "AWARD" } });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  awardId = nominated.body.id;
  // The other family is nominated too, and declined: a decided nomination that must stay off the board.
  const other = await callApi("POST", "/api/v1/selection/nominations", { as: clerk, body: { householdId: notAwarded, year: YEAR, note: "邻里和睦" } });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  const declined = await callApi("POST", `/api/v1/nominations/${other.body.id}/decision`, {
    as: { username: "official" }, body: { decision: "DECLINE", reason: "材料与实际情况有出入" },
  });
  expect(declined.status, JSON.stringify(declined.body)).toBe(200);
  expect(declined.body).toMatchObject({ status: "DECLINED" });
  declinedId = other.body.id;
  // Afterwards, a yellow and a black OF THE AWARDED YEAR are confirmed for the same family (the
  // award stands until the township withdraws it): the 2025 board lists it with its reds only.
  await decideByReview([
    await recordOn(awarded, "YELLOW", "2025-12-05", "测试黄榜二"), await recordOn(awarded, "BLACK", "2025-12-20", "测试黑榜"),
  ]);
  const negatives = await db.entry.findMany({
    where: { householdId: awarded, category: { in: ["YELLOW", "BLACK"] }, status: "CONFIRMED" },
    select: { category: true, year: true, rule: { select: { title: true } } },
  });
  expect(negatives.map((e) => [e.category, e.year]).sort()).toEqual([["BLACK", 2025], ["YELLOW", 2025]]);
  titles.yellow = negatives.find((r) => r.category === "YELLOW")!.rule.title;
  titles.black = negatives.find((r) => r.category === "BLACK")!.rule.title;
  const redTitles = await db.entry.findMany({ where: { householdId: awarded, category: "RED" }, select: { rule: { select: { title: true } } } });
  for (const { rule } of redTitles) expect([titles.yellow, titles.black]).not.toContain(rule.title);
  expect((await db.civilizedFamilyAward.findUniqueOrThrow({ where: { id: awardId }, select: { status: true } })).status).toBe("AWARDED");
}, 240_000);

describe("the public honour board", () => {
  it("lists awarded families of the year with their confirmed reds, for anyone", async () => {
    const res = await board(`?year=${YEAR}&pageSize=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.year).toBe(YEAR);
    const family = res.body.items.find((i: { id: string }) => i.id === awardId);
    expect(family).toMatchObject({ headName: "新户主", village: { name: "新花村" } });
    expect(family.reds).toHaveLength(2);
    expect(family.reds.map((r: { occurredOn: string }) => r.occurredOn)).toEqual(["2025-04-10", "2025-09-01"]);
    // The declined family has an award row of the year, but no AWARDED one, and is not listed.
    const notListed = await db.civilizedFamilyAward.findMany({ where: { householdId: notAwarded, status: "AWARDED" }, select: { id: true } });
    expect(notListed).toEqual([]);
    expect(await db.civilizedFamilyAward.findMany({ where: { householdId: notAwarded }, select: { id: true, year: true, status: true } }))
      .toEqual([{ id: declinedId, year: YEAR, status: "DECLINED" }]);
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(declinedId);
    // The board's total for the year and village is the count of AWARDED awards there, nothing else.
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    const village = await board(`?year=${YEAR}&villageId=${xinhua.id}&pageSize=200`);
    expect(village.status, JSON.stringify(village.body)).toBe(200);
    const awardedThere = await db.civilizedFamilyAward.count({ where: { year: YEAR, status: "AWARDED", household: { villageId: xinhua.id } } });
    const decidedThere = await db.civilizedFamilyAward.count({ where: { year: YEAR, household: { villageId: xinhua.id } } });
    expect(decidedThere).toBeGreaterThan(awardedThere); // the declined nomination is counted here, not on the board
    expect(village.body.total).toBe(awardedThere);
    expect(village.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([awardId]));
    expect(village.body.items.map((i: { id: string }) => i.id)).not.toContain(declinedId);
  });

  it("publishes no archive number (a household account signs in with it): head's name and village only", async () => {
    const res = await board(`?year=${YEAR}&pageSize=200`);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(archiveNo);
    expect(text).not.toMatch(/JS-[A-Z]+-\d{5}/);
    expect(text).not.toContain("archiveNo");
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(["headName", "id", "reds", "village"]);
    // The key is the award's id, not the household's.
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(awarded);
  });

  it("never shows a yellow or a black, nor counts of them", async () => {
    const res = await board(`?year=${YEAR}&pageSize=200`);
    const text = JSON.stringify(res.body);
    for (const word of ["YELLOW", "BLACK", "yellow", "black", "score", "测试黄榜", "测试黑榜", titles.yellow, titles.black]) {
      expect(text, word).not.toContain(word);
    }
    const family = res.body.items.find((i: { id: string }) => i.id === awardId);
    const shown = family.reds.map((r: { ruleTitle: string }) => r.ruleTitle);
    expect(shown).not.toContain(titles.yellow);
    expect(shown).not.toContain(titles.black);
    expect(Object.keys(family.reds[0]).sort()).toEqual(["occurredOn", "ruleTitle"]);
  });

  it("filters by village; a village elsewhere or unknown is not found", async () => {
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    const yangping = await db.village.findFirstOrThrow({ where: { code: "YP" }, select: { id: true } });
    expect((await board(`?year=${YEAR}&villageId=${xinhua.id}&pageSize=200`)).body.items.map((i: { id: string }) => i.id)).toContain(awardId);
    expect((await board(`?year=${YEAR}&villageId=${yangping.id}&pageSize=200`)).body.items.map((i: { id: string }) => i.id)).not.toContain(awardId);
    expect((await board(`?villageId=${randomUUID()}`)).status).toBe(404);
  });

  it("an award the township withdraws leaves the board", async () => {
    const res = await callApi("POST", `/api/v1/nominations/${awardId}/withdraw-award`, { as: { username: "official" }, body: { reason: "当年有黑榜，撤销称号" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await board(`?year=${YEAR}&villageId=${(await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } })).id}&pageSize=200`);
    expect(after.status).toBe(200);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(awardId);
  });

  it("is not published when the settings in force today switch it off: 404 and no data", async () => {
    const official = await actorOf("official");
    const current = await db.townshipSettings.findFirstOrThrow({ where: { townshipId: official.townshipId! }, orderBy: { effectiveFrom: "desc" } });
    await changeTownshipSettings(official, {
      effectiveFrom: chinaToday(new Date()), weightRed: current.weightRed, weightYellow: current.weightYellow, weightBlack: current.weightBlack,
      civilizedMinReds: current.civilizedMinReds, noticePeriodDays: current.noticePeriodDays, noticeHidesNegativeDetail: current.noticeHidesNegativeDetail,
      honourBoardEnabled: false, extractValidityDays: current.extractValidityDays, reason: "暂停公布光荣榜",
    }, testContext);
    const res = await board(`?year=${YEAR}`);
    expect(res.status).toBe(404);
    expect(Object.keys(res.body)).toEqual(["error"]);
    expect(JSON.stringify(res.body)).not.toContain(archiveNo);
  });
});
