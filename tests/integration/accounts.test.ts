import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { signIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { codes, fields, messages } from "../helpers/error-details";

// The address header the production server sets (scripts/serve.ts); the audit log takes it from there.
const CLIENT = { [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "user-agent": "accounts-test" };
const as = (username: string) => ({ as: { username }, headers: CLIENT });
const post = (path: string, username: string, body?: unknown) => callApi("POST", path, { ...as(username), body });
const from = (ip: string) => ({ ip, userAgent: "vitest" });

const village = (code: string) => db.village.findFirstOrThrow({ where: { code }, select: { id: true, townshipId: true } });
const householdWithoutAccount = (villageId: string, skip = 0) =>
  db.household.findFirstOrThrow({
    where: { villageId, status: "ACTIVE", accounts: { none: {} }, residents: { none: {} } },
    orderBy: { archiveNo: "asc" }, skip, select: { id: true, archiveNo: true, headName: true },
  });
const lastAuditId = async () => (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
const auditSince = (id: bigint) => db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
const counts = async () => ({ accounts: await db.account.count(), audit: await db.auditLog.count() });

/** Runs a refused request and checks that it changed nothing at all. */
async function refused(run: () => Promise<{ status: number; body: any }>, status: number) {
  const before = await counts();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBeTypeOf("string");
  expect(await counts()).toEqual(before);
  return res;
}

/** Runs a write and returns its response and the one audit record it must have left. */
async function audited(run: () => Promise<{ status: number; body: any }>, status: number) {
  const since = await lastAuditId();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const records = await auditSince(since);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ ip: "198.51.100.7", userAgent: "accounts-test" });
  return { res, audit: records[0]! };
}

let xinhua: { id: string; townshipId: string };
let yangping: { id: string; townshipId: string };
let elsewhere: { townshipId: string; villageId: string; householdId: string };

beforeAll(async () => {
  xinhua = await village("XH");
  yangping = await village("YP");
  const township = await db.township.create({ data: { code: "QT", name: "其他镇", county: "石门县" } });
  const other = await db.village.create({ data: { townshipId: township.id, code: "ZZ", name: "远村", kind: "VILLAGE" } });
  const household = await db.household.create({
    data: { villageId: other.id, archiveNo: "QT-ZZ-00001", headName: "王五", headInitials: "ww", address: "远村1组1号", registeredOn: new Date("2020-01-01") },
  });
  elsewhere = { townshipId: township.id, villageId: other.id, householdId: household.id };
});

describe("creating accounts", () => {
  it("lets an official create clerks and representatives of the township, and an admin officials, each with one audit record", async () => {
    const home = await householdWithoutAccount(xinhua.id);
    const bodies = [
      { by: "admin", role: "TOWNSHIP_OFFICIAL", username: "Official-New", displayName: "新干部", password: "secret123", townshipId: xinhua.townshipId },
      { by: "official", role: "CLERK", username: "clerk-new", displayName: "新理事", password: "secret123", villageId: xinhua.id, homeHouseholdId: home.id },
      { by: "official", role: "REPRESENTATIVE", username: "rep-new", displayName: "新代表", password: "secret123", villageId: xinhua.id },
    ];
    for (const { by, ...body } of bodies) {
      const { res, audit } = await audited(() => post("/api/v1/accounts", by, body), 201);
      expect(res.body.account).toMatchObject({ role: body.role, username: body.username.toLowerCase(), active: true, mustChangePassword: true });
      expect(res.body.account).not.toHaveProperty("passwordHash");
      expect(res.body.accessCode).toBeNull();
      const creator = await db.account.findUniqueOrThrow({ where: { username: by }, select: { id: true } });
      expect(audit).toMatchObject({ actorId: creator.id, action: "account.create", targetType: "Account", targetId: res.body.account.id, before: null });
      expect(audit.after).toMatchObject({ username: body.username.toLowerCase(), role: body.role });
      expect(JSON.stringify(audit.after)).not.toMatch(/argon2|secret123/);
    }
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-new" } });
    expect(clerk).toMatchObject({ townshipId: xinhua.townshipId, villageId: xinhua.id, homeHouseholdId: home.id });
    expect(await signIn("clerk-new", "secret123", from("10.1.0.1"))).toMatchObject({ ok: true, mustChangePassword: true });
  });

  it("gives a new household account its archive number and a one-time access code instead of a password", async () => {
    const household = await householdWithoutAccount(xinhua.id, 1);
    const { res } = await audited(() => post("/api/v1/accounts", "official", { role: "HOUSEHOLD", householdId: household.id }), 201);
    expect(res.body.account).toMatchObject({ username: household.archiveNo, displayName: household.headName, role: "HOUSEHOLD", hasAccessCode: true });
    expect(res.body.accessCode.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(await signIn(household.archiveNo, res.body.accessCode.code, from("10.1.0.2"))).toMatchObject({ ok: true, mustChangePassword: true });
    await refused(() => post("/api/v1/accounts", "official", { role: "HOUSEHOLD", householdId: household.id }), 409);
  });

  it("lets only an admin create an admin", async () => {
    const body = { role: "ADMIN", username: "admin-2", displayName: "第二管理员", password: "secret123" };
    await refused(() => post("/api/v1/accounts", "official", body), 403);
    await audited(() => post("/api/v1/accounts", "admin", body), 201);
  });

  it("refuses places outside the official's township, clerks, duplicates and bad input, changing nothing", async () => {
    const staff = { username: "someone", displayName: "某人", password: "secret123" };
    await refused(() => post("/api/v1/accounts", "official", { ...staff, role: "CLERK", villageId: elsewhere.villageId }), 404);
    await refused(() => post("/api/v1/accounts", "admin", { ...staff, role: "CLERK", villageId: "00000000-0000-7000-8000-000000000000" }), 404);
    await refused(() => post("/api/v1/accounts", "official", { role: "HOUSEHOLD", householdId: elsewhere.householdId }), 404);
    await refused(() => post("/api/v1/accounts", "clerk-xinhua", { ...staff, role: "CLERK", villageId: xinhua.id }), 403);
    const dup = await refused(() => post("/api/v1/accounts", "official", { ...staff, role: "CLERK", villageId: xinhua.id, username: "CLERK-Yangping" }), 409);
    expect(codes(dup.body.error.details)).toEqual({ username: "errors.usernameTaken" });
    const home = await householdWithoutAccount(yangping.id);
    await refused(() => post("/api/v1/accounts", "official", { ...staff, role: "CLERK", villageId: xinhua.id, homeHouseholdId: home.id }), 422);
    const bad = await refused(() => post("/api/v1/accounts", "official", { role: "CLERK", username: "a b", displayName: "", password: "short", villageId: "x" }), 400);
    expect(fields(bad.body.error.details)).toEqual(["displayName", "password", "username", "villageId"]);
    expect(messages(bad.body.error.details).username).toBe("用户名只能包含小写字母、数字、点、横线和下划线，并以字母或数字开头。");
  });
});

describe("managing accounts", () => {
  it("lists and reads accounts within scope only", async () => {
    const list = await callApi("GET", `/api/v1/accounts?role=CLERK&villageId=${xinhua.id}`, as("official"));
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: any) => a.username)).toEqual(expect.arrayContaining(["clerk-xinhua", "clerk-xinhua-2"]));
    expect(list.body.items.every((a: any) => a.role === "CLERK" && a.village.id === xinhua.id)).toBe(true);
    const found = await callApi("GET", "/api/v1/accounts?q=yangping&pageSize=5", as("official"));
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items.every((a: any) => a.username.includes("yangping"))).toBe(true);

    const outsider = await db.account.create({
      data: { username: "official-qt", displayName: "外镇干部", role: "TOWNSHIP_OFFICIAL", townshipId: elsewhere.townshipId },
    });
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    expect((await callApi("GET", `/api/v1/accounts/${outsider.id}`, as("official"))).status).toBe(404);
    expect((await callApi("GET", `/api/v1/accounts/${admin.id}`, as("official"))).status).toBe(404);
    expect((await callApi("GET", `/api/v1/accounts/${outsider.id}`, as("admin"))).status).toBe(200);
    expect((await callApi("GET", "/api/v1/accounts", as("official-qt"))).body.items.map((a: any) => a.username)).toEqual(["official-qt"]);
    expect((await callApi("GET", "/api/v1/accounts", as("clerk-xinhua"))).status).toBe(403);
  });

  it("updates name, role and village under the same scope rules, auditing before and after", async () => {
    const rep = await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-3" }, select: { id: true, homeHouseholdId: true } });
    const { res, audit } = await audited(
      () => callApi("PATCH", `/api/v1/accounts/${rep.id}`, { ...as("official"), body: { role: "CLERK", villageId: yangping.id, displayName: "调任理事" } }), 200);
    expect(res.body).toMatchObject({ role: "CLERK", displayName: "调任理事", village: { id: yangping.id }, homeHousehold: null });
    expect(audit).toMatchObject({ action: "account.update", targetId: rep.id });
    expect(audit.before).toMatchObject({ role: "REPRESENTATIVE", villageId: xinhua.id, homeHouseholdId: rep.homeHouseholdId });
    expect(audit.after).toMatchObject({ role: "CLERK", villageId: yangping.id, homeHouseholdId: null });

    await refused(() => callApi("PATCH", `/api/v1/accounts/${rep.id}`, { ...as("official"), body: { role: "ADMIN" } }), 403);
    await refused(() => callApi("PATCH", `/api/v1/accounts/${rep.id}`, { ...as("official"), body: { villageId: elsewhere.villageId } }), 404);
    await refused(() => callApi("PATCH", `/api/v1/accounts/${rep.id}`, { ...as("official"), body: { role: "HOUSEHOLD" } }), 422);
    const me = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const own = await refused(() => callApi("PATCH", `/api/v1/accounts/${me.id}`, { ...as("admin"), body: { role: "CLERK", villageId: xinhua.id } }), 403);
    expect(own.body.error.message).toContain("不能更改自己账号的身份或状态");
  });

  it("refuses a deactivated account on its very next request, and lets it back in when reactivated", async () => {
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-yangping-2" }, select: { id: true } });
    expect((await callApi("GET", "/api/v1/me", as("clerk-yangping-2"))).status).toBe(200);
    const { audit } = await audited(() => post(`/api/v1/accounts/${clerk.id}/deactivate`, "official"), 200);
    expect(audit).toMatchObject({ action: "account.deactivate", before: { active: true }, after: { active: false } });
    expect((await callApi("GET", "/api/v1/me", as("clerk-yangping-2"))).status).toBe(401);
    await audited(() => post(`/api/v1/accounts/${clerk.id}/reactivate`, "official"), 200);
    expect((await callApi("GET", "/api/v1/me", as("clerk-yangping-2"))).status).toBe(200);

    const me = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    await refused(() => post(`/api/v1/accounts/${me.id}/deactivate`, "admin"), 403);
    await refused(() => post(`/api/v1/accounts/${clerk.id}/deactivate`, "clerk-xinhua"), 403);
  });

  it("resets a password to a temporary one that must be changed, returned once", async () => {
    const rep = await db.account.findUniqueOrThrow({ where: { username: "rep-yangping-1" }, select: { id: true } });
    const { res, audit } = await audited(() => post(`/api/v1/accounts/${rep.id}/reset-password`, "official"), 200);
    const temporary: string = res.body.temporaryPassword;
    expect(temporary).toMatch(/^(?=.*[a-z])(?=.*\d)[a-z2-9]{12}$/);
    expect(audit).toMatchObject({ action: "account.resetPassword", after: { mustChangePassword: true } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(temporary);
    expect(await signIn("rep-yangping-1", "demo1234", from("10.1.0.3"))).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await signIn("rep-yangping-1", temporary, from("10.1.0.3"))).toMatchObject({ ok: true, mustChangePassword: true });
    await refused(() => post(`/api/v1/accounts/${rep.id}/reset-password`, "clerk-yangping"), 403);
  });
});

describe("household access codes", () => {
  it("are cleared by a deactivation, so a reactivated household cannot sign in with an old code", async () => {
    const household = await householdWithoutAccount(xinhua.id, 4);
    const issued = await post(`/api/v1/households/${household.id}/access-code`, "clerk-xinhua");
    expect(issued.status).toBe(200);
    const id: string = issued.body.account.id;
    const { audit } = await audited(() => post(`/api/v1/accounts/${id}/deactivate`, "official"), 200);
    expect(audit.before).toMatchObject({ active: true, accessCodeExpiresAt: issued.body.accessCode.expiresAt });
    expect(audit.after).toMatchObject({ active: false, accessCodeExpiresAt: null });
    expect(await db.account.findUniqueOrThrow({ where: { id }, select: { accessCodeHash: true, accessCodeExpiresAt: true } }))
      .toEqual({ accessCodeHash: null, accessCodeExpiresAt: null });
    expect((await post(`/api/v1/accounts/${id}/reactivate`, "official")).status).toBe(200);
    expect(await signIn(household.archiveNo, issued.body.accessCode.code, from("10.1.0.10"))).toEqual({ ok: false, reason: "INVALID" });
  });

  it("lets a clerk issue a one-time code for a household of the village, creating its account", async () => {
    const household = await householdWithoutAccount(xinhua.id, 2);
    const { res, audit } = await audited(() => post(`/api/v1/households/${household.id}/access-code`, "clerk-xinhua"), 200);
    expect(res.body).toMatchObject({ accountCreated: true, account: { username: household.archiveNo }, household: { archiveNo: household.archiveNo, village: { id: xinhua.id } } });
    const code: string = res.body.accessCode.code;
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
    const days = (new Date(res.body.accessCode.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(audit).toMatchObject({ action: "account.issueAccessCode", targetId: res.body.account.id, villageId: xinhua.id });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(code);
    const stored = await db.account.findUniqueOrThrow({ where: { username: household.archiveNo } });
    expect(stored.accessCodeHash).toMatch(/^\$argon2id\$/);

    expect(await signIn(household.archiveNo, code, from("10.1.0.4"))).toMatchObject({ ok: true, mustChangePassword: true });
    expect(await signIn(household.archiveNo, code, from("10.1.0.4"))).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("reuses an existing household account and replaces its earlier code", async () => {
    const account = await db.account.findUniqueOrThrow({ where: { username: "JS-XH-00001" }, select: { id: true, householdId: true } });
    const first = await post(`/api/v1/households/${account.householdId}/access-code`, "official");
    const { res } = await audited(() => post(`/api/v1/households/${account.householdId}/access-code`, "clerk-xinhua"), 200);
    expect(res.body).toMatchObject({ accountCreated: false, account: { id: account.id } });
    expect(await signIn("JS-XH-00001", first.body.accessCode.code, from("10.1.0.5"))).toMatchObject({ ok: false });
    expect(await signIn("JS-XH-00001", res.body.accessCode.code, from("10.1.0.5"))).toMatchObject({ ok: true, mustChangePassword: true });
  });

  it("refuses households outside the clerk's village, moved-out households and callers without the permission", async () => {
    const other = await householdWithoutAccount(yangping.id, 3);
    await refused(() => post(`/api/v1/households/${other.id}/access-code`, "clerk-xinhua"), 404);
    await refused(() => post(`/api/v1/households/${elsewhere.householdId}/access-code`, "official"), 404);
    await refused(() => post(`/api/v1/households/${other.id}/access-code`, "rep-xinhua-1"), 403);
    const movedOut = await db.household.findFirstOrThrow({ where: { status: { not: "ACTIVE" }, accounts: { none: {} } }, select: { id: true } });
    await refused(() => post(`/api/v1/households/${movedOut.id}/access-code`, "official"), 422);
    await refused(() => post("/api/v1/accounts", "official", { role: "HOUSEHOLD", householdId: movedOut.id }), 422);
    await audited(() => post(`/api/v1/households/${other.id}/access-code`, "clerk-yangping"), 200);
  });
});

describe("sign-in names", () => {
  it("refuses a name that differs from an existing one only in case", async () => {
    const staff = { role: "CLERK", displayName: "某人", password: "secret123", villageId: xinhua.id };
    const twin = await refused(() => post("/api/v1/accounts", "official", { ...staff, username: "Clerk-XinHua" }), 409);
    expect(codes(twin.body.error.details)).toEqual({ username: "errors.usernameTaken" });
  });

  it("refuses a staff name shaped like an archive number, taken or not: it would take a household's sign-in key", async () => {
    const staff = { role: "CLERK", displayName: "某人", password: "secret123", villageId: xinhua.id };
    for (const username of ["js-xh-00001", "js-xh-00099", "JS-XH-00099", "Qt-Zz9-00007"]) {
      const shadow = await refused(() => post("/api/v1/accounts", "official", { ...staff, username }), 400);
      expect(messages(shadow.body.error.details)).toEqual({ username: "不能用档案编号那样的名字（如 JS-XH-00001）作登录名：那是农户登录用的。" });
    }
    // The staff names the installation uses are not archive numbers.
    const { UsernameSchema } = await import("@/lib/schemas/accounts");
    for (const username of ["clerk-xinhua-2", "rep-xinhua-12", "clerk-xh", "js-xh"]) expect(UsernameSchema.safeParse(username).success).toBe(true);
  });

  it("keeps the sign-in key on every account, even one written without it, and the unique index refuses a case twin", async () => {
    const created = await db.account.create({
      data: { username: "Case-Twin", displayName: "大小写", role: "CLERK", townshipId: xinhua.townshipId, villageId: xinhua.id },
      select: { id: true, usernameKey: true },
    });
    expect(created.usernameKey).toBe("case-twin");
    await expect(db.account.create({
      data: { username: "case-twin", displayName: "大小写", role: "CLERK", townshipId: xinhua.townshipId, villageId: xinhua.id },
    })).rejects.toThrow();
    expect(await db.account.count({ where: { usernameKey: null } })).toBe(0);
  });

  it("lets a household created by an official sign in with its code under any case of its archive number", async () => {
    const household = await householdWithoutAccount(yangping.id, 5);
    const res = await post("/api/v1/accounts", "official", { role: "HOUSEHOLD", householdId: household.id });
    expect(res.status).toBe(201);
    const row = await db.account.findUniqueOrThrow({ where: { id: res.body.account.id }, select: { usernameKey: true } });
    expect(row.usernameKey).toBe(household.archiveNo.toLowerCase());
    expect(await signIn(household.archiveNo.toLowerCase(), res.body.accessCode.code, from("10.1.0.9"))).toMatchObject({ ok: true, method: "ACCESS_CODE" });
  });
});
