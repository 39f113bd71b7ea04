import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import type { Ledger } from "./workload";

// What must hold after any load, crash or restart, read from the database the app wrote:
// every acknowledged write is there exactly once and whole (with its audit record and, for a
// void, its chained event), nothing was recorded that no client was told about, and the
// operator's own checks pass: `npm run verify:chains` and `npm run verify:scores`.

export async function writeProblems(databaseUrl: string, ledger: Ledger, recorderIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const keys = [...ledger.entries.keys()];
    const { rows: byKey } = await db.query<{ key: string; ids: string[] }>(
      `SELECT "idempotencyKey" AS key, array_agg(id::text) AS ids FROM "Entry" WHERE "idempotencyKey" = ANY($1) GROUP BY 1`, [keys]);
    const stored = new Map(byKey.map((r) => [r.key, r.ids]));
    for (const [key, id] of ledger.entries) {
      const ids = stored.get(key) ?? [];
      if (ids.length !== 1 || ids[0] !== id) problems.push(`entry of key ${key}: acknowledged ${id}, stored [${ids.join(", ")}]`);
    }
    const { rows: [recorded] } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Entry" WHERE "recordedById" = ANY($1::uuid[]) AND starts_with(description, $2)`, [recorderIds, ledger.tag]);
    if (recorded!.n !== ledger.entries.size) problems.push(`${recorded!.n} entries recorded by the load, ${ledger.entries.size} acknowledged`);

    const missingAudit = async (action: string, ids: string[]) => (await db.query<{ id: string }>(
      `SELECT id::text FROM unnest($2::uuid[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.action = $1 AND a."targetId" = t.id::text)`,
      [action, ids])).rows.map((r) => r.id);
    for (const id of await missingAudit("entry.record", [...ledger.entries.values()])) problems.push(`entry ${id} has no audit record`);
    for (const id of await missingAudit("entry.void", [...ledger.voided])) problems.push(`void of ${id} has no audit record`);
    for (const id of await missingAudit("rectification.request", [...ledger.rectifications])) problems.push(`rectification ${id} has no audit record`);

    const { rows: notVoided } = await db.query<{ id: string }>(
      `SELECT e.id::text FROM "Entry" e WHERE e.id = ANY($1::uuid[])
         AND (e.status <> 'VOIDED' OR NOT EXISTS (SELECT 1 FROM "EntryEvent" v WHERE v."entryId" = e.id AND v.type = 'VOIDED'))`, [[...ledger.voided]]);
    for (const { id } of notVoided) problems.push(`entry ${id} was acknowledged voided but is not`);
    const { rows: [rectifications] } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Rectification" WHERE id = ANY($1::uuid[])`, [[...ledger.rectifications]]);
    if (rectifications!.n !== ledger.rectifications.size) problems.push(`${ledger.rectifications.size - rectifications!.n} acknowledged rectification requests missing`);
    const pairs = [...ledger.ballots].map((b) => b.split(" "));
    const { rows: [ballots] } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ReviewBallot" b JOIN unnest($1::uuid[], $2::uuid[]) AS t(review, rep)
         ON b."reviewId" = t.review AND b."representativeId" = t.rep`, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    if (ballots!.n !== ledger.ballots.size) problems.push(`${ledger.ballots.size - ballots!.n} acknowledged ballots missing`);
  } finally {
    await db.end();
  }
  return problems;
}

/**
 * The operator's checks, as they run them; the output of a failing one. Run asynchronously: a
 * blocked event loop would keep this process's HTTP client from closing its idle connections
 * when the server does, and the next request would go out on a closed socket.
 */
export async function operatorChecks(databaseUrl: string, uploadDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const script of ["verify:chains", "verify:scores"]) {
    try {
      await run("npm", ["run", "-s", script], { env: { ...process.env, DATABASE_URL: databaseUrl, UPLOAD_DIR: uploadDir }, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
      problems.push(`npm run ${script} exited with ${code}:\n${`${stdout ?? ""}${stderr ?? ""}`.slice(-2000)}`);
    }
  }
  return problems;
}

const run = promisify(execFile);
