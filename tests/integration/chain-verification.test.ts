import "../helpers/app-database";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callApi, type Caller } from "../helpers/api-client";

// Tampering "behind the application's back": raw SQL on stored rows, then the verification the
// admin page and `npm run verify:chains` run. Every test undoes its change in `restore`.

type Target = { id: string; householdId: string; archiveNo: string; chainSeq: number };

const verify = (as: Caller = { username: "admin" }) => callApi("POST", "/api/v1/chains/verify", { as });
let restore: (() => Promise<unknown>) | null = null;
const breakAt = (t: Target, kind: "entry" | "event", problem: string) =>
  ({ householdId: t.householdId, archiveNo: t.archiveNo, chainSeq: t.chainSeq, recordId: t.id, kind, problem });

afterEach(async () => {
  await restore?.();
  restore = null;
});

// A record in the middle of a chain (not the first, not the last), or the last one.
async function pick(table: "Entry" | "EntryEvent", position: "middle" | "last"): Promise<Target> {
  const where = position === "middle" ? 'r."chainSeq" > 1 AND r."chainSeq" < h."chainLength"' : 'r."chainSeq" = h."chainLength"';
  const rows = await db.$queryRawUnsafe<Target[]>(
    `SELECT r.id::text, r."householdId"::text, h."archiveNo", r."chainSeq"
     FROM "${table}" r JOIN "Household" h ON h.id = r."householdId" WHERE ${where} ORDER BY h."archiveNo" LIMIT 1`,
  );
  expect(rows[0], `a ${position} ${table} row`).toBeDefined();
  return rows[0]!;
}

describe("hash chain verification", () => {
  beforeAll(async () => {
    const township = await db.township.create({ data: { code: "OT", name: "白云镇", county: "石门县" }, select: { id: true } });
    await db.account.create({
      data: { username: "official-other", displayName: "白云镇干部", role: "TOWNSHIP_OFFICIAL", townshipId: township.id },
      select: { id: true },
    });
  });

  it("finds every seeded chain intact and counts every record", async () => {
    const res = await verify();
    expect(res.status).toBe(200);
    const [entries, events] = await Promise.all([db.entry.count(), db.entryEvent.count()]);
    expect(res.body).toMatchObject({ households: 240, records: entries + events, brokenTotal: 0, broken: [] });
    expect(entries + events).toBeGreaterThan(100);
  });

  it("names the one entry whose description was changed in the database", async () => {
    const target = await pick("Entry", "middle");
    const { description } = await db.entry.findUniqueOrThrow({ where: { id: target.id }, select: { description: true } });
    await db.$executeRaw`UPDATE "Entry" SET description = '归还拾到的手机一部' WHERE id = ${target.id}::uuid`;
    restore = () => db.$executeRaw`UPDATE "Entry" SET description = ${description} WHERE id = ${target.id}::uuid`;

    const res = await verify();
    expect(res.body.brokenTotal).toBe(1);
    expect(res.body.broken).toEqual([breakAt(target, "entry", "HASH_MISMATCH")]);
  });

  it("names the one event whose reason or new status was changed", async () => {
    const target = await pick("EntryEvent", "middle");
    const before = await db.entryEvent.findUniqueOrThrow({ where: { id: target.id }, select: { reason: true, toStatus: true } });
    const expected = breakAt(target, "event", "HASH_MISMATCH");

    await db.$executeRaw`UPDATE "EntryEvent" SET reason = '经核实无误' WHERE id = ${target.id}::uuid`;
    restore = () => db.$executeRaw`UPDATE "EntryEvent" SET reason = ${before.reason} WHERE id = ${target.id}::uuid`;
    expect((await verify()).body).toMatchObject({ brokenTotal: 1, broken: [expected] });
    await restore();

    const other = before.toStatus === "VOIDED" ? "CONFIRMED" : "VOIDED";
    await db.$executeRawUnsafe(`UPDATE "EntryEvent" SET "toStatus" = '${other}' WHERE id = $1::uuid`, target.id);
    restore = () => db.$executeRawUnsafe(`UPDATE "EntryEvent" SET "toStatus" = '${before.toStatus}' WHERE id = $1::uuid`, target.id);
    expect((await verify()).body).toMatchObject({ brokenTotal: 1, broken: [expected] });
  });

  it("detects a deleted event: a gap in the middle, a stale head at the end", async () => {
    for (const [position, problem, seqShift] of [["middle", "SEQUENCE_GAP", 1], ["last", "HEAD_MISMATCH", -1]] as const) {
      const target = await pick("EntryEvent", position);
      const row = await db.entryEvent.findUniqueOrThrow({ where: { id: target.id } });
      await db.$executeRaw`DELETE FROM "EntryEvent" WHERE id = ${target.id}::uuid`;
      restore = () => db.entryEvent.create({ data: row, select: { id: true } });

      const res = await verify();
      expect(res.body.brokenTotal).toBe(1);
      expect(res.body.broken[0]).toMatchObject({ householdId: target.householdId, archiveNo: target.archiveNo, chainSeq: target.chainSeq + seqShift, problem });
      await restore();
      restore = null;
    }
    expect((await verify()).body.brokenTotal).toBe(0);
  });

  it("detects an entry status changed without its event (the one unhashed column)", async () => {
    const target = await pick("Entry", "middle");
    const { status } = await db.entry.findUniqueOrThrow({ where: { id: target.id }, select: { status: true } });
    const other = status === "VOIDED" ? "CONFIRMED" : "VOIDED";
    await db.$executeRawUnsafe(`UPDATE "Entry" SET status = '${other}' WHERE id = $1::uuid`, target.id);
    restore = () => db.$executeRawUnsafe(`UPDATE "Entry" SET status = '${status}' WHERE id = $1::uuid`, target.id);
    expect((await verify()).body.broken).toEqual([breakAt(target, "entry", "STATUS_MISMATCH")]);
  });

  it("detects an evidence photo slipped under an entry after it was recorded", async () => {
    const target = await pick("Entry", "middle");
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const photo = await db.evidencePhoto.create({
      data: { entryId: target.id, storageKey: `tamper/${target.id}.jpg`, mimeType: "image/jpeg", width: 1, height: 1, bytes: 1, sha256: "0".repeat(64), uploadedById: admin.id },
      select: { id: true },
    });
    restore = () => db.evidencePhoto.delete({ where: { id: photo.id }, select: { id: true } });
    expect((await verify()).body.broken).toMatchObject([{ recordId: target.id, problem: "HASH_MISMATCH" }]);
  });

  it("lets an official verify its own township only", async () => {
    const target = await pick("Entry", "middle");
    const { marks } = await db.entry.findUniqueOrThrow({ where: { id: target.id }, select: { marks: true } });
    await db.$executeRaw`UPDATE "Entry" SET marks = ${marks + 1} WHERE id = ${target.id}::uuid`;
    restore = () => db.$executeRaw`UPDATE "Entry" SET marks = ${marks} WHERE id = ${target.id}::uuid`;

    const own = await verify({ username: "official" });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ households: 240, brokenTotal: 1, broken: [{ recordId: target.id, problem: "HASH_MISMATCH" }] });
    const other = await verify({ username: "official-other" });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ households: 0, records: 0, brokenTotal: 0, broken: [] });
  });

  it("refuses everyone else", async () => {
    expect((await verify(null)).status).toBe(401);
    for (const username of ["clerk-xinhua", "rep-xinhua-1", "JS-XH-00001"]) {
      const res = await verify({ username });
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });
});
