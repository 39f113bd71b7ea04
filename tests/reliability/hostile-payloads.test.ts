import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "@/lib/api/operation";
import { operations } from "@/lib/api/registry";
import { callerRoleFor, signInCallers, type CallerRole, type Credentials } from "./hostile/callers";
import { loadFixtures, type Fixtures } from "./hostile/fixtures";
import { hostileRequests, summary, toHttp, type HostileRequest, type HttpRequest } from "./hostile/hostile-requests";
import { auditHead, differences, snapshot, type Snapshot } from "./hostile/nothing-written";
import { NOTHING_TO_CORRUPT, operationBases, type Base } from "./hostile/operation-bases";
import { refusalOf, type Refusal } from "./hostile/refusal";
import { REDUCED, scale } from "./scale";
import { startStack, type Stack } from "./stack";

// Issue 12 point 3: property-based hostile input over every operation of /api/v1 (fast-check),
// against the production build on a PostgreSQL server of the test's own. Each request is a valid
// one of the operation (operation-bases.ts) with at least one part corrupted in a way its schemas
// must refuse (refusal.ts) — wrong types, missing fields, huge strings, control characters, lone
// surrogates and other unusual unicode, SQL and script fragments, impossible dates, malformed ids
// and percent-encoding, bodies that are not JSON or not what they claim, fake and oversized
// files — sent by a caller allowed to call the operation. Every answer must be a 4xx in the JSON
// error format, and nothing may be written: no table or upload changed over the run (checked
// every so many requests, naming the requests around which an audit record appeared). `npm run test:reliability -- hostile`; HOSTILE_SEED replays a run.

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TARGET_PAYLOADS = scale(10_500, 1_500);
const CONCURRENCY = 6;
const FULL_CHECK_EVERY = scale(1_000, 500);

type Answer = { status: number; contentType: string; text: string; json: any };
type Tally = { caller: CallerRole; runs: number; statuses: Map<number, number> };

let stack: Stack;
let pool: pg.Pool;
let callers: Map<CallerRole, Credentials>;
let fixtures: Fixtures;
let baseline: Snapshot;

const tested = operations.filter((op) => operationBases[op.id] !== NOTHING_TO_CORRUPT);
const baseOf = (op: Operation): Base => (operationBases[op.id] as (fx: Fixtures) => Base)(fixtures);

beforeAll(async () => {
  stack = await startStack("server");
  const started = Date.now();
  pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
  callers = await signInCallers(stack.baseUrl, [...tested.map(callerRoleFor), "CLERK", "HOUSEHOLD"]);
  fixtures = await loadFixtures(pool, stack.baseUrl, callers);
  baseline = await settledSnapshot(started);
});

afterAll(async () => {
  await pool?.end();
  await stack?.close();
});

// The app's periodic jobs first run 15 s after it starts (a daily digest, stale scores): the
// baseline is taken after that, once two snapshots a few seconds apart agree.
async function settledSnapshot(appStarted: number): Promise<Snapshot> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, appStarted + 20_000 - Date.now())));
  let last = await snapshot(pool, stack.uploadDir);
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const next = await snapshot(pool, stack.uploadDir);
    if (differences(last, next).length === 0) return next;
    last = next;
  }
  throw new Error("the database kept changing before the run");
}

async function send(request: HostileRequest, http: HttpRequest): Promise<Answer> {
  const role = callerRoleFor(request.operation);
  const credentials = callers.get(role);
  const headers: Record<string, string> = { origin: stack.baseUrl, "accept-language": "zh-CN" };
  if (credentials) {
    if (request.auth === "token" && credentials.token) headers.authorization = `Bearer ${credentials.token}`;
    else headers.cookie = credentials.cookie;
  }
  if (http.contentType !== null) headers["content-type"] = http.contentType;
  const response = await fetch(http.url, {
    method: http.method, headers, body: http.body as BodyInit | undefined, redirect: "manual", signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: judged below
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json };
}

/** What is wrong with the answer to a request the API must refuse; empty when nothing is. */
function judge(request: HostileRequest, refusal: Refusal, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status < 400 || answer.status > 499) problems.push(`status ${answer.status}, not a 4xx`);
  const error = answer.json?.error;
  if (!answer.contentType.startsWith("application/json") || typeof error?.code !== "string" || !error.code
    || typeof error.message !== "string" || !error.message) {
    problems.push(`not the JSON error format (${answer.contentType || "no content type"}): ${answer.text.slice(0, 200)}`);
    return problems;
  }
  // A refusal by the schemas names what was corrupted, not a field of the valid base.
  const details: { field?: string }[] = Array.isArray(error.details) ? error.details : [];
  if (["path", "query", "schema"].includes(refusal) && error.code === "INVALID_INPUT" && details.length && !request.touched.includes("_")) {
    const named = details.map((d) => String(d.field ?? "").split(".")[0]!);
    if (!named.some((field) => field === "_" || request.touched.includes(field))) {
      problems.push(`the error names ${named.join(", ")}, none of what was corrupted (${request.touched.join(", ")})`);
    }
  }
  return problems;
}

/** Runs of each operation, in proportion to what it takes: operations with a body get twice as many. */
function runsPerOperation(): Map<string, number> {
  const weight = (op: Operation) => (op.body || op.multipart ? 2 : 1);
  const total = tested.reduce((n, op) => n + weight(op), 0);
  return new Map(tested.map((op) => [op.id, Math.ceil((TARGET_PAYLOADS * weight(op)) / total)]));
}

describe("hostile payloads over every /api/v1 operation", () => {
  it("every operation of the registry has a valid base request, or nothing to corrupt", () => {
    expect(operations.filter((op) => !(op.id in operationBases)).map((op) => op.id), "operations without a base").toEqual([]);
    const known = new Set(operations.map((op) => op.id));
    expect(Object.keys(operationBases).filter((id) => !known.has(id)), "bases of no operation").toEqual([]);
    for (const op of operations) {
      if (operationBases[op.id] === NOTHING_TO_CORRUPT) {
        expect({ op: op.id, method: op.method, params: !!op.params, query: !!op.query }).toEqual({ op: op.id, method: "GET", params: false, query: false });
        continue;
      }
      const base = baseOf(op);
      expect(Object.keys(base.params ?? {}).sort(), `${op.id}: path parameters`).toEqual(Object.keys(op.params?.shape ?? {}).sort());
      if (op.query) expect(op.query.safeParse(base.query ?? {}).error, `${op.id}: base query`).toBeUndefined();
      if (op.body && !op.multipart) expect(op.body.safeParse(base.body).error, `${op.id}: base body`).toBeUndefined();
    }
  });

  it(`${TARGET_PAYLOADS} hostile payloads: each refused with a 4xx in the JSON error format, nothing written`, async () => {
    const runs = runsPerOperation();
    const tallies = new Map<string, Tally>(tested.map((op) => [op.id, { caller: callerRoleFor(op), runs: 0, statuses: new Map() }]));
    const failures: string[] = [];
    const writes: string[] = [];
    let suspects: string[] = [];
    let sent = 0;
    let sinceCheck = new Set<string>();
    let reference = baseline;
    console.log(`hostile payloads: seed ${SEED} (HOSTILE_SEED=${SEED} replays it), ${[...runs.values()].reduce((a, b) => a + b, 0)} runs over ${tested.length} operations`);

    const fullCheck = async () => {
      const now = await snapshot(pool, stack.uploadDir);
      const changed = differences(reference, now);
      if (changed.length) {
        writes.push(`after requests to ${[...sinceCheck].join(", ")}: ${changed.join("; ")}`,
          ...suspects.map((s) => `  written around ${s}`));
      }
      reference = now;
      sinceCheck = new Set();
      suspects = [];
    };

    const runOperation = async (op: Operation, index: number) => {
      const credentials = callers.get(callerRoleFor(op));
      const arbitrary = hostileRequests(op, baseOf(op), !!credentials?.token);
      const tally = tallies.get(op.id)!;
      const property = fc.asyncProperty(arbitrary, async (request) => {
        const http = await toHttp(request, stack.baseUrl);
        const refusal = refusalOf(request, http);
        fc.pre(refusal !== null); // hostile but valid: not sent (see refusal.ts)
        const before = await auditHead(pool);
        const answer = await send(request, http);
        const after = await auditHead(pool);
        tally.runs++;
        tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
        sinceCheck.add(op.id);
        if (++sent % FULL_CHECK_EVERY === 0) await fullCheck();
        // Other operations' requests run meanwhile, so a new audit record only makes this request a
        // suspect; the snapshots decide whether anything was written, and name the suspects.
        if (after !== before) suspects.push(`${summary(request)} → ${answer.status} (audit record ${before} → ${after})`);
        const problems = judge(request, refusal!, answer);
        if (problems.length) {
          throw new Error(`${problems.join("; ")}\n  request: ${summary(request)}\n  must be refused at: ${refusal}\n  answer: ${answer.status} ${answer.text.slice(0, 300)}`);
        }
      });
      try {
        await fc.assert(property, { numRuns: runs.get(op.id)!, seed: SEED + index, maxSkipsPerRun: 1_000 });
      } catch (error) {
        // fast-check's report (seed, path, shrunk counterexample), then what the request got wrong.
        const cause = (error as Error).cause;
        failures.push(`${(error as Error).message}\n${cause instanceof Error ? cause.message : ""}`);
      }
    };

    const queue = tested.map((op, index) => ({ op, index }));
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await runOperation(next.op, next.index);
    }));
    await fullCheck();
    writes.push(...differences(baseline, reference).map((d) => `over the whole run: ${d}`));

    printTallies(tallies);
    if (failures.length) throw new Error(`${failures.length} operations failed:\n\n${failures.join("\n\n")}`);
    if (writes.length) throw new Error(`written by refused requests:\n${writes.join("\n")}`);
    const total = [...tallies.values()].reduce((n, t) => n + t.runs, 0);
    expect(total).toBeGreaterThanOrEqual(REDUCED ? 1_500 : 10_000);
  });
});

function printTallies(tallies: Map<string, Tally>): void {
  const byId = new Map(operations.map((op) => [op.id, op]));
  const lines = [...tallies].map(([id, t]) => {
    const op = byId.get(id)!;
    const statuses = [...t.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
    return `  ${id.padEnd(28)} ${`${op.method} ${op.path}`.padEnd(44)} ${t.caller.padEnd(17)} ${String(t.runs).padStart(5)}  ${statuses}`;
  });
  const total = [...tallies.values()].reduce((n, t) => n + t.runs, 0);
  const statuses = new Map<number, number>();
  for (const t of tallies.values()) for (const [s, n] of t.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  console.log([
    `hostile payloads tried: ${total} over ${tallies.size} operations (seed ${SEED})`,
    `  ${"operation".padEnd(28)} ${"route".padEnd(44)} ${"caller".padEnd(17)} ${"sent".padStart(5)}  statuses`,
    ...lines,
    `  all: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ")}`,
  ].join("\n"));
}
