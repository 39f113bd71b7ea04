import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { usernameKey } from "@/lib/domain/username-key";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";

// The account page's Server Actions read the session cookie through next/headers and translate
// through next-intl: both stand in here (the route handlers above need neither).
const page = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (page.cookie.startsWith(`${name}=`) ? { name, value: page.cookie.slice(name.length + 1) } : undefined),
  }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect to ${to}`); } }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  const t = translatorFor("zh-CN") as unknown as ((key: string, values?: object) => string) & { has: (key: string) => boolean };
  return { getTranslations: async () => Object.assign((key: string, values?: object) => t(key, values), { has: (key: string) => t.has(key) }) };
});

// Who manages whom (DESIGN.md "Who uses it", lib/server/authz/manage-accounts.ts) as a table:
// actor × target × action → status, on real accounts inside and outside the actor's scope, each
// row on a target of its own. A refusal must leave the target (and the actor) exactly as it was
// and write no audit record; a success writes one.

type Actor = "admin" | "official" | "clerk";
type Target = "admin" | "officialSame" | "officialOther" | "clerk" | "representative" | "household" | "clerkOther" | "self";
type Action = "rename" | "toClerk" | "toOfficial" | "toAdmin" | "deactivate" | "reactivate" | "resetPassword";

const ACTIONS: Action[] = ["rename", "toClerk", "toOfficial", "toAdmin", "deactivate", "reactivate", "resetPassword"];
const all = (status: number): Record<Action, number> => Object.fromEntries(ACTIONS.map((a) => [a, status])) as Record<Action, number>;
const row = (rename: number, toClerk: number, toOfficial: number, toAdmin: number, deactivate: number, reactivate: number, resetPassword: number) =>
  ({ rename, toClerk, toOfficial, toAdmin, deactivate, reactivate, resetPassword });

//                          rename toClerk toOfficial toAdmin deactivate reactivate reset
const TABLE: Record<Actor, Partial<Record<Target, Record<Action, number>>>> = {
  admin: {
    admin: /*          */ row(200, 200, 200, 200, 200, 200, 200),
    officialSame: /*   */ row(200, 200, 200, 200, 200, 200, 200),
    officialOther: /*  */ row(200, 200, 200, 200, 200, 200, 200),
    clerk: /*          */ row(200, 200, 200, 200, 200, 200, 200),
    representative: /* */ row(200, 200, 200, 200, 200, 200, 200),
    household: /*      */ row(200, 422, 422, 422, 200, 200, 200),
    clerkOther: /*     */ row(200, 200, 200, 200, 200, 200, 200),
    // Its own name, yes; its own role, status or password (here), no. "toAdmin" changes nothing.
    self: /*           */ row(200, 403, 403, 200, 403, 403, 403),
  },
  official: {
    admin: all(404), // outside the township: not even there
    officialSame: all(403), // visible, but only an admin manages officials
    officialOther: all(404),
    clerk: /*          */ row(200, 200, 403, 403, 200, 200, 200),
    representative: /* */ row(200, 200, 403, 403, 200, 200, 200),
    household: /*      */ row(200, 422, 403, 403, 200, 200, 200),
    clerkOther: all(404),
    self: all(403),
  },
  clerk: { clerk: all(403), household: all(403), self: all(403) },
};

// Why a visible target was refused, as the caller reads it (not the generic "no permission").
const REASONS = {
  notManaged: "乡镇干部和系统管理员的账号只能由系统管理员管理；乡镇干部管理本镇的村理事会成员、村民代表和农户账号。",
  notGrantable: "只有系统管理员才能开设乡镇干部或系统管理员账号，或把账号改成这两种身份。",
  self: "不能更改自己账号的身份或状态，也不能在这里重置自己的密码。请另一位管理员办理；修改自己的密码请到“我的账号”。",
  generic: "您没有权限进行此操作。",
};

const usernames: Record<Actor, string> = { admin: "admin", official: "official", clerk: "clerk-xinhua" };

let jiashanId: string;
let xinhuaId: string;
let other: OtherTownship;
let freeHouseholds: { id: string; villageId: string; archiveNo: string }[];

beforeAll(async () => {
  const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true, townshipId: true } });
  xinhuaId = xinhua.id;
  jiashanId = xinhua.townshipId;
  other = await createOtherTownship("MA");
  freeHouseholds = await db.household.findMany({
    where: { status: "ACTIVE", accounts: { none: {} }, village: { townshipId: jiashanId } },
    select: { id: true, villageId: true, archiveNo: true }, orderBy: { archiveNo: "asc" }, take: 60,
  });
});

/** A fresh account of the kind the row needs, with a password and an API token (so a refusal can show both survived). */
async function newTarget(target: Exclude<Target, "self">): Promise<string> {
  const username = `t-${randomUUID().slice(0, 8)}`;
  const base = { username, usernameKey: usernameKey(username), displayName: "表中账号", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y" };
  const place: Record<Exclude<Target, "self">, { role: Role; townshipId?: string; villageId?: string; householdId?: string }> = {
    admin: { role: "ADMIN" },
    officialSame: { role: "TOWNSHIP_OFFICIAL", townshipId: jiashanId },
    officialOther: { role: "TOWNSHIP_OFFICIAL", townshipId: other.townshipId },
    clerk: { role: "CLERK", townshipId: jiashanId, villageId: xinhuaId },
    representative: { role: "REPRESENTATIVE", townshipId: jiashanId, villageId: xinhuaId },
    clerkOther: { role: "CLERK", townshipId: other.townshipId, villageId: other.villageId },
    household: { role: "HOUSEHOLD", townshipId: jiashanId },
  };
  const data = { ...base, ...place[target] };
  if (target === "household") {
    const household = freeHouseholds.shift()!;
    Object.assign(data, { username: household.archiveNo, usernameKey: usernameKey(household.archiveNo), villageId: household.villageId, householdId: household.id });
  }
  const account = await db.account.create({ data, select: { id: true } });
  await db.apiToken.create({ data: { accountId: account.id, name: "t", prefix: "fca_t", tokenHash: randomUUID() } });
  return account.id;
}

function request(action: Action, id: string): { method: string; path: string; body?: unknown } {
  switch (action) {
    case "rename": return { method: "PATCH", path: `/api/v1/accounts/${id}`, body: { displayName: "改过的名字" } };
    case "toClerk": return { method: "PATCH", path: `/api/v1/accounts/${id}`, body: { role: "CLERK", villageId: xinhuaId } };
    case "toOfficial": return { method: "PATCH", path: `/api/v1/accounts/${id}`, body: { role: "TOWNSHIP_OFFICIAL", townshipId: jiashanId } };
    case "toAdmin": return { method: "PATCH", path: `/api/v1/accounts/${id}`, body: { role: "ADMIN" } };
    case "deactivate": return { method: "POST", path: `/api/v1/accounts/${id}/deactivate` };
    case "reactivate": return { method: "POST", path: `/api/v1/accounts/${id}/reactivate` };
    case "resetPassword": return { method: "POST", path: `/api/v1/accounts/${id}/reset-password` };
  }
}

const snapshot = async (id: string) => ({
  account: await db.account.findUniqueOrThrow({ where: { id } }),
  tokens: await db.apiToken.findMany({ where: { accountId: id }, orderBy: { id: "asc" } }),
});

const cases = Object.entries(TABLE).flatMap(([actor, targets]) =>
  Object.entries(targets).flatMap(([target, actions]) =>
    ACTIONS.map((action) => ({ actor: actor as Actor, target: target as Target, action, status: actions![action] }))));

describe("who manages whom", () => {
  it.each(cases)("$actor × $target × $action → $status", async ({ actor, target, action, status }) => {
    const id = target === "self"
      ? (await db.account.findUniqueOrThrow({ where: { username: usernames[actor] }, select: { id: true } })).id
      : await newTarget(target);
    if (action === "reactivate" && target !== "self") await db.account.update({ where: { id }, data: { active: false } });
    const before = await snapshot(id);
    const auditBefore = await db.auditLog.count();

    const { method, path, body } = request(action, id);
    const res = await callApi(method, path, { as: { username: usernames[actor] }, body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);

    if (status >= 400) {
      expect(await snapshot(id)).toEqual(before);
      expect(await db.auditLog.count()).toBe(auditBefore);
      if (status === 403) {
        const expected = actor === "clerk" ? REASONS.generic
          : target === "self" && (actor === "admin") ? REASONS.self
          : target === "officialSame" || target === "self" ? REASONS.notManaged
          : REASONS.notGrantable;
        expect(res.body.error.message).toBe(expected);
      }
    } else {
      expect(await db.auditLog.count()).toBe(auditBefore + 1);
      if (action === "resetPassword") expect(res.body.temporaryPassword).toMatch(/^[a-z2-9]{12}$/);
    }
  });
});

describe("creating accounts of each role", () => {
  const bodies = (): Record<Role, object> => ({
    ADMIN: { role: "ADMIN", username: `a-${randomUUID().slice(0, 8)}`, displayName: "新管理员", password: "Start-2026x" },
    TOWNSHIP_OFFICIAL: { role: "TOWNSHIP_OFFICIAL", username: `o-${randomUUID().slice(0, 8)}`, displayName: "新干部", password: "Start-2026x", townshipId: jiashanId },
    CLERK: { role: "CLERK", username: `c-${randomUUID().slice(0, 8)}`, displayName: "新理事", password: "Start-2026x", villageId: xinhuaId },
    REPRESENTATIVE: { role: "REPRESENTATIVE", username: `r-${randomUUID().slice(0, 8)}`, displayName: "新代表", password: "Start-2026x", villageId: xinhuaId },
    HOUSEHOLD: { role: "HOUSEHOLD", householdId: freeHouseholds.shift()!.id },
  });
  const CREATE: Record<Actor, Record<Role, number>> = {
    admin: { ADMIN: 201, TOWNSHIP_OFFICIAL: 201, CLERK: 201, REPRESENTATIVE: 201, HOUSEHOLD: 201 },
    official: { ADMIN: 403, TOWNSHIP_OFFICIAL: 403, CLERK: 201, REPRESENTATIVE: 201, HOUSEHOLD: 201 },
    clerk: { ADMIN: 403, TOWNSHIP_OFFICIAL: 403, CLERK: 403, REPRESENTATIVE: 403, HOUSEHOLD: 403 },
  };
  const rows = Object.entries(CREATE).flatMap(([actor, roles]) =>
    Object.entries(roles).map(([role, status]) => ({ actor: actor as Actor, role: role as Role, status })));

  it.each(rows)("$actor creates $role → $status", async ({ actor, role, status }) => {
    const before = { accounts: await db.account.count(), audit: await db.auditLog.count() };
    const res = await callApi("POST", "/api/v1/accounts", { as: { username: usernames[actor] }, body: bodies()[role] });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const after = { accounts: await db.account.count(), audit: await db.auditLog.count() };
    if (status === 201) {
      expect(after).toEqual({ accounts: before.accounts + 1, audit: before.audit + 1 });
    } else {
      expect(after).toEqual(before);
      expect(res.body.error.message).toBe(actor === "clerk" ? REASONS.generic : REASONS.notGrantable);
    }
  });
});

describe("the account page's actions", () => {
  it("answer a malformed id or status with the form's error notice, changing nothing", async () => {
    const { resetPasswordAction, setAccountActiveAction, updateAccountAction } = await import("@/app/admin/accounts/actions");
    page.cookie = await sessionCookieFor("official");
    const id = await newTarget("clerk");
    const before = await snapshot(id);
    const auditBefore = await db.auditLog.count();
    const rename = new FormData();
    rename.set("displayName", "改过的名字");
    const runs = [
      () => setAccountActiveAction("not-a-uuid", false, {}, new FormData()),
      () => resetPasswordAction("not-a-uuid", {}, new FormData()),
      () => updateAccountAction("not-a-uuid", {}, rename),
      // A bound flag that is not a boolean ("false" is truthy) must not flip the account either way.
      () => setAccountActiveAction(id, "false" as unknown as boolean, {}, new FormData()),
    ];
    for (const run of runs) {
      expect(await run()).toMatchObject({ ok: false, message: "填写的内容有误，请检查标出的项目。" });
    }
    expect(await snapshot(id)).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });
});
