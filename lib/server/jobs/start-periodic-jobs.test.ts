import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The lock itself is tested against PostgreSQL (tests/integration/upload-cleanup.test.ts); here
// only the schedule: first run soon after start, then every everyMs, never overlapping.
vi.mock("./run-exclusively", () => ({ runExclusively: (_name: string, run: () => Promise<void>) => run().then(() => true) }));
vi.mock("./periodic-jobs", () => ({ periodicJobs: [] }));

const { startPeriodicJobs } = await import("./start-periodic-jobs");

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("startPeriodicJobs", () => {
  it("runs each job shortly after start, then every everyMs", async () => {
    const run = vi.fn(async () => {});
    const stop = startPeriodicJobs([{ name: "test.tick", everyMs: 60_000, run }], 1_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(4);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("skips a tick while the previous run of the job is still going", async () => {
    let finish = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
    const stop = startPeriodicJobs([{ name: "test.slow", everyMs: 10_000, run }], 0);
    await vi.advanceTimersByTimeAsync(35_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
  });

  it("keeps running after a job fails, logging the failure", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const run = vi.fn(async () => { throw new Error("boom"); });
    const stop = startPeriodicJobs([{ name: "test.fails", everyMs: 10_000, run }], 0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(run).toHaveBeenCalledTimes(3);
    expect(error).toHaveBeenCalledWith("[jobs] test.fails failed", expect.any(Error));
    stop();
    error.mockRestore();
  });
});
