import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { withLagTolerantReads } from "./lag-tolerant-reads";
import { scopedReadClient } from "./read-scope";
import { replicaSet, type ReplicaSet } from "./replica-set";

vi.mock("./replica-set", () => ({ replicaSet: vi.fn() }));

const routed = { name: "the replica-routed client" };
const fake = { choose: vi.fn(), markUnreachable: vi.fn(), status: vi.fn() } satisfies ReplicaSet;
const clerk = {
  id: "a", username: "clerk", displayName: "Clerk", role: "CLERK", townshipId: "t", villageId: "v",
  householdId: null, homeHouseholdId: null, viaAccessCode: false,
} satisfies Actor;

/** A report that says which client `db` would have given it. */
const report = vi.fn(async () => scopedReadClient() ?? "primary");

beforeEach(() => {
  vi.mocked(replicaSet).mockReturnValue(fake);
  fake.choose.mockReset().mockReturnValue({ name: "replica 1", routed });
  fake.markUnreachable.mockReset();
  report.mockClear();
});

describe("withLagTolerantReads", () => {
  it("reads the primary without replicas", async () => {
    vi.mocked(replicaSet).mockReturnValue(null);
    expect(await withLagTolerantReads(null, report)).toBe("primary");
  });

  it("reads a replica that holds the reader's latest write, asking for exactly that position", async () => {
    expect(await withLagTolerantReads({ ...clerk, lastWriteLsn: 1234n }, report)).toBe(routed);
    expect(fake.choose).toHaveBeenCalledWith(1234n);
    expect(await withLagTolerantReads(null, report)).toBe(routed);
    expect(fake.choose).toHaveBeenLastCalledWith(null);
  });

  it("reads the primary when no replica qualifies, or for an actor that does not say where its writes stand", async () => {
    fake.choose.mockReturnValue(null);
    expect(await withLagTolerantReads({ ...clerk, lastWriteLsn: 1234n }, report)).toBe("primary");
    fake.choose.mockReturnValue({ name: "replica 1", routed });
    expect(await withLagTolerantReads(clerk, report)).toBe("primary");
  });

  it("runs the report again on the primary when the replica fails it, and leaves out a replica that went away", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5441"), { code: "ECONNREFUSED" });
    const flaky = vi.fn(async () => {
      if (scopedReadClient()) throw refused;
      return "primary";
    });
    expect(await withLagTolerantReads(null, flaky)).toBe("primary");
    expect(flaky).toHaveBeenCalledTimes(2);
    expect(fake.markUnreachable).toHaveBeenCalledWith("replica 1", refused);

    const conflict = new Error("canceling statement due to conflict with recovery");
    const cancelled = vi.fn(async () => {
      if (scopedReadClient()) throw conflict;
      return "primary";
    });
    expect(await withLagTolerantReads(null, cancelled)).toBe("primary");
    expect(fake.markUnreachable).toHaveBeenCalledTimes(1); // still reachable: only this query failed
  });

  it("passes the report's own refusals on, without running it again", async () => {
    const refusal = vi.fn(async () => {
      throw new AppError("NOT_FOUND", "errors.notFound");
    });
    await expect(withLagTolerantReads(null, refusal)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(refusal).toHaveBeenCalledTimes(1);
  });

  it("keeps a nested report in the scope it was called from", async () => {
    const outer = await withLagTolerantReads(null, () => withLagTolerantReads(null, report));
    expect(outer).toBe(routed);
    expect(fake.choose).toHaveBeenCalledTimes(1);
  });
});
