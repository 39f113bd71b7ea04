import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sessionClient, type AppClient } from "./http-client";
import { operatorChecks, writeProblems } from "./invariants";
import { scale } from "./scale";
import { startStack, type DatabaseKind, type Stack } from "./stack";
import { newLedger, prepareWorkload, runWorkload, type Ledger, type Workload } from "./workload";

// Issue 12, points 1 and 2: concurrent clients for a minute, then the same load through a SIGKILL
// of the app and a crash of the database, on a PostgreSQL server and on the embedded database.
// After each: every acknowledged write exactly once and whole, no 5xx outside the outage (and
// there only the JSON 503), every chain and every maintained score verified by the operator's
// commands, and the app serving again without anyone repairing anything.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function report(label: string, ledger: Ledger): void {
  const statuses = [...ledger.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(`${label}: ${ledger.requests} requests (${ledger.retries} retries, ${ledger.unanswered} unanswered, ` +
    `${ledger.unavailable} answered 503 during the outage); acknowledged: ${ledger.entries.size} entries, ${ledger.voided.size} voids, ` +
    `${ledger.rectifications.size} rectification requests, ${ledger.ballots.size} ballots; statuses ${statuses}`);
}

async function expectEverythingKept(stack: Stack, work: Workload, ledger: Ledger): Promise<void> {
  expect(ledger.unexpected.slice(0, 20)).toEqual([]);
  expect(ledger.entries.size).toBeGreaterThan(0);
  expect(await writeProblems(stack.databaseUrl, ledger, work.villages.map((v) => v.clerkId))).toEqual([]);
  expect(await operatorChecks(stack.databaseUrl, stack.uploadDir)).toEqual([]);
}

type Outage = { active: boolean; loadUntil: number };

/**
 * Kills the app, then crashes the database, while the load runs; checks the 503s of the outage.
 * `outage.active` is true from the database's crash until 2 s after the app answers again (a 503
 * is expected then and a failure at any other time); the load goes on until 3 s after that.
 */
async function crashMidLoad(stack: Stack, probe: AppClient, seconds: number, outage: Outage): Promise<{ appDownMs: number; dbDownMs: number }> {
  await sleep(seconds * 250);
  const killedAt = Date.now();
  await stack.killApp();
  await stack.startApp();
  const appDownMs = Date.now() - killedAt;

  await sleep(seconds * 250);
  const crashedAt = Date.now();
  outage.active = true;
  await stack.crashDatabase();
  for (let i = 0; i < 6; i++) {
    const answer = await probe.call("GET", "/api/v1/me");
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("数据库") });
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    await sleep(500);
  }
  await stack.startDatabase();
  // The app reconnects by itself: no restart, no manual step.
  for (let i = 0; ; i++) {
    if ((await probe.call("GET", "/api/v1/me").catch(() => null))?.status === 200) break;
    if (i > 120) throw new Error("the app did not serve again within 60 s of the database's restart");
    await sleep(500);
  }
  // Requests already waiting on the dead database may still answer 503 for a moment.
  await sleep(2_000);
  outage.active = false;
  outage.loadUntil = Math.max(outage.loadUntil, Date.now() + 3_000);
  return { appDownMs, dbDownMs: Date.now() - crashedAt };
}

const phases: { kind: DatabaseKind; load: number | null; crash: number; clients: number; villages: string[] }[] = [
  { kind: "server", load: scale(60, 15), crash: scale(48, 24), clients: 32, villages: ["XH", "YP", "BF", "CL"] },
  // The embedded database serves the app over one connection (ADR 0002): fewer clients, each
  // village's clerk still recording, voiding and requesting rectifications at once.
  { kind: "embedded", load: null, crash: scale(40, 20), clients: 8, villages: ["XH", "YP"] },
];

describe.each(phases)("on the $kind database", ({ kind, load, crash, clients, villages }) => {
  let stack: Stack;
  let work: Workload;
  beforeAll(async () => {
    stack = await startStack(kind);
    work = await prepareWorkload(stack.baseUrl, villages, clients);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // What the app printed, when a test failed: its own errors say what went wrong.
  afterEach(({ task }) => {
    if (task.result?.state === "fail" && stack) console.log(`app log (last 8,000 characters):\n${stack.app().log().slice(-8000)}`);
  });

  it.runIf(load !== null)(`${clients} clients for ${load} s keep every acknowledged write exactly once, with no 5xx`, async () => {
    const ledger = newLedger();
    const until = Date.now() + load! * 1000;
    await runWorkload(ledger, work, clients, () => until, () => false);
    report(`load on the ${kind} database, ${clients} clients, ${load} s`, ledger);
    expect(ledger.unanswered).toBe(0);
    await expectEverythingKept(stack, work, ledger);
  });

  it(`a SIGKILL of the app and a crash of the database mid-load lose no acknowledged write`, async () => {
    const ledger = newLedger();
    const probe = await sessionClient(stack.baseUrl, "official");
    const outage: Outage = { active: false, loadUntil: Date.now() + crash * 1000 };
    const loading = runWorkload(ledger, work, clients, () => outage.loadUntil, () => outage.active);
    const crashes = await crashMidLoad(stack, probe, crash, outage);
    await loading;
    report(`crashes on the ${kind} database, ${clients} clients, ${crash} s (app down ${crashes.appDownMs} ms, database down ${crashes.dbDownMs} ms)`, ledger);
    // The load met both crashes: requests the killed app never answered, 503s while the database was down.
    expect(ledger.unanswered).toBeGreaterThan(0);
    expect(ledger.unavailable).toBeGreaterThan(0);
    expect((await fetch(`${stack.baseUrl}/api/health`)).status).toBe(200);
    await expectEverythingKept(stack, work, ledger);
  });
});
