import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { sessionCookieFor } from "../helpers/api-client";

// The pages' Server Actions all go through lib/server/actions/define-action.ts: these run real
// ones as a form would, against the seeded village. next/headers, next/cache, next/navigation
// and next-intl stand in for the request.
const page = vi.hoisted(() => ({ cookie: "", revalidated: [] as string[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (page.cookie.startsWith(`${name}=`) ? { name, value: page.cookie.slice(name.length + 1) } : undefined),
  }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void page.revalidated.push(path) }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect to ${to}`); } }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  const t = translatorFor("zh-CN") as unknown as ((key: string, values?: object) => string) & { has: (key: string) => boolean };
  return { getTranslations: async () => Object.assign((key: string, values?: object) => t(key, values), { has: (key: string) => t.has(key) }) };
});

const INVALID_INPUT = "填写的内容有误，请检查标出的项目。";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

async function signIn(username: string): Promise<void> {
  page.cookie = await sessionCookieFor(username);
  page.revalidated = [];
}

/** What clerk-xinhua may change: the active households of 新花村 but the one he lives in. */
async function changeable() {
  const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
  return { village: { code: "XH" }, status: "ACTIVE" as const, id: { not: clerk.homeHouseholdId ?? undefined } };
}

/** A household of 新花村 that clerk-xinhua may change. */
async function household() {
  return db.household.findFirstOrThrow({
    where: await changeable(),
    orderBy: { archiveNo: "desc" },
    select: { id: true, phone: true, address: true, _count: { select: { members: true } } },
  });
}

describe("a household form", () => {
  it("refused, names the missing field, keeps what was typed and changes nothing", async () => {
    const { addMemberAction } = await import("@/app/households/actions");
    await signIn("clerk-xinhua");
    const target = await household();
    const state = await addMemberAction(target.id, {}, form({ name: " ", relation: "SON", birthYear: "2001" }));
    expect(state).toMatchObject({ ok: false, message: INVALID_INPUT, fieldErrors: { name: "请填写姓名。" } });
    expect(state.values).toMatchObject({ name: " ", relation: "SON", birthYear: "2001" });
    expect(await db.member.count({ where: { householdId: target.id } })).toBe(target._count.members);
    expect(page.revalidated).toEqual([]);
  });

  it("clears a phone number emptied by the clerk and refreshes the household's page", async () => {
    const { updateHouseholdAction } = await import("@/app/households/actions");
    await signIn("clerk-xinhua");
    const target = await household();
    const phone = target.phone === "13800000000" ? "13900000000" : "13800000000";
    expect(await updateHouseholdAction(target.id, {}, form({ phone, reason: "户主留了新电话" }))).toEqual({ ok: true });
    const read = () => db.household.findUniqueOrThrow({ where: { id: target.id }, select: { phone: true, address: true } });
    expect(await read()).toEqual({ phone, address: target.address });
    page.revalidated = [];
    const state = await updateHouseholdAction(target.id, {}, form({ phone: "", address: "", reason: "户主说电话停用了" }));
    expect(state).toEqual({ ok: true });
    const after = await read();
    expect(after.phone).toBeNull();
    expect(after.address).toBe(target.address); // an emptied box it may leave out is "unchanged"
    expect(page.revalidated).toEqual([`/households/${target.id}`]);
  });

  it("bound to a member, refreshes the page of the member's household, whatever the form says", async () => {
    const { updateMemberAction } = await import("@/app/households/actions");
    await signIn("clerk-xinhua");
    const member = await db.member.findFirstOrThrow({
      where: { relation: { not: "HEAD" }, active: true, household: await changeable() }, select: { id: true, birthYear: true, householdId: true },
    });
    const elsewhere = await db.household.findFirstOrThrow({ where: { id: { not: member.householdId } }, select: { id: true } });
    const birthYear = member.birthYear === 1990 ? 1991 : 1990;
    // Fields naming another household, as the page's hidden fields once did, change nothing.
    const fields = { birthYear: String(birthYear), reason: "出生年份登记错了", householdId: elsewhere.id, id: elsewhere.id };
    const state = await updateMemberAction(member.id, {}, form(fields));
    expect(state).toEqual({ ok: true });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id }, select: { birthYear: true } })).toEqual({ birthYear });
    expect(page.revalidated).toEqual([`/households/${member.householdId}`]);
  });
});

describe("the token form", () => {
  it("refused, keeps the name typed through the common keep; created, shows the token once", async () => {
    const { createTokenAction } = await import("@/app/account/tokens/actions");
    await signIn("clerk-xinhua");
    const long = "名".repeat(61);
    expect(await createTokenAction({}, form({ name: long }))).toMatchObject({ ok: false, values: { name: long }, fieldErrors: { name: expect.any(String) } });
    expect(page.revalidated).toEqual([]);
    const created = await createTokenAction({}, form({ name: "村里的报表脚本" }));
    expect(created).toEqual({ ok: true, token: expect.stringMatching(/^fca_/) });
    expect(page.revalidated).toEqual(["/account/tokens"]);
  });
});

describe("bound arguments", () => {
  it("that are not what the page binds are invalid input, and nothing happens", async () => {
    const { voidEntryAction } = await import("@/app/entries/actions");
    const { changeExtractAction } = await import("@/app/extracts/actions");
    await signIn("clerk-xinhua");
    const auditBefore = await db.auditLog.count();
    expect(await voidEntryAction("not-an-id", {}, form({ reason: "录错了" }))).toMatchObject({ ok: false, message: INVALID_INPUT });
    // A step that is not one of an extract's steps chooses no permission and no use case.
    const bogus = changeExtractAction as unknown as (id: string, step: string, state: object, form: FormData) => Promise<{ ok?: boolean; message?: string }>;
    expect(await bogus(randomUUID(), "delete", {}, form({}))).toMatchObject({ ok: false, message: INVALID_INPUT });
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(page.revalidated).toEqual([]);
  });
});

describe("the actions behind a reason form (components/ui/reason-form.tsx)", () => {
  // The form shows again what comes back under `values`: refused, for a wrong field or a target
  // that is not there, each sends back exactly what was typed, and only that.
  it("refused, send back the typed text", async () => {
    const { voidEntryAction } = await import("@/app/entries/actions");
    const { changeExtractAction } = await import("@/app/extracts/actions");
    const { lodgeAppealAction, requestRectificationAction } = await import("@/app/archive-actions");
    const { nominateAction, withdrawAwardAction, withdrawNominationAction } = await import("@/app/selection/actions");
    type Run = (state: object, data: FormData) => Promise<{ ok?: boolean; message?: string; values?: Record<string, string> }>;
    const cases: [user: string, field: string, action: Run][] = [
      ["clerk-xinhua", "reason", voidEntryAction.bind(null, randomUUID())],
      ["clerk-xinhua", "note", nominateAction.bind(null, randomUUID(), 2025)],
      ["clerk-xinhua", "reason", withdrawNominationAction.bind(null, randomUUID())],
      ["official", "reason", withdrawAwardAction.bind(null, randomUUID())],
      ["official", "reason", changeExtractAction.bind(null, randomUUID(), "decline")],
      ["JS-XH-00001", "reason", lodgeAppealAction.bind(null, randomUUID())],
      ["JS-XH-00001", "note", requestRectificationAction.bind(null, randomUUID())],
    ];
    const auditBefore = await db.auditLog.count();
    for (const [user, field, action] of cases) {
      await signIn(user);
      for (const typed of ["好", "  那天记错了农户，\n应为邻居家 "]) {
        const state = await action({}, form({ [field]: typed }));
        expect(state, `${user} ${field} "${typed}"`).toMatchObject({ ok: false, message: expect.any(String) });
        expect(state.values).toEqual({ [field]: typed });
      }
    }
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(page.revalidated).toEqual([]);
  });
});

describe("the actions behind a decision form (components/ui/decision-form.tsx) and the extract request", () => {
  // Refused, for a reason too short or a target that is not there, each sends back what was
  // typed and chosen, exactly, so that the form shows it again.
  it("refused, send back the typed text and the choice", async () => {
    const { resolveAppealAction } = await import("@/app/appeals/actions");
    const { decideRectificationAction } = await import("@/app/rectifications/actions");
    const { decideNominationAction } = await import("@/app/selection/actions");
    const { requestExtractAction } = await import("@/app/extracts/actions");
    type Run = (state: object, data: FormData) => Promise<{ ok?: boolean; message?: string; values?: Record<string, string> }>;
    const cases: [user: string, choice: Record<string, string>, field: string, action: Run][] = [
      ["clerk-xinhua", { outcome: "DISMISSED" }, "resolution", resolveAppealAction.bind(null, randomUUID())],
      ["clerk-xinhua", { decision: "DECLINE" }, "reason", decideRectificationAction.bind(null, randomUUID())],
      ["official", { decision: "DECLINE" }, "reason", decideNominationAction.bind(null, randomUUID())],
      ["clerk-xinhua", { purpose: "OTHER" }, "purposeNote", requestExtractAction.bind(null, randomUUID())],
      ["JS-XH-00001", { purpose: "OTHER" }, "purposeNote", requestExtractAction.bind(null, randomUUID())],
    ];
    const auditBefore = await db.auditLog.count();
    const extractsBefore = await db.archiveExtract.count();
    for (const [user, choice, field, action] of cases) {
      await signIn(user);
      for (const typed of ["好", "  入户核实过，\n还没有整改完 "]) {
        const state = await action({}, form({ ...choice, [field]: typed }));
        expect(state, `${user} ${field} "${typed}"`).toMatchObject({ ok: false, message: expect.any(String) });
        expect(state.values).toEqual({ ...choice, [field]: typed });
      }
    }
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(await db.archiveExtract.count()).toBe(extractsBefore);
    expect(page.revalidated).toEqual([]);
  });

  it("the extract request, refused for its note, names the field", async () => {
    const { requestExtractAction } = await import("@/app/extracts/actions");
    await signIn("JS-XH-00001");
    const own = await db.account.findUniqueOrThrow({ where: { username: "JS-XH-00001" }, select: { householdId: true } });
    const state = await requestExtractAction(own.householdId!, {}, form({ purpose: "OTHER", purposeNote: "好" }));
    expect(state).toMatchObject({ ok: false, message: INVALID_INPUT, fieldErrors: { purposeNote: "用途选“其他”时，请写明用途（至少 2 个字）。" } });
    expect(state.values).toEqual({ purpose: "OTHER", purposeNote: "好" });
  });
});
