import { describe, expect, it } from "vitest";
import { findFilingMismatch, type AppealFacts, type EventFacts, type RectificationFacts } from "./hash-chain-due-process";

const at = (day: number) => new Date(Date.UTC(2026, 6, day, 2));
const entries = [{ id: "e1", householdId: "h1", villageId: "v1" }, { id: "e2", householdId: "h1", villageId: "v1" }];
const ev = (chainSeq: number, fields: Partial<EventFacts>): EventFacts => ({
  id: `x${chainSeq}`, entryId: "e1", type: "CONFIRMED", reason: null, actorId: null, appealId: null, rectificationId: null,
  createdAt: at(chainSeq), chainSeq, ...fields,
});
const lodged = ev(3, { type: "APPEAL_LODGED", appealId: "p1", reason: "不是我家", actorId: "hh" });
const dismissed = ev(5, { type: "APPEAL_DISMISSED", appealId: "p1", reason: "维持原记录", actorId: "clerk" });
const requested = ev(4, { entryId: "e2", type: "RECTIFICATION_REQUESTED", rectificationId: "r1", reason: "已清理", actorId: "hh" });
const approved = ev(6, { entryId: "e2", type: "RECTIFIED", rectificationId: "r1", reason: null, actorId: "clerk" });

const appeal: AppealFacts = {
  id: "p1", entryId: "e1", householdId: "h1", villageId: "v1", lodgedById: "hh", reason: "不是我家", createdAt: at(3),
  status: "DISMISSED", resolvedById: "clerk", resolvedAt: at(5), resolution: "维持原记录",
};
const rectification: RectificationFacts = {
  id: "r1", entryId: "e2", householdId: "h1", requestedById: "hh", note: "已清理", createdAt: at(4),
  status: "APPROVED", decidedById: "clerk", decidedAt: at(6), decisionReason: null,
};
const events = [ev(1, {}), ev(2, { entryId: "e2" }), lodged, requested, dismissed, approved];
const check = (a: AppealFacts[] = [appeal], r: RectificationFacts[] = [rectification], e: EventFacts[] = events) =>
  findFilingMismatch("h1", entries, e, a, r);

describe("findFilingMismatch", () => {
  it("accepts rows that say what their events say, open or decided", () => {
    expect(check()).toBeNull();
    const open = { ...appeal, status: "OPEN", resolvedById: null, resolvedAt: null, resolution: null };
    expect(check([open], [rectification], events.filter((e) => e !== dismissed))).toBeNull();
    const upheld = { ...appeal, status: "UPHELD" };
    expect(check([upheld], [rectification], events.map((e) => (e === dismissed ? { ...e, type: "VOIDED" } : e)))).toBeNull();
  });

  it.each([
    ["reason", "改过的申诉理由", 3], ["lodgedById", "someone", 3], ["createdAt", at(9), 3], ["villageId", "v2", 3],
    ["householdId", "h2", 3], ["entryId", "e2", 3], ["status", "UPHELD", 5], ["status", "OPEN", 5], ["resolution", "改过", 5],
    ["resolvedById", "other", 5], ["resolvedAt", at(8), 5],
  ] as const)("names the appeal whose %s was changed", (column, value, chainSeq) => {
    expect(check([{ ...appeal, [column]: value }])).toEqual({ kind: "appeal", recordId: "p1", chainSeq, column });
  });

  it.each([
    ["note", "改过的说明", 4], ["requestedById", "clerk", 4], ["status", "DECLINED", 6], ["status", "REQUESTED", 6],
    ["decisionReason", "不同意", 6], ["decidedById", "other", 6], ["decidedAt", null, 6],
  ] as const)("names the rectification whose %s was changed", (column, value, chainSeq) => {
    expect(check([appeal], [{ ...rectification, [column]: value }])).toEqual({ kind: "rectification", recordId: "r1", chainSeq, column });
  });

  it("names a row without its filing event, and an event whose row is not the household's", () => {
    expect(check([appeal], [rectification], events.filter((e) => e !== lodged))).toMatchObject({ kind: "appeal", recordId: "p1", column: "status" });
    expect(check([], [rectification])).toEqual({ kind: "appeal", recordId: "p1", chainSeq: 3, column: "id" });
    expect(check([appeal], [])).toEqual({ kind: "rectification", recordId: "r1", chainSeq: 4, column: "id" });
  });

  it("refuses a second decision, and a decision before the filing", () => {
    const twice = [...events, ev(7, { type: "VOIDED", appealId: "p1", actorId: "clerk" })];
    expect(check([appeal], [rectification], twice)).toMatchObject({ recordId: "p1", column: "status" });
    const early = events.map((e) => (e === dismissed ? { ...e, chainSeq: 2 } : e));
    expect(check([appeal], [rectification], early)).toMatchObject({ recordId: "p1", column: "status" });
  });
});
