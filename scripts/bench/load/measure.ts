import type { IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";
import type pg from "pg";

// Both sides of a comparison are timed the same way: every request's latency is kept and the
// percentiles are taken from the full list (autocannon's own summary has no p95).

export type Sample = { concurrency: number; requests: number; p50: number; p95: number; rps: number; failures: number };

/** One HTTP request as autocannon sends it, possibly different on every call. */
export type HttpRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type HttpLoad = { url: string; next: () => HttpRequest };
/** A fixed duration in seconds, or a fixed number of requests (writes that use up prepared rows). */
export type Amount = { seconds: number } | { requests: number };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(latencies: number[], concurrency: number, elapsedMs: number, failures: number): Sample {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    concurrency, requests: latencies.length, failures,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: latencies.length / (elapsedMs / 1000),
  };
}

export const WARMUP_SECONDS = 2;

/**
 * Before an operation is timed: its connections opened, the server's code for it loaded and its
 * queries' plans cached (2 connections for 2 s, or 4 requests of a write that uses up prepared rows).
 */
export async function warmUp(load: HttpLoad, amount: Amount): Promise<void> {
  await measureHttp(load, 2, "requests" in amount ? { requests: 4 } : { seconds: WARMUP_SECONDS });
}

export type HttpSample = Sample & {
  statuses: Record<string, number>;
  /** With `tally`: the answers by that response header's value (haproxy's X-Served-By). */
  tallied?: Record<string, number>;
};

/** autocannon at `concurrency` connections; any answer other than 2xx counts as a failure. */
export async function measureHttp(load: HttpLoad, concurrency: number, amount: Amount, tally?: { header: string }): Promise<HttpSample> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const tallied: Record<string, number> = {};
  const header = tally?.header.toLowerCase();
  const count = (headers: IncomingHttpHeaders = {}) => {
    const found = Object.entries(headers).find(([name]) => name.toLowerCase() === header)?.[1];
    const value = String(found ?? "none");
    tallied[value] = (tallied[value] ?? 0) + 1;
  };
  let failures = 0;
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => [finish, fail] = [resolve, reject]);
  const instance = autocannon({
    url: load.url, connections: concurrency, timeout: 60,
    ...("seconds" in amount ? { duration: amount.seconds } : { amount: amount.requests }),
    requests: [{
      setupRequest: (request) => {
        const next = load.next();
        return { ...request, method: next.method ?? "GET", path: next.path, headers: { ...request.headers, ...next.headers }, body: next.body };
      },
      ...(header ? { onResponse: (_status: number, _body: string, _context: object, headers?: IncomingHttpHeaders) => count(headers) } : {}),
    }],
  }, (error, result) => (error ? fail(error) : finish(result)));
  // The instance passes the client first, which its type declarations leave out.
  instance.on("response", ((_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failures++;
  }) as never);
  const result = await done;
  failures += result.errors + result.timeouts;
  return { ...summarise(latencies, concurrency, performance.now() - started, failures), statuses, ...(header ? { tallied } : {}) };
}

/** A query run back to back by `concurrency` workers on a pool of that size, for `seconds`. */
export async function measureSql(pool: pg.Pool, concurrency: number, seconds: number, run: (client: pg.Pool) => Promise<unknown>): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const begun = performance.now();
      await run(pool);
      latencies.push(performance.now() - begun);
    }
  }));
  return summarise(latencies, concurrency, performance.now() - started, 0);
}
