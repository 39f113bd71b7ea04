import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Operation } from "@/lib/api/operation";
import { operations } from "@/lib/api/registry";
import { policy } from "@/lib/server/authz";
import { callerRoleFor, signInCallers, type CallerRole, type Credentials, type Role } from "./hostile/callers";
import { loadFixtures, type Fixtures } from "./hostile/fixtures";
import { differences, settled, snapshot } from "./hostile/nothing-written";
import { NOTHING_TO_CORRUPT, operationBases, type Base } from "./hostile/operation-bases";
import { signIn } from "./http-client";
import { startStack, type Stack } from "./stack";

// Issue 12 point 4, IDOR probes over HTTP on the production build: every operation that names its
// target in the path is called with a request that would succeed for the target's own village
// (operation-bases.ts, on 新花村's households, entries, reviews, evidence…), by each role allowed
// to call it, as that role's account of another village (杨坪). Each must be refused with 403 or
// 404 in the JSON error format, say nothing of the target, and write nothing. The table of every
// operation × caller with targets in and out of scope, officials of another township included, is
// tests/integration/api-authorization.test.ts; this checks the same boundary through the server.

const OUTSIDERS: Partial<Record<Role, string>> = { CLERK: "clerk-yangping", REPRESENTATIVE: "rep-yangping-1", HOUSEHOLD: "JS-YP-00001" };

let stack: Stack;
let pool: pg.Pool;
let fixtures: Fixtures;
let insiders: Map<CallerRole, Credentials>;
const cookies = new Map<string, string>();

const withTarget = (op: Operation) => op.permission !== null && /\{\w+\}/.test(op.path)
  // An upload is refused for its form before its target is looked up; the integration table probes it with a valid file.
  && !op.multipart && operationBases[op.id] !== NOTHING_TO_CORRUPT;
const probes = operations.filter(withTarget).flatMap((op) =>
  (policy[op.permission!].roles as readonly Role[]).filter((role) => OUTSIDERS[role]).map((role) => ({ op, role, username: OUTSIDERS[role]! })));

beforeAll(async () => {
  stack = await startStack("server");
  pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  insiders = await signInCallers(stack.baseUrl, [...new Set(operations.filter(withTarget).map(callerRoleFor)), "CLERK", "HOUSEHOLD"]);
  fixtures = await loadFixtures(pool, stack.baseUrl, insiders);
  for (const username of Object.values(OUTSIDERS)) cookies.set(username, await signIn(stack.baseUrl, username));
  await settled(pool, stack);
});

afterAll(async () => {
  await pool?.end();
  await stack?.close();
});

function requestOf(op: Operation, base: Base): { url: string; init: RequestInit } {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(base.params?.[name] ?? ""));
  const query = base.query ? `?${new URLSearchParams(base.query)}` : "";
  const body = op.method === "GET" ? undefined : JSON.stringify(base.body ?? {});
  return { url: `${stack.baseUrl}/api/v1${path}${query}`, init: { method: op.method, body } };
}

async function call(op: Operation, cookie: string): Promise<{ status: number; text: string }> {
  const { url, init } = requestOf(op, (operationBases[op.id] as (fx: Fixtures) => Base)(fixtures));
  const response = await fetch(url, {
    ...init, redirect: "manual",
    headers: { cookie, origin: stack.baseUrl, "content-type": "application/json", "accept-language": "zh-CN" },
  });
  return { status: response.status, text: await response.text() };
}

it("refuses every operation on another village's target, for every role that may call it, and writes nothing", async () => {
  expect(probes.length).toBeGreaterThan(40);
  const before = await snapshot(pool, stack.uploadDir);
  const leaks: string[] = [];
  const statuses = new Map<number, number>();
  for (const { op, role, username } of probes) {
    const { status, text } = await call(op, cookies.get(username)!);
    const label = `${op.method} ${op.path} as ${role} ${username}`;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    let code: unknown;
    try {
      code = JSON.parse(text).error?.code;
    } catch {
      code = undefined;
    }
    if (![403, 404].includes(status) || typeof code !== "string") leaks.push(`${label}: ${status} ${text.slice(0, 200)}`);
    else if (text.includes("JS-XH-")) leaks.push(`${label}: the refusal names a 新花村 archive number`);
  }
  console.log(`IDOR probes: ${probes.length} (${new Set(probes.map((p) => p.op.id)).size} operations): ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}`);
  expect(leaks).toEqual([]);
  expect(differences(before, await snapshot(pool, stack.uploadDir))).toEqual([]);
});

// The control: the same reads succeed for the target's own village, so the refusals above are about
// the caller's scope, not a request that fails for everyone. (Writes are shown to pass validation by
// the hostile-input test; that they succeed in scope, by the integration table.)
// Reads whose target is in a state where even its own village gets a 404.
const NOT_IN_THAT_STATE: Record<string, string> = { downloadExtractJws: "the fixtures' extract is requested, not issued yet" };

it("answers the same reads for the target's own village", async () => {
  const reads = operations.filter((op) => withTarget(op) && op.method === "GET" && !NOT_IN_THAT_STATE[op.id]);
  expect(reads.length).toBeGreaterThan(15);
  const refused: string[] = [];
  for (const op of reads) {
    const { status, text } = await call(op, insiders.get(callerRoleFor(op))!.cookie);
    if (status !== 200) refused.push(`${op.method} ${op.path} as ${callerRoleFor(op)}: ${status} ${text.slice(0, 160)}`);
  }
  expect(refused).toEqual([]);
});

it("serves evidence files only through the API: no path reaches the upload directory", async () => {
  const { rows: [photo] } = await pool.query<{ storageKey: string }>(`SELECT "storageKey" FROM "EvidencePhoto" WHERE id = $1`, [fixtures.evidence]);
  const outsider = cookies.get("clerk-yangping")!;
  const guesses = [
    `/api/v1/evidence/${fixtures.evidence}`, `/uploads/${photo!.storageKey}`, `/.data/uploads/${photo!.storageKey}`,
    `/${photo!.storageKey}`, `/_next/static/%2e%2e/%2e%2e/.data/uploads/${photo!.storageKey}`, `/api/v1/evidence/..%2F..%2F.data%2Fuploads%2F${encodeURIComponent(photo!.storageKey)}`,
  ];
  for (const guess of guesses) {
    const response = await fetch(`${stack.baseUrl}${guess}`, { headers: { cookie: outsider }, redirect: "manual" });
    expect([307, 400, 404], guess).toContain(response.status);
    expect(response.headers.get("content-type") ?? "", guess).not.toContain("image/");
  }
});
