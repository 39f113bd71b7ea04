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

// SQLSTATE: the connection exceptions of class 08 that are about reaching the server (08P01, a
// protocol violation, is a bug and stays a 500), 57P01–57P03 (shutdown, crash, starting up),
// 53300 (too many connections).
const UNAVAILABLE_SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as {
      code?: unknown; errorCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown };
    };
    // Prisma's initialization error carries its code as errorCode; others (a schema mismatch) are bugs.
    const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : null;
    if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    // node-pg's own words when the server closes a connection mid-query; it sets no code.
    if (typeof e.message === "string" && /^Connection terminated/.test(e.message)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
