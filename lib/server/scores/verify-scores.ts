import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import type { EligibilityEntry } from "@/lib/domain/eligibility";
import { householdScoreRows, type ScoreRow } from "@/lib/domain/household-scores";
import { db } from "@/lib/server/db";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";

// Checks the maintained score rows (HouseholdScore) against a full recomputation from the
// chains: each entry's status is the one its last chained event gives (PENDING without one), a
// yellow's rectification day that of its RECTIFIED event, and the rows follow from
// lib/domain/household-scores.ts under the township's settings versions. Reads only, a batch of
// households at a time in one snapshot, so that a change committing meanwhile is no mismatch.

const BATCH = 1_000;
export const MAX_REPORTED_MISMATCHES = 200;

export type ScoreMismatch = {
  archiveNo: string;
  year: number;
  expected: Omit<ScoreRow, "year"> | null; // null: no row should exist
  actual: Omit<ScoreRow, "year"> | null; // null: the row is missing
};

export type ScoreVerification = { households: number; rows: number; mismatchTotal: number; mismatches: ScoreMismatch[]; durationMs: number };

const FIELDS = ["redMarks", "activeYellowMarks", "blackMarks", "unrectifiedYellows", "score", "settingsId"] as const;

export async function unsafeVerifyScores(now: Date = new Date()): Promise<ScoreVerification> {
  const started = performance.now();
  const today = chinaToday(now);
  const result: ScoreVerification = { households: 0, rows: 0, mismatchTotal: 0, mismatches: [], durationMs: 0 };
  let after = "";
  for (;;) {
    const batch = await readBatch(after);
    if (batch.households.length === 0) break;
    const { versions } = batch;
    for (const household of batch.households) {
      const expected = householdScoreRows(replay(batch.events.get(household.id) ?? [], batch.entries.get(household.id) ?? []),
        versions.get(household.village.townshipId)!, today);
      const actual = batch.rows.get(household.id) ?? [];
      result.rows += actual.length;
      for (const mismatch of compare(household.archiveNo, expected, actual)) {
        result.mismatchTotal += 1;
        if (result.mismatches.length < MAX_REPORTED_MISMATCHES) result.mismatches.push(mismatch);
      }
    }
    result.households += batch.households.length;
    after = batch.households.at(-1)!.archiveNo;
    if (batch.households.length < BATCH) break;
  }
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

function readBatch(after: string) {
  return db.$transaction(async (tx) => {
    const households = await tx.household.findMany({
      where: { archiveNo: { gt: after } }, orderBy: { archiveNo: "asc" }, take: BATCH,
      select: { id: true, archiveNo: true, village: { select: { townshipId: true } } },
    });
    const inBatch = { householdId: { in: households.map((h) => h.id) } };
    const entries = await tx.entry.findMany({ where: inBatch, select: { id: true, householdId: true, category: true, marks: true, occurredOn: true } });
    const events = await tx.entryEvent.findMany({
      where: inBatch, orderBy: { chainSeq: "asc" }, select: { entryId: true, householdId: true, fromStatus: true, toStatus: true, createdAt: true },
    });
    const rows = await tx.householdScore.findMany({ where: inBatch });
    // In the same snapshot: a settings change committing meanwhile is no mismatch either.
    const versions = await settingsVersionsOf(tx, households.map((h) => h.village.townshipId));
    return { households, entries: groupBy(entries), events: groupBy(events), rows: groupBy(rows), versions };
  }, { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 30_000 });
}

type Batch = Awaited<ReturnType<typeof readBatch>>;
type EntryRow = Batch["entries"] extends Map<string, (infer T)[]> ? T : never;
type EventRow = Batch["events"] extends Map<string, (infer T)[]> ? T : never;
type StoredRow = Batch["rows"] extends Map<string, (infer T)[]> ? T : never;

/** The entries as their chained events leave them. */
function replay(events: EventRow[], entries: EntryRow[]): EligibilityEntry[] {
  const last = new Map<string, EventRow>();
  const rectified = new Map<string, Date>();
  for (const event of events) {
    last.set(event.entryId, event);
    if (event.toStatus === "RECTIFIED" && event.fromStatus === "CONFIRMED") rectified.set(event.entryId, dayToDate(chinaToday(event.createdAt)));
  }
  return entries.map((entry) => ({
    category: entry.category, marks: entry.marks, occurredOn: entry.occurredOn,
    status: last.get(entry.id)?.toStatus ?? "PENDING", rectifiedOn: rectified.get(entry.id) ?? null,
  }));
}

function compare(archiveNo: string, expected: ScoreRow[], actual: StoredRow[]): ScoreMismatch[] {
  const pick = (row: ScoreRow | StoredRow) => Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as Omit<ScoreRow, "year">;
  const stored = new Map(actual.map((row) => [row.year, row]));
  const mismatches: ScoreMismatch[] = [];
  for (const want of expected) {
    const have = stored.get(want.year);
    stored.delete(want.year);
    if (!have || FIELDS.some((f) => have[f] !== want[f])) mismatches.push({ archiveNo, year: want.year, expected: pick(want), actual: have ? pick(have) : null });
  }
  for (const extra of stored.values()) mismatches.push({ archiveNo, year: extra.year, expected: null, actual: pick(extra) });
  return mismatches;
}

function groupBy<T extends { householdId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.householdId);
    if (list) list.push(row);
    else groups.set(row.householdId, [row]);
  }
  return groups;
}
