import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

// "Nothing written", checked on the database itself: every table's row count and a digest of its
// rows, and the files of the upload directory. A refused request may not change any of them.
//
// Left out of the digest, because a refused request writes it by design:
// - ApiToken.lastUsedAt: resolveActor records a token's use (at most once a minute) when it
//   authenticates the request, which comes before the request's input is read.
// Nothing else is left out: refused requests sign nobody in (no SignInAttempt), reserve no
// Idempotency-Key and reach no rate limit that counts in the database (ExtractLookupWindow),
// since all of these come after the input is validated.
const IGNORED_COLUMNS: Record<string, string[]> = { ApiToken: ["lastUsedAt"] };

export type Snapshot = { tables: Record<string, string>; files: string[] };

export async function snapshot(pool: pg.Pool, uploadDir: string): Promise<Snapshot> {
  const { rows: names } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const tables: Record<string, string> = {};
  for (const { name } of names) {
    const ignored = (IGNORED_COLUMNS[name] ?? []).map((column) => ` - '${column}'`).join("");
    const { rows } = await pool.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(h, ',' ORDER BY h), '')) AS digest
         FROM (SELECT md5((to_jsonb(t)${ignored})::text) AS h FROM "${name}" t) rows`);
    tables[name] = `${rows[0]!.n} rows, ${rows[0]!.digest}`;
  }
  return { tables, files: filesUnder(uploadDir) };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => `${path.relative(dir, file)} (${statSync(file).size} bytes)`)
    .sort();
}

/** What differs between two snapshots, one line per table or file; empty when nothing does. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    if (before.tables[name] !== after.tables[name]) out.push(`${name}: ${before.tables[name]} → ${after.tables[name]}`);
  }
  const had = new Set(before.files);
  const has = new Set(after.files);
  out.push(...after.files.filter((f) => !had.has(f)).map((f) => `new file ${f}`));
  out.push(...before.files.filter((f) => !has.has(f)).map((f) => `file gone ${f}`));
  return out;
}

/** The newest audit record's id: every write of the product is one transaction with its audit record. */
export async function auditHead(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM "AuditLog"`);
  return rows[0]!.id;
}

/**
 * Waits until the database holds still: the app's periodic jobs first run 15 s after it starts (a
 * daily digest, stale scores), so a baseline is taken after that, once two snapshots a few seconds
 * apart agree.
 */
export async function settled(pool: pg.Pool, stack: { uploadDir: string; appStartedAt: () => number }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, stack.appStartedAt() + 20_000 - Date.now())));
  let last = await snapshot(pool, stack.uploadDir);
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const next = await snapshot(pool, stack.uploadDir);
    if (differences(last, next).length === 0) return;
    last = next;
  }
  throw new Error("the database kept changing before the run");
}
