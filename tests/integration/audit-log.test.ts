import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { fields } from "../helpers/error-details";

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
});
