import { appDatabaseUrl } from "../helpers/app-database";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { chinaToday, dayAfter } from "@/lib/domain/entry-date";
import { hashRecord } from "@/lib/domain/hash-chain";
import { computeTownshipDigest, formatDigest } from "@/lib/domain/township-digest";
import { entryChainRecord, entryChainSelect, eventChainRecord, eventChainSelect } from "@/lib/server/chain/chain-records";
import { unsafeCheckTownshipDigest } from "@/lib/server/chain/check-township-digest";
import { latestTownshipDigest } from "@/lib/server/chain/latest-township-digest";
import { recordDailyDigests } from "@/lib/server/chain/record-daily-digests";
import { recordTownshipDigest } from "@/lib/server/chain/record-township-digest";
import { unsafeVerifyChains } from "@/lib/server/chain/verify-chains";
import { db } from "@/lib/server/db";
import { recordEntry } from "../helpers/archive-fixtures";
import { bypassTriggers } from "../helpers/chain-tamper";

// Township digests: one hash over every household chain head, recorded append-only and printed
// on paper; a history rewritten after one was taken fails against it.

const jiashan = async () => db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } });
const heads = async (townshipId: string) => new Map((await db.household.findMany({
  where: { village: { townshipId }, chainLength: { gt: 0 } }, select: { id: true, chainLength: true, chainHead: true },
})).map((h) => [h.id, { chainLength: h.chainLength, head: h.chainHead! }]));

/**
 * What someone with write access would do to rewrite a household's history so that every chain
 * check passes: change a record, re-hash it and every later one, move the head. Triggers off.
 */
async function rewriteConsistently(householdId: string, entryId: string, description: string) {
  const [entries, events] = await Promise.all([
    db.entry.findMany({ where: { householdId }, select: entryChainSelect }),
    db.entryEvent.findMany({ where: { householdId }, select: eventChainSelect }),
  ]);
  const links = [
    ...entries.map((row) => ({ table: "Entry", row, record: entryChainRecord(row.id === entryId ? { ...row, description } : row) })),
    ...events.map((row) => ({ table: "EntryEvent", row, record: eventChainRecord(row) })),
  ].sort((a, b) => a.row.chainSeq - b.row.chainSeq);
  await bypassTriggers(`UPDATE "Entry" SET description = $1 WHERE id = $2::uuid`, description, entryId);
  let prev: string | null = null;
  for (const link of links) {
    const hash = hashRecord(prev, link.record);
    await bypassTriggers(`UPDATE "${link.table}" SET "prevHash" = $1, hash = $2 WHERE id = $3::uuid`, prev, hash, link.row.id);
    prev = hash;
  }
  await bypassTriggers(`UPDATE "Household" SET "chainHead" = $1 WHERE id = $2::uuid`, prev, householdId);
}

describe("recording a township digest", () => {
  it("hashes every household chain head of the township, and prints the township, the minute and the hash", async () => {
    const { id } = await jiashan();
    const takenAt = new Date("2026-12-01T08:00:30Z");
    const recorded = await recordTownshipDigest(db, id, "MANUAL", takenAt);
    const current = await heads(id);
    expect(recorded).toMatchObject({ digest: computeTownshipDigest(id, current), households: current.size, takenAt });
    expect(current.size).toBeGreaterThan(100);
    expect(recorded.printed).toBe(`JS-20261201T0800Z-${recorded.digest}`);
    expect(await unsafeCheckTownshipDigest(recorded.printed)).toMatchObject({
      matches: true, problem: null, townshipCode: "JS", households: current.size, changed: [], takenAt: takenAt.toISOString(),
    });
  });

  it("stores only the heads that changed since the last digest, and each still checks after the chains grew", async () => {
    const { id } = await jiashan();
    const first = await recordTownshipDigest(db, id, "REVIEW_CLOSED");
    const { id: homeId } = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });
    await recordEntry(homeId, "RED");
    const second = await db.$transaction((tx) => recordTownshipDigest(tx, id, "REVIEW_CLOSED"));
    const row = await db.townshipDigest.findUniqueOrThrow({ where: { id: second.id }, select: { baseId: true, depth: true, heads: true } });
    const home = await db.household.findUniqueOrThrow({ where: { id: homeId }, select: { chainLength: true, chainHead: true } });
    expect(row).toEqual({ baseId: first.id, depth: expect.any(Number), heads: { [homeId]: [home.chainLength, home.chainHead] } });
    expect(second.digest).not.toBe(first.digest);
    expect(await latestTownshipDigest(db, id)).toMatchObject({ printed: second.printed, digest: second.digest });
    // Restricted to a calendar day in China: the latest taken that day, none the day after.
    expect(await latestTownshipDigest(db, id, { on: chinaToday(second.takenAt) })).toMatchObject({ printed: second.printed });
    expect(await latestTownshipDigest(db, id, { on: dayAfter(chinaToday(second.takenAt)) })).toBeNull();
    for (const digest of [first, second]) expect((await unsafeCheckTownshipDigest(digest.printed)).matches, digest.printed).toBe(true);
  });

  it("keeps a full list every thirty digests, so that a check reads at most thirty rows", async () => {
    const { id } = await jiashan();
    const depths: number[] = [];
    for (let i = 0; i < 31; i++) {
      const recorded = await recordTownshipDigest(db, id, "MANUAL");
      depths.push((await db.townshipDigest.findUniqueOrThrow({ where: { id: recorded.id }, select: { depth: true } })).depth);
      if (i === 30) expect((await unsafeCheckTownshipDigest(recorded.printed)).matches).toBe(true);
    }
    expect(depths).toContain(0);
    expect(Math.max(...depths)).toBe(29);
  });

  it("takes one DAILY digest per township and calendar day in China, however often the job runs", async () => {
    const townships = await db.township.count();
    const job = { ip: "system", userAgent: "job:test" };
    const audited = () => db.auditLog.count({ where: { action: "township.digest" } });
    expect(await recordDailyDigests(job, new Date("2026-12-02T01:00:00Z"))).toHaveLength(townships); // 09:00 in China
    expect(await audited()).toBe(townships);
    expect(await recordDailyDigests(job, new Date("2026-12-02T15:59:00Z"))).toHaveLength(0); // 23:59 the same day
    expect(await recordDailyDigests(job, new Date("2026-12-02T16:00:00Z"))).toHaveLength(townships); // midnight: the next day
    expect(await audited()).toBe(2 * townships);
  });
});

describe("checking a printed digest", () => {
  it("says what is wrong with a digest that cannot be checked", async () => {
    const hex = "ab".repeat(32);
    expect(await unsafeCheckTownshipDigest("JS-2026")).toMatchObject({ matches: false, problem: "UNREADABLE" });
    expect(await unsafeCheckTownshipDigest(`ZZ-20261201T0800Z-${hex}`)).toMatchObject({ matches: false, problem: "UNKNOWN_TOWNSHIP" });
    expect(await unsafeCheckTownshipDigest(`JS-20261201T0800Z-${hex}`)).toMatchObject({ matches: false, problem: "NOT_RECORDED" });
  });

  it("notices a digest record altered in the database", async () => {
    const { id } = await jiashan();
    // A state of the chains no other digest has recorded.
    const { id: homeId } = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00002" }, select: { id: true } });
    await recordEntry(homeId, "RED");
    const recorded = await recordTownshipDigest(db, id, "MANUAL");
    const { id: householdId } = await db.household.findFirstOrThrow({ where: { chainLength: { gt: 0 } }, select: { id: true } });
    await bypassTriggers(`UPDATE "TownshipDigest" SET heads = heads || jsonb_build_object($1::text, jsonb_build_array(1, $2::text)) WHERE id = $3::uuid`,
      householdId, "0".repeat(64), recorded.id);
    expect(await unsafeCheckTownshipDigest(recorded.printed)).toMatchObject({ matches: false, problem: "RECORD_ALTERED" });
  });

  it("fails a digest taken before a history rewritten consistently, which the chain check alone cannot see", async () => {
    const { id } = await jiashan();
    const before = await recordTownshipDigest(db, id, "DAILY");
    const target = await db.entry.findFirstOrThrow({
      where: { household: { village: { townshipId: id }, chainLength: { gt: 3 } }, chainSeq: 1 }, select: { id: true, householdId: true, household: { select: { archiveNo: true } } },
    });
    await rewriteConsistently(target.householdId, target.id, "记录内容被整体改写");

    expect(await unsafeVerifyChains({})).toMatchObject({ brokenTotal: 0 });
    const check = await unsafeCheckTownshipDigest(before.printed);
    expect(check).toMatchObject({
      matches: false, problem: "HISTORY_CHANGED", changed: [{ householdId: target.householdId, archiveNo: target.household.archiveNo }],
    });
    // A digest taken after the rewrite matches it: digests protect the history before them only.
    expect((await unsafeCheckTownshipDigest((await recordTownshipDigest(db, id, "MANUAL")).printed)).matches).toBe(true);

    const cli = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/verify-chains.ts", "--digest", before.printed], {
      env: { ...process.env, DATABASE_URL: appDatabaseUrl }, encoding: "utf8",
    }).then(() => ({ code: 0, stdout: "" }), (error: { code: number; stdout: string }) => error);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`DIGEST MISMATCH: ${before.printed}`);
    expect(cli.stdout).toContain(target.household.archiveNo);
    expect(cli.stdout).toContain("All chains intact");
    expect(formatDigest({ townshipCode: "JS", takenAt: before.takenAt, digest: before.digest })).toBe(before.printed);
  }, 60_000);
});
