import sharp from "sharp";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { SERVED_BY_HEADER } from "../../scripts/cluster/haproxy";
import { AppClient, signIn, tokenClient } from "../reliability/http-client";
import { operatorChecks, writeProblems } from "../reliability/invariants";
import { newLedger, prepareWorkload, runWorkload, type Ledger } from "../reliability/workload";
import { scale } from "../reliability/scale";

// Issue 13, point 4: the loopback cluster (haproxy → two app instances → a primary and its
// streaming replica) under load. Clients retry a failed request once, as a browser's user or an
// integration would; nothing may fail beyond that one retry, and no write may be recorded twice.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// The instances' DATABASE_REPLICA_MAX_LAG_S (5 s by default): wider, so that the lag test's first
// reads, which must come from the lagging replica, are done in time on a busy machine.
const MAX_REPLICA_LAG_S = 10;

/** The reports that may lag by a moment: what the replica serves. */
const LAG_TOLERANT_READS = [
  { as: "official", path: "/api/v1/township/rankings?pageSize=20" },
  { as: "official", path: "/api/v1/township/dashboard" },
  { as: "clerk", path: "/api/v1/households?q=张&pageSize=20" },
  { as: "public", path: "/api/v1/public/honour-board" },
] as const;

type Readers = Record<(typeof LAG_TOLERANT_READS)[number]["as"], AppClient>;
type ReadTally = { requests: number; retried: number; failures: string[]; servedBy: Map<string, number> };

const newTally = (): ReadTally => ({ requests: 0, retried: 0, failures: [], servedBy: new Map() });

/** One read, sent again once when it fails (no answer, or an answer that is not a 200). */
async function readWithOneRetry(client: AppClient, path: string, tally: ReadTally): Promise<void> {
  let last = "";
  for (let send = 1; send <= 2; send++) {
    tally.requests++;
    if (send === 2) tally.retried++;
    try {
      const answer = await client.call("GET", path);
      const servedBy = answer.headers.get(SERVED_BY_HEADER) ?? "?";
      tally.servedBy.set(servedBy, (tally.servedBy.get(servedBy) ?? 0) + 1);
      if (answer.status === 200) return;
      last = `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
  }
  tally.failures.push(`GET ${path}: ${last}`);
}

function readLoad(readers: Readers, clients: number, until: number, tally: ReadTally): Promise<void> {
  return Promise.all(Array.from({ length: clients }, async (_, i) => {
    for (let n = i; Date.now() < until; n++) {
      const read = LAG_TOLERANT_READS[n % LAG_TOLERANT_READS.length]!;
      await readWithOneRetry(readers[read.as], read.path, tally);
    }
  })).then(() => undefined);
}

type ReplicaReport = { name: string; reachable: boolean; serving: boolean; lagSeconds: number | null; bytesBehind: number | null };

/** The replica as one instance measures it: the admin's health report (detailed for ADMIN only). */
async function replicaAsSeenBy(admin: AppClient, instanceUrl: string): Promise<ReplicaReport> {
  const answer = await admin.at(instanceUrl).call("GET", "/api/health");
  const replica = (answer.body?.replicas as ReplicaReport[] | undefined)?.[0];
  if (!replica) throw new Error(`no replica in the health report of ${instanceUrl}: ${JSON.stringify(answer.body)}`);
  return replica;
}

async function eventually<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

async function onReplica(cluster: Cluster, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.replica.url() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function report(label: string, ledger: Ledger, tally: ReadTally): void {
  const statuses = [...ledger.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(`${label}: writes ${ledger.requests} requests (${ledger.retries} retries, ${ledger.unanswered} unanswered), ` +
    `acknowledged ${ledger.entries.size} entries, ${ledger.voided.size} voids, ${ledger.rectifications.size} rectification requests, ` +
    `${ledger.ballots.size} ballots, statuses ${statuses}; reads ${tally.requests} (${tally.retried} retried), served by ` +
    [...tally.servedBy].map(([name, n]) => `${name}×${n}`).join(" "));
}

describe("the loopback cluster", () => {
  let cluster: Cluster;
  let readers: Readers;
  let admin: AppClient;

  beforeAll(async () => {
    cluster = await startCluster({
      seed: { households: 300, quiet: true }, logRequests: false, instanceEnv: { DATABASE_REPLICA_MAX_LAG_S: String(MAX_REPLICA_LAG_S) },
    });
    [readers, admin] = await Promise.all([
      Promise.all([tokenClient(cluster.url, "official"), tokenClient(cluster.url, "clerk-xinhua")])
        .then(([official, clerk]) => ({ official, clerk, public: new AppClient(cluster.url, {}) })),
      tokenClient(cluster.url, "admin"),
    ]);
  });
  afterAll(async () => {
    await cluster?.down();
  });
  afterEach(({ task }) => {
    if (task.result?.state !== "fail" || !cluster) return;
    for (const instance of cluster.instances) console.log(`${instance.name} log (last 4,000 characters):\n${instance.log().slice(-4000)}`);
    console.log(`haproxy log (last 4,000 characters):\n${cluster.haproxy.log().slice(-4000)}`);
  });

  it("serves every instance from shared state: a session, an evidence photo and the signing key", async () => {
    const [one, two] = cluster.instances.map((i) => i.url) as [string, string];
    const cookie = await signIn(one, "clerk-xinhua");
    const me = await new AppClient(two, { cookie }).call("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("clerk-xinhua");

    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a3" } }).jpeg().toBuffer();
    const form = new FormData();
    form.set("file", new File([new Uint8Array(photo)], "photo.jpg", { type: "image/jpeg" }));
    const uploaded = await new AppClient(one, { cookie }).call("POST", "/api/v1/evidence", { form });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const downloaded = await fetch(`${two}/api/v1/evidence/${uploaded.body.id}`, { headers: { cookie } });
    expect(downloaded.status).toBe(200);
    expect((await downloaded.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const keys = await Promise.all([one, two].map(async (url) => (await fetch(`${url}/api/v1/public/extract-key`)).json()));
    expect(keys[0]).toEqual(keys[1]);
  });

  it("loses no request and records no write twice when an instance is killed mid-load", async () => {
    const seconds = scale(45, 30);
    const ledger = newLedger({ maxSends: 2 });
    const tally = newTally();
    const work = await prepareWorkload(cluster.url, ["XH", "YP", "BF"], 8);
    const until = Date.now() + seconds * 1000;
    const [victim] = cluster.instances as [Cluster["instances"][number]];
    const killedPid = victim.pid;
    const faults = (async () => {
      await sleep(seconds * 300);
      await victim.kill();
      await sleep(seconds * 300);
      await victim.restart();
    })();
    await Promise.all([runWorkload(ledger, work, 12, () => until, () => false), readLoad(readers, 6, until, tally), faults]);
    report(`instance killed, ${seconds} s`, ledger, tally);

    expect(victim.pid).not.toBe(killedPid);
    expect(ledger.unexpected.slice(0, 20)).toEqual([]);
    expect(tally.failures.slice(0, 20)).toEqual([]);
    expect(ledger.entries.size).toBeGreaterThan(0);
    // Both instances served the load (the killed one before its kill and after its restart).
    for (const instance of cluster.instances) expect(tally.servedBy.get(instance.name) ?? 0).toBeGreaterThan(0);
    expect(await writeProblems(cluster.primary.url(), ledger, work.villages.map((v) => v.clerkId))).toEqual([]);
    expect(await operatorChecks(cluster.primary.url(), cluster.uploadDir)).toEqual([]);
  });

  it("answers every report from the primary while the replica is stopped, and uses the replica again once it is back", async () => {
    const seconds = scale(30, 24);
    const tally = newTally();
    const until = Date.now() + seconds * 1000;
    const faults = (async () => {
      await sleep(seconds * 300);
      cluster.replica.stop("fast");
      // Every instance notices, by its probe or by a failed read.
      for (const instance of cluster.instances) {
        await eventually(`${instance.name}'s view of the stopped replica`, () => replicaAsSeenBy(admin, instance.url),
          (r) => !r.reachable && !r.serving, 10_000);
      }
      await sleep(seconds * 200);
      cluster.replica.start();
    })();
    await Promise.all([readLoad(readers, 6, until, tally), faults]);
    console.log(`replica stopped, ${seconds} s: reads ${tally.requests} (${tally.retried} retried)`);
    expect(tally.failures.slice(0, 20)).toEqual([]);
    expect(tally.retried).toBe(0);
    for (const instance of cluster.instances) {
      await eventually(`${instance.name}'s view of the restarted replica`, () => replicaAsSeenBy(admin, instance.url), (r) => r.serving);
    }
  });

  it("reports the replica's lag, and never shows a writer, or anyone once the lag passes the limit, data older than theirs", async () => {
    const clerk = readers.clerk;
    const headName = `集群测试${Date.now().toString(36)}`;
    const search = (client: AppClient, url: string) =>
      client.at(url).call("GET", `/api/v1/households?q=${encodeURIComponent(headName)}&pageSize=5`);
    for (const instance of cluster.instances) {
      await eventually(`${instance.name}'s view of the replica`, () => replicaAsSeenBy(admin, instance.url), (r) => r.serving);
    }
    // A probe after the readers' latest writes (their API tokens), so that the replica may serve them.
    await sleep(1_500);
    const pausedAt = Date.now();
    await onReplica(cluster, "SELECT pg_wal_replay_pause()");
    try {
      const created = await clerk.call("POST", "/api/v1/households", {
        body: { headName, headBirthYear: 1968, address: "新花村2组", registeredOn: "2026-11-02" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // Another official's search may lag by a moment: the replica answers, without the household yet.
      for (const instance of cluster.instances) expect((await search(readers.official, instance.url)).body.items).toEqual([]);
      // (Had the limit passed meanwhile, the primary would have answered, with the household.)
      expect(Date.now() - pausedAt).toBeLessThan(MAX_REPLICA_LAG_S * 1000);
      for (const instance of cluster.instances) {
        // The writer's own search reads the primary on every instance: the replica lacks the household.
        expect((await search(clerk, instance.url)).body.items.map((h: { id: string }) => h.id)).toEqual([created.body.id]);
        // The household page is never a replica read.
        expect((await clerk.at(instance.url).call("GET", `/api/v1/households/${created.body.id}`)).status).toBe(200);
      }

      for (const instance of cluster.instances) {
        const lagging = await eventually(`${instance.name}'s view of the paused replica`, () => replicaAsSeenBy(admin, instance.url),
          (r) => !r.serving && (r.lagSeconds ?? 0) > MAX_REPLICA_LAG_S);
        expect(lagging.reachable).toBe(true);
        expect(lagging.bytesBehind).toBeGreaterThan(0);
        // Past the limit, nobody reads the replica: the primary answers, with the household.
        expect((await search(readers.official, instance.url)).body.items.map((h: { id: string }) => h.id)).toEqual([created.body.id]);
      }
    } finally {
      await onReplica(cluster, "SELECT pg_wal_replay_resume()");
    }
    for (const instance of cluster.instances) {
      await eventually(`${instance.name}'s view of the resumed replica`, () => replicaAsSeenBy(admin, instance.url), (r) => r.serving);
    }
    // …and serves the official again, now with the household.
    expect((await search(readers.official, cluster.url)).body.items).toHaveLength(1);
  });
});
