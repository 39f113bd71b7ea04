import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { counts, recordEntry, refused, ruleOf, today } from "../helpers/archive-fixtures";

// DESIGN.md "Recusal": nobody records, voids, decides or issues an access code for the household
// they live in. clerk-xinhua lives in a 新花村 household; clerk-xinhua-2 lives elsewhere.

const clerk = { username: "clerk-xinhua" };
const colleague = { username: "clerk-xinhua-2" };
let home: string;
let neighbour: string;

beforeAll(async () => {
  const account = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true, villageId: true } });
  home = account.homeHouseholdId!;
  const other = await db.household.findFirstOrThrow({
    where: { villageId: account.villageId!, status: "ACTIVE", id: { not: home }, residents: { none: {} } },
    orderBy: { archiveNo: "desc" }, select: { id: true },
  });
  neighbour = other.id;
});

function expectRecusalReason(error: { code: string; message: string }) {
  expect(error.code).toBe("FORBIDDEN");
  expect(error.message).toContain("回避");
}

describe("recusal is a property of the permission", () => {
  it("refuses recording a mark on one's own household, with the reason; a neighbour's is fine", async () => {
    const body = { idempotencyKey: randomUUID(), householdId: home, ruleId: await ruleOf("XH", "RED"), occurredOn: today(), description: "打扫村道" };
    expectRecusalReason(await refused("POST", "/api/v1/entries", clerk, body, 403));
    const ok = await callApi("POST", "/api/v1/entries", { as: clerk, body: { ...body, idempotencyKey: randomUUID(), householdId: neighbour } });
    expect(ok.status).toBe(201);
  });

  it("refuses voiding a mark of one's own household that a colleague recorded; the colleague may", async () => {
    const entry = await recordEntry(home, "YELLOW", "clerk-xinhua-2");
    expectRecusalReason(await refused("POST", `/api/v1/entries/${entry}/void`, clerk, { reason: "想撤销自家的记录" }, 403));
    const voided = await callApi("POST", `/api/v1/entries/${entry}/void`, { as: colleague, body: { reason: "记录有误" } });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe("VOIDED");
  });

  it("refuses issuing an access code for one's own household, which would let the clerk sign in as it", async () => {
    const before = await counts();
    const res = await callApi("POST", `/api/v1/households/${home}/access-code`, { as: clerk });
    expect(res.status).toBe(403);
    expectRecusalReason(res.body.error);
    expect(await db.account.count({ where: { householdId: home, accessCodeHash: { not: null } } })).toBe(0);
    expect(await counts()).toEqual(before);
    const issued = await callApi("POST", `/api/v1/households/${neighbour}/access-code`, { as: clerk });
    expect(issued.status).toBe(200);
    expect(issued.body.accessCode.code).toBeTypeOf("string");
  });

  it("refuses deciding a rectification of one's own household", async () => {
    const yellow = await recordEntry(home, "YELLOW", "clerk-xinhua-2");
    const asked = await callApi("POST", `/api/v1/entries/${yellow}/rectifications`, { as: colleague, body: { note: "已拆除乱搭的棚子", evidenceIds: [] } });
    expect(asked.status).toBe(201);
    expectRecusalReason(await refused("POST", `/api/v1/rectifications/${asked.body.id}/decision`, clerk, { decision: "APPROVE" }, 403));
  });

  it("refuses moving one's own household out of the archive or editing it; a colleague may", async () => {
    const status = { status: "MOVED_OUT", reason: "全家迁往县城" };
    expectRecusalReason(await refused("POST", `/api/v1/households/${home}/status`, clerk, status, 403));
    expectRecusalReason(await refused("PATCH", `/api/v1/households/${home}`, clerk, { phone: "13800000000", reason: "换号" }, 403));
    expectRecusalReason(await refused("POST", `/api/v1/households/${home}/members`, clerk, { name: "新成员", relation: "OTHER", birthYear: 2001 }, 403));
    const byColleague = await callApi("PATCH", `/api/v1/households/${home}`, { as: colleague, body: { phone: "13800000000", reason: "换号" } });
    expect(byColleague.status).toBe(200);
  });

  it("does not offer the recording form for one's own household", async () => {
    const { getHouseholdForEntry } = await import("@/lib/server/entries/get-household-for-entry");
    const { resolveActor } = await import("@/lib/server/auth/resolve-actor");
    const { sessionCookieFor } = await import("../helpers/api-client");
    const actor = (await resolveActor(null, (await sessionCookieFor("clerk-xinhua")).split("=")[1]))!;
    await expect(getHouseholdForEntry(actor, home)).rejects.toMatchObject({ code: "FORBIDDEN", message: "errors.recusedOwnHousehold" });
    expect((await getHouseholdForEntry(actor, neighbour))?.id).toBe(neighbour);
  });
});
