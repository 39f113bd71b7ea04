import "../helpers/app-database";
import { pinyin } from "pinyin-pro";
import { beforeAll, describe, expect, it } from "vitest";
import { householdWhere } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { searchConditions } from "@/lib/server/households/search-households";
import { callApi } from "../helpers/api-client";
import { fields, messages } from "../helpers/error-details";

const CLIENT = { "x-fca-client-ip": "198.51.100.21", "user-agent": "households-test" };
const as = (username: string, body?: unknown) => ({ as: { username }, headers: CLIENT, ...(body === undefined ? {} : { body }) });
const search = (username: string, qs: string) => callApi("GET", `/api/v1/households?${qs}`, as(username));

const lastAuditId = async () => (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
const snapshot = async () => ({
  households: await db.household.findMany({ orderBy: { id: "asc" }, select: { id: true, archiveNo: true, headName: true, address: true, phone: true, status: true, groupId: true } }),
  members: await db.member.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, relation: true, active: true, birthYear: true } }),
  audit: await db.auditLog.count(),
});

/** A refused request changes nothing and writes no audit record. */
async function refused(run: () => Promise<{ status: number; body: any }>, status: number) {
  const before = await snapshot();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(await snapshot()).toEqual(before);
  return res;
}

/** A write succeeds with exactly one audit record, by the caller, from the caller's address. */
async function audited(run: () => Promise<{ status: number; body: any }>, status: number) {
  const since = await lastAuditId();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const records = await db.auditLog.findMany({ where: { id: { gt: since } } });
  expect(records).toHaveLength(1);
  const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true } });
  expect(records[0]).toMatchObject({ actorId: clerk.id, ip: "198.51.100.21", userAgent: "households-test" });
  return { res, audit: records[0]! as { action: string; before: any; after: any; targetType: string; targetId: string } };
}

let xinhua: { id: string };
let sample: { id: string; archiveNo: string; headName: string; headInitials: string; phone: string | null };
let yangpingHousehold: { id: string };

beforeAll(async () => {
  xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  sample = await db.household.findFirstOrThrow({
    where: { villageId: xinhua.id, phone: { not: null }, archiveNo: { not: "JS-XH-00001" }, members: { some: { relation: "SPOUSE" } } },
    orderBy: { archiveNo: "asc" }, select: { id: true, archiveNo: true, headName: true, headInitials: true, phone: true },
  });
  yangpingHousehold = await db.household.findFirstOrThrow({ where: { village: { code: "YP" } }, select: { id: true } });
});

describe("searching households", () => {
  const archiveNos = (res: { body: any }) => res.body.items.map((h: any) => h.archiveNo) as string[];

  it("finds by archive number prefix (any case), serial, name, member's name, phone and pinyin initials", async () => {
    const byPrefix = await search("clerk-xinhua", `q=${sample.archiveNo.slice(0, 9).toLowerCase()}&pageSize=100`);
    expect(byPrefix.status).toBe(200);
    expect(archiveNos(byPrefix)).toContain(sample.archiveNo);
    expect(archiveNos(byPrefix).every((n) => n.startsWith(sample.archiveNo.slice(0, 9)))).toBe(true);
    expect(archiveNos(await search("clerk-xinhua", `q=${Number(sample.archiveNo.slice(-5))}`))).toEqual([sample.archiveNo]);

    expect(archiveNos(await search("clerk-xinhua", `q=${encodeURIComponent(sample.headName)}`))).toContain(sample.archiveNo);
    const spouse = await db.member.findFirstOrThrow({ where: { householdId: sample.id, relation: "SPOUSE" }, select: { name: true } });
    expect(archiveNos(await search("clerk-xinhua", `q=${encodeURIComponent(spouse.name)}`))).toContain(sample.archiveNo);
    expect(archiveNos(await search("clerk-xinhua", `q=${sample.phone!.slice(3, 9)}`))).toContain(sample.archiveNo);

    const byInitials = await search("clerk-xinhua", `q=${sample.headInitials.toUpperCase()}&pageSize=100`);
    expect(archiveNos(byInitials)).toContain(sample.archiveNo);
    const heads = await db.household.findMany({ where: { id: { in: byInitials.body.items.map((h: any) => h.id) } }, select: { headInitials: true } });
    expect(heads.every((h) => h.headInitials.startsWith(sample.headInitials))).toBe(true);

    // Full pinyin, or a mix, as phone keyboards suggest it: "zhangjianguo", "zhangjg".
    const syllables = pinyin(sample.headName, { toneType: "none", type: "array", surname: "head" });
    expect(archiveNos(await search("clerk-xinhua", `q=${syllables.join("")}&pageSize=100`))).toContain(sample.archiveNo);
    expect(archiveNos(await search("clerk-xinhua", `q=${syllables[0]}${sample.headInitials.slice(1)}&pageSize=100`))).toContain(sample.archiveNo);
  });

  it("pages through the actor's scope and filters by status and village", async () => {
    const first = await search("clerk-xinhua", "pageSize=5");
    const total = await db.household.count({ where: { villageId: xinhua.id } });
    expect(first.body).toMatchObject({ total, page: 1, pageSize: 5 });
    expect(first.body.items).toHaveLength(5);
    expect(first.body.items[0]).toMatchObject({ archiveNo: "JS-XH-00001", village: { id: xinhua.id }, members: expect.any(Number) });
    const second = await search("clerk-xinhua", "pageSize=5&page=2");
    expect(second.body.items[0].archiveNo > first.body.items[4].archiveNo).toBe(true);

    const official = await search("official", `villageId=${xinhua.id}&status=ACTIVE&pageSize=1`);
    expect(official.body.total).toBe(await db.household.count({ where: { villageId: xinhua.id, status: "ACTIVE" } }));
    expect((await search("official", "pageSize=1")).body.total).toBe(240);
  });

  it("keeps every caller inside its scope", async () => {
    const elsewhere = await search("clerk-yangping", `q=${sample.archiveNo}`);
    expect(elsewhere.body.items).toEqual([]);
    // A search addressed to a village outside the scope is refused as not found (ADR 0004).
    expect((await search("clerk-yangping", `villageId=${xinhua.id}`)).status).toBe(404);
    expect((await search("JS-XH-00001", "q=JS")).status).toBe(403);
    expect((await search("rep-xinhua-1", "q=JS")).status).toBe(403);
    expect((await callApi("GET", "/api/v1/households?q=JS")).status).toBe(401);
  });

  // The list is one hand-written statement; rankings, selection and access codes filter with the
  // Prisma form of the same search and scope: both must find the same households.
  it("finds exactly what the Prisma form of the search and scope finds, in the same order, with the same total", async () => {
    const spouse = await db.member.findFirstOrThrow({ where: { householdId: sample.id, relation: "SPOUSE" }, select: { name: true } });
    const texts = ["", sample.headName.slice(0, 1), spouse.name, sample.headInitials, "JS-XH", "js-xh-000", "12", sample.phone!.slice(3, 9),
      "%", "_", "\\", "zz9", "X'"];
    for (const username of ["clerk-xinhua", "official", "admin"]) {
      const account = await db.account.findUniqueOrThrow({ where: { username } });
      const actor = { ...account, viaAccessCode: false };
      for (const q of texts) for (const status of [undefined, "MOVED_OUT"] as const) {
        const or = searchConditions(q);
        const where = { AND: [householdWhere(actor), ...(status ? [{ status }] : []), ...(or.length ? [{ OR: or }] : [])] };
        const expected = await db.household.findMany({ where, orderBy: { archiveNo: "asc" }, skip: 3, take: 3, select: { id: true } });
        const res = await search(username, new URLSearchParams({ q, page: "2", pageSize: "3", ...(status ? { status } : {}) }).toString());
        expect(res.status).toBe(200);
        expect(res.body.total, `${username} ${q} ${status}`).toBe(await db.household.count({ where }));
        expect(res.body.items.map((h: any) => h.id), `${username} ${q} ${status}`).toEqual(expected.map((h) => h.id));
      }
    }
  });
});

describe("reading a household", () => {
  it("shows members to the village's clerk, the township and the household itself", async () => {
    const res = await callApi("GET", `/api/v1/households/${sample.id}`, as("clerk-xinhua"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ archiveNo: sample.archiveNo, headName: sample.headName, village: { id: xinhua.id } });
    expect(res.body.members[0]).toMatchObject({ relation: "HEAD", name: sample.headName, active: true });
    expect(JSON.stringify(res.body)).not.toMatch(/idNumber|nationalId|passwordHash/);
    expect((await callApi("GET", `/api/v1/households/${sample.id}`, as("official"))).status).toBe(200);
    const own = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });
    expect((await callApi("GET", `/api/v1/households/${own.id}`, as("JS-XH-00001"))).status).toBe(200);
  });

  it("answers 404 outside the scope and 403 to representatives", async () => {
    expect((await callApi("GET", `/api/v1/households/${sample.id}`, as("clerk-yangping"))).status).toBe(404);
    expect((await callApi("GET", `/api/v1/households/${sample.id}`, as("JS-XH-00001"))).status).toBe(404);
    expect((await callApi("GET", `/api/v1/households/${sample.id}`, as("rep-xinhua-1"))).status).toBe(403);
    expect((await callApi("GET", `/api/v1/households/${sample.id}/history`, as("rep-xinhua-1"))).status).toBe(403);
    expect((await callApi("GET", `/api/v1/households/${yangpingHousehold.id}/history`, as("clerk-xinhua"))).status).toBe(404);
  });
});

describe("creating a household", () => {
  const body = { headName: "曾志伟", headGender: "MALE", headBirthYear: 1972, address: "夹山镇新花村3组88号", phone: "138 0736 9999", registeredOn: "2026-11-01" };

  it("numbers it next in the village, registers the head as a member, and audits it once", async () => {
    const last = await db.household.findFirstOrThrow({ where: { villageId: xinhua.id }, orderBy: { archiveNo: "desc" }, select: { archiveNo: true } });
    const expected = `JS-XH-${String(Number(last.archiveNo.slice(-5)) + 1).padStart(5, "0")}`;
    const { res, audit } = await audited(() => callApi("POST", "/api/v1/households", as("clerk-xinhua", body)), 201);
    expect(res.body).toMatchObject({ archiveNo: expected, headName: "曾志伟", headInitials: "zzw", phone: "13807369999", status: "ACTIVE", registeredOn: "2026-11-01" });
    expect(res.body.members).toEqual([expect.objectContaining({ name: "曾志伟", relation: "HEAD", gender: "MALE", birthYear: 1972, active: true })]);
    expect(audit).toMatchObject({ action: "household.create", targetType: "Household", targetId: res.body.id, after: { archiveNo: expected, headName: "曾志伟" } });
    const found = await search("clerk-xinhua", "q=zzw");
    expect(found.body.items.map((h: any) => h.archiveNo)).toContain(expected);
  });

  it("refuses bad input, other roles and another village's group, changing nothing", async () => {
    const bad = await refused(() => callApi("POST", "/api/v1/households", as("clerk-xinhua", { ...body, headBirthYear: 1850, phone: "12345", headName: "" })), 400);
    expect(fields(bad.body.error.details)).toEqual(["headBirthYear", "headName", "phone"]);
    expect(messages(bad.body.error.details).headBirthYear).toBe("出生年份应为 1900 到今年之间的四位数字。");
    const group = await db.villagerGroup.findFirstOrThrow({ where: { village: { code: "YP" } }, select: { id: true } });
    await refused(() => callApi("POST", "/api/v1/households", as("clerk-xinhua", { ...body, groupId: group.id })), 400);
    await refused(() => callApi("POST", "/api/v1/households", as("official", body)), 403);
    await refused(() => callApi("POST", "/api/v1/households", as("admin", body)), 403);
    await refused(() => callApi("POST", "/api/v1/households", as("rep-xinhua-1", body)), 403);
    await refused(() => callApi("POST", "/api/v1/households", as("JS-XH-00001", body)), 403);
  });
});

describe("editing a household", () => {
  it("requires a reason, and records before, after and the reason", async () => {
    const path = `/api/v1/households/${sample.id}`;
    const missing = await refused(() => callApi("PATCH", path, as("clerk-xinhua", { address: "新地址1号" })), 400);
    expect(messages(missing.body.error.details)).toEqual({ reason: "请写明原因（至少 2 个字），这会记入这户的修改记录。" });
    const before = await db.household.findUniqueOrThrow({ where: { id: sample.id }, select: { address: true, phone: true } });
    const { res, audit } = await audited(() => callApi("PATCH", path, as("clerk-xinhua", { address: "夹山镇新花村2组6号", phone: null, reason: "按户口簿更正住址" })), 200);
    expect(res.body).toMatchObject({ address: "夹山镇新花村2组6号", phone: null });
    expect(audit).toMatchObject({
      action: "household.update", targetType: "Household", targetId: sample.id,
      before: { address: before.address, phone: before.phone }, after: { address: "夹山镇新花村2组6号", phone: null, reason: "按户口簿更正住址" },
    });
    await refused(() => callApi("PATCH", path, as("clerk-xinhua", { address: "夹山镇新花村2组6号", reason: "再次保存" })), 422);
  });

  it("renames the head member with the household, and recomputes the initials", async () => {
    const { res } = await audited(() => callApi("PATCH", `/api/v1/households/${sample.id}`, as("clerk-xinhua", { headName: "单雄信", reason: "户主姓名登记错字" })), 200);
    expect(res.body).toMatchObject({ headName: "单雄信", headInitials: "sxx" });
    expect(res.body.members[0]).toMatchObject({ relation: "HEAD", name: "单雄信" });
  });

  it("refuses other villages, representatives, households and officials, changing nothing", async () => {
    const change = { address: "别处", reason: "测试越权" };
    await refused(() => callApi("PATCH", `/api/v1/households/${yangpingHousehold.id}`, as("clerk-xinhua", change)), 404);
    await refused(() => callApi("PATCH", `/api/v1/households/${sample.id}`, as("clerk-yangping", change)), 404);
    await refused(() => callApi("PATCH", `/api/v1/households/${sample.id}`, as("rep-xinhua-1", change)), 403);
    await refused(() => callApi("PATCH", `/api/v1/households/${sample.id}`, as("JS-XH-00001", change)), 403);
    await refused(() => callApi("PATCH", `/api/v1/households/${sample.id}`, as("official", change)), 403);
    await refused(() => callApi("POST", `/api/v1/households/${sample.id}/status`, as("clerk-yangping", { status: "INACTIVE", reason: "越权" })), 404);
  });
});

describe("status changes", () => {
  it("moves a household out and back without ever deleting it", async () => {
    const path = `/api/v1/households/${sample.id}/status`;
    const count = await db.household.count();
    await refused(() => callApi("POST", path, as("clerk-xinhua", { status: "MOVED_OUT" })), 400);
    const { audit } = await audited(() => callApi("POST", path, as("clerk-xinhua", { status: "MOVED_OUT", reason: "全家迁往县城" })), 200);
    expect(audit).toMatchObject({ action: "household.setStatus", before: { status: "ACTIVE" }, after: { status: "MOVED_OUT", reason: "全家迁往县城" } });
    expect(await db.household.count()).toBe(count);
    expect((await callApi("GET", `/api/v1/households/${sample.id}`, as("clerk-xinhua"))).body.status).toBe("MOVED_OUT");
    await refused(() => callApi("POST", path, as("clerk-xinhua", { status: "MOVED_OUT", reason: "重复" })), 422);
    await audited(() => callApi("POST", path, as("clerk-xinhua", { status: "ACTIVE", reason: "又迁回本村" })), 200);
  });
});

describe("members", () => {
  it("adds, corrects and deactivates members, one audit record each, never deleting", async () => {
    const added = await audited(() => callApi("POST", `/api/v1/households/${sample.id}/members`,
      as("clerk-xinhua", { name: "单小雨", relation: "GRANDDAUGHTER", gender: "FEMALE", birthYear: 2024, reason: "新生儿" })), 201);
    const memberId = added.res.body.id;
    expect(added.audit).toMatchObject({ action: "member.add", targetType: "Member", targetId: memberId, after: { householdId: sample.id, name: "单小雨", reason: "新生儿" } });

    await refused(() => callApi("PATCH", `/api/v1/members/${memberId}`, as("clerk-xinhua", { birthYear: 2023 })), 400);
    const fixed = await audited(() => callApi("PATCH", `/api/v1/members/${memberId}`, as("clerk-xinhua", { birthYear: 2023, reason: "出生年份登记错" })), 200);
    expect(fixed.audit).toMatchObject({ action: "member.update", before: { birthYear: 2024 }, after: { birthYear: 2023, reason: "出生年份登记错" } });

    const count = await db.member.count();
    const left = await audited(() => callApi("POST", `/api/v1/members/${memberId}/deactivate`, as("clerk-xinhua", { reason: "随父母迁出" })), 200);
    expect(left.res.body).toMatchObject({ id: memberId, active: false });
    expect(await db.member.count()).toBe(count);
    await refused(() => callApi("POST", `/api/v1/members/${memberId}/deactivate`, as("clerk-xinhua", { reason: "再次" })), 422);
    await refused(() => callApi("POST", `/api/v1/members/${memberId}/deactivate`, as("clerk-yangping", { reason: "越权" })), 404);
    await refused(() => callApi("POST", `/api/v1/households/${sample.id}/members`, as("rep-xinhua-1", { name: "某", relation: "SON", birthYear: 2000 })), 403);
  });

  it("keeps one head: a second head is refused, the head cannot leave, and a handover swaps them", async () => {
    const head = await db.member.findFirstOrThrow({ where: { householdId: sample.id, relation: "HEAD" }, select: { id: true } });
    const spouse = await db.member.findFirstOrThrow({ where: { householdId: sample.id, relation: "SPOUSE" }, select: { id: true, name: true } });
    await refused(() => callApi("POST", `/api/v1/households/${sample.id}/members`, as("clerk-xinhua", { name: "某", relation: "HEAD", birthYear: 1990 })), 422);
    await refused(() => callApi("POST", `/api/v1/members/${head.id}/deactivate`, as("clerk-xinhua", { reason: "去世" })), 422);
    await refused(() => callApi("PATCH", `/api/v1/members/${spouse.id}`, as("clerk-xinhua", { relation: "HEAD", reason: "原户主去世" })), 422);
    const handover = await audited(() => callApi("PATCH", `/api/v1/members/${spouse.id}`,
      as("clerk-xinhua", { relation: "HEAD", formerHeadRelation: "SPOUSE", reason: "原户主年老，由配偶当户主" })), 200);
    expect(handover.audit.after).toMatchObject({ relation: "HEAD", formerHead: { id: head.id, relation: "SPOUSE" } });
    const household = (await callApi("GET", `/api/v1/households/${sample.id}`, as("clerk-xinhua"))).body;
    expect(household.headName).toBe(spouse.name);
    expect(household.members.filter((m: any) => m.relation === "HEAD" && m.active)).toEqual([expect.objectContaining({ id: spouse.id })]);
  });
});

describe("history", () => {
  it("lists the household's and its members' changes newest first, with who and why", async () => {
    const res = await callApi("GET", `/api/v1/households/${sample.id}/history`, as("clerk-xinhua"));
    expect(res.status).toBe(200);
    const actions = res.body.items.map((i: any) => i.action);
    expect(actions.slice(0, 4)).toEqual(["member.update", "member.deactivate", "member.update", "member.add"]);
    expect(actions).toContain("household.setStatus");
    expect(res.body.items[0]).toMatchObject({ actor: { displayName: expect.any(String) }, reason: "原户主年老，由配偶当户主", targetType: "Member" });
    expect(res.body.items.findLast((i: any) => i.action === "household.update")).toMatchObject({ before: { address: expect.any(String) }, reason: "按户口簿更正住址" });
    expect(JSON.stringify(res.body)).not.toContain("198.51.100.21");
    expect((await callApi("GET", `/api/v1/households/${sample.id}/history`, as("official"))).status).toBe(200);
  });
});
