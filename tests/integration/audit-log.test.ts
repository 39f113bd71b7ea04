import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAuditLogPage } from "@/lib/server/audit-log/load-audit-log-page";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { fields } from "../helpers/error-details";
import { actorOf } from "../helpers/review-village";

type Row = { id: string; action: string; townshipId: string | null; targetId: string | null; createdAt: string };

let jiashanId: string;
let otherId: string;
const admin = { username: "admin" };
const official = { username: "official" };
const otherOfficial = { username: "official-other" };

const list = async (as: { username: string } | null, query = "") => {
  const res = await callApi("GET", `/api/v1/audit-log${query}`, { as });
  return res as { status: number; body: { items: Row[]; nextCursor: string | null; error?: any } };
};
const ids = (rows: Row[]) => rows.map((r) => r.targetId);

beforeAll(async () => {
  jiashanId = (await db.township.findFirstOrThrow({ select: { id: true } })).id;
  const other = await db.township.create({ data: { code: "QT", name: "其他镇", county: "石门县" }, select: { id: true } });
  otherId = other.id;
  await db.account.create({ data: { username: "official-other", displayName: "其他镇干部", role: "TOWNSHIP_OFFICIAL", townshipId: otherId } });
  const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true } });
  const at = (iso: string) => new Date(iso);
  await db.auditLog.createMany({
    data: [
      // 23:59:59 on 1 March and 00:00 on 2 March, China time
      { townshipId: jiashanId, actorId: clerk.id, action: "test.alpha.one", targetType: "Widget", targetId: "js-1", createdAt: at("2026-03-01T15:59:59Z"), before: { colour: "red" }, after: { colour: "blue" } },
      { townshipId: jiashanId, actorId: clerk.id, action: "test.alpha.two", targetType: "Widget", targetId: "js-2", createdAt: at("2026-03-01T16:00:00Z") },
      { townshipId: jiashanId, action: "test.beta", targetType: "Gadget", targetId: "js-3", createdAt: at("2026-03-05T02:00:00Z") },
      { townshipId: jiashanId, action: "test.beta", targetType: "Gadget", targetId: "js-4", createdAt: at("2026-03-05T02:00:00Z") },
      { townshipId: jiashanId, action: "test.beta", targetType: "Gadget", targetId: "js-5", createdAt: at("2026-03-05T02:00:00Z") },
      { townshipId: otherId, action: "test.alpha.one", targetType: "Widget", targetId: "qt-1", createdAt: at("2026-03-02T01:00:00Z") },
      { townshipId: null, action: "test.alpha.system", targetType: "Widget", targetId: "none-1", createdAt: at("2026-03-03T01:00:00Z") },
    ],
  });
});

describe("GET /api/v1/audit-log", () => {
  it("refuses the anonymous (401) and every role without audit.read (403)", async () => {
    expect((await list(null)).status).toBe(401);
    for (const username of ["clerk-xinhua", "rep-xinhua-1", "JS-XH-00001"]) {
      const res = await list({ username });
      expect(res.status, username).toBe(403);
    }
  });

  it("shows an official only the records of its own township", async () => {
    const mine = await list(official, "?action=test&pageSize=100");
    expect(mine.status).toBe(200);
    expect(ids(mine.body.items).sort()).toEqual(["js-1", "js-2", "js-3", "js-4", "js-5"]);
    expect(mine.body.items.every((r) => r.townshipId === jiashanId)).toBe(true);
    expect((await list(official, "?targetId=qt-1")).body.items).toEqual([]);

    const theirs = await list(otherOfficial, "?pageSize=100");
    expect(ids(theirs.body.items)).toEqual(["qt-1"]);
  });

  it("shows an admin every record, including those of no township", async () => {
    const all = await list(admin, "?action=test&pageSize=100");
    expect(ids(all.body.items).sort()).toEqual(["js-1", "js-2", "js-3", "js-4", "js-5", "none-1", "qt-1"]);
  });

  it("returns actor, target, before and after, newest first", async () => {
    const res = await list(official, "?targetId=js-1");
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: "test.alpha.one", targetType: "Widget", targetId: "js-1", createdAt: "2026-03-01T15:59:59.000Z",
        actor: { username: "clerk-xinhua", displayName: expect.any(String) },
        before: { colour: "red" }, after: { colour: "blue" },
      }),
    ]);
    const times = (await list(admin, "?action=test&pageSize=100")).body.items.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("filters by action prefix, actor, target and China-time days", async () => {
    expect(ids((await list(admin, "?action=test.alpha&pageSize=100")).body.items).sort()).toEqual(["js-1", "js-2", "none-1", "qt-1"]);
    expect((await list(admin, "?action=test%25")).body.items).toEqual([]);
    expect((await list(admin, "?action=test_alpha")).body.items).toEqual([]);
    expect(ids((await list(official, "?actor=CLERK-xinhua")).body.items).sort()).toEqual(["js-1", "js-2"]);
    expect((await list(official, "?actor=nobody-here")).body.items).toEqual([]);
    expect(ids((await list(official, "?targetType=Gadget&targetId=js-4")).body.items)).toEqual(["js-4"]);
    expect(ids((await list(official, "?action=test.alpha&to=2026-03-01")).body.items)).toEqual(["js-1"]);
    expect(ids((await list(official, "?action=test.alpha&from=2026-03-02")).body.items)).toEqual(["js-2"]);
    expect(ids((await list(official, "?from=2026-03-02&to=2026-03-02")).body.items)).toEqual(["js-2"]);
  });

  it("takes a whole action's name for that action only, and other text as the start of actions", async () => {
    await db.auditLog.createMany({
      data: [
        { townshipId: jiashanId, action: "auth.signIn", targetType: "Account", targetId: "exact-1" },
        { townshipId: jiashanId, action: "auth.signIn.failed", targetType: "Account", targetId: "exact-2" },
        { townshipId: jiashanId, action: "auth.lockout", targetType: "Account", targetId: "exact-3" },
      ],
    });
    const found = async (action: string) =>
      ids((await list(official, `?action=${action}&pageSize=200`)).body.items).filter((id) => id?.startsWith("exact-")).sort();
    expect(await found("auth.signIn")).toEqual(["exact-1"]);
    expect(await found("auth.signIn.")).toEqual(["exact-2"]);
    expect(await found("auth.")).toEqual(["exact-1", "exact-2", "exact-3"]);
  });

  it("treats blank filters as absent, as a GET form sends them", async () => {
    const res = await list(official, "?action=&actor=&targetType=&targetId=&from=&to=&cursor=&pageSize=");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(5);
  });

  it("pages by cursor without gaps or repeats, even among records of the same instant", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(official, `?action=test&pageSize=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body.items).map(String));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 3).sort()).toEqual(["js-3", "js-4", "js-5"]);
    expect(seen.slice(3)).toEqual(["js-2", "js-1"]);
  });

  it("answers 400 with the failing fields for bad filters", async () => {
    const res = await list(official, "?pageSize=201&from=2026-13-01&cursor=abc");
    expect(res.status).toBe(400);
    expect(fields(res.body.error.details)).toEqual(["cursor", "from", "pageSize"]);
  });

  it("records a real write with its actor, address and browser, visible to the township", async () => {
    const created = await callApi("POST", "/api/v1/tokens", {
      as: { username: "clerk-xinhua" }, body: { name: "audit check" },
      headers: { "x-fca-client-ip": "203.0.113.7", "user-agent": "TestBrowser/1.0" },
    });
    expect(created.status).toBe(201);
    const res = await list(official, `?action=token.create&targetId=${created.body.id}`);
    expect(res.body.items).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ username: "clerk-xinhua" }), ip: "203.0.113.7", userAgent: "TestBrowser/1.0", targetType: "ApiToken", before: null }),
    ]);
    expect((await list(otherOfficial, `?targetId=${created.body.id}`)).body.items).toEqual([]);
  });

  it("gives the audit page the names of what a record mentions: archive numbers and accounts", async () => {
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true, displayName: true } });
    const created = await callApi("POST", "/api/v1/households", {
      as: { username: "clerk-xinhua" }, body: { headName: "查名字", headBirthYear: 1970, address: "新花村1组", registeredOn: "2026-11-01" },
    });
    expect(created.status).toBe(201);
    const officialActor = { ...(await actorOf("official")), via: "token" as const, tokenId: "test", mustChangePassword: false, lastWriteLsn: null };
    const query = { targetId: created.body.id, pageSize: 50 };
    const page = await loadAuditLogPage(officialActor, query);
    expect(page.items.map((r) => r.action)).toEqual(["household.create"]);
    expect(page.names[created.body.id]).toEqual({ text: created.body.archiveNo });

    const token = await callApi("POST", "/api/v1/tokens", { as: { username: "clerk-xinhua" }, body: { name: "names check" } });
    const tokenPage = await loadAuditLogPage(officialActor, { targetId: token.body.id, pageSize: 50 });
    expect(tokenPage.names[clerk.id]).toEqual({ text: clerk.displayName, username: "clerk-xinhua" });
    // Another township's official is refused the records, and so learns no names either.
    const other = { ...(await actorOf("official-other")), via: "token" as const, tokenId: "test", mustChangePassword: false, lastWriteLsn: null };
    expect(await loadAuditLogPage(other, query)).toEqual({ items: [], nextCursor: null, names: {} });
  });
});
