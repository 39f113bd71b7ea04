import os from "node:os";
import type pg from "pg";
import type { BenchResult } from "./results";

/** What the figures were measured on; the load averages say what else ran (2 cores, shared). */
export async function describeMachine(db: pg.Pool, loadBefore: number[]): Promise<BenchResult["machine"]> {
  const postgres = (await db.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  return {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, postgres, loadBefore, loadAfter: os.loadavg(),
  };
}
