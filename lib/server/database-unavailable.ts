import "server-only";

// "The database cannot be reached right now" (a restart, a failover, a network cut) is not a
// bug of the request: the API answers it 503 with Retry-After, so that clients retry (with the
// same idempotency key) instead of reporting an internal error. The app's connections reconnect
// by themselves once the server is back (docs/RELIABILITY.md).

// Prisma's codes for an unreachable or vanished server, and a pool that gave no connection in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What the driver adapter reports (adapter-pg's convertDriverError).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// The socket's own codes, as node-pg passes them on.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);

/** SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections). */
const isUnavailableSqlState = (code: string) => /^08/.test(code) || /^57P0[123]$/.test(code) || code === "53300";

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as { name?: unknown; code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || isUnavailableSqlState(e.code))) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    // node-pg's own words when the server closes a connection mid-query; it sets no code.
    if (typeof e.message === "string" && /^Connection terminated/.test(e.message)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
