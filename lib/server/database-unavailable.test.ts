import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

// The shapes come from a real outage: Prisma's P1001 with the adapter's DatabaseNotReachable
// (PostgreSQL stopped), node-pg's SQLSTATE 57P01 and "Connection terminated unexpectedly" (the
// server shut down under an open connection). The reliability tests cover the whole path.
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable or restarting server however it is wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), {
      code: "P1001", meta: { driverAdapterError: Object.assign(new Error("DatabaseNotReachable"), { cause: { kind: "DatabaseNotReachable" } }) },
    }))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("57P03", "the database system is starting up"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { name: "PrismaClientInitializationError", errorCode: "P1001" }))).toBe(true);
  });

  it("leaves every other failure a 500", () => {
    expect(isDatabaseUnavailable(pgError("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(pgError("08P01", "bind message supplies 1 parameters, but prepared statement requires 2"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("schema mismatch"), { name: "PrismaClientInitializationError", errorCode: "P1012" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    const loop: { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
