// `npx tsx --conditions=react-server scripts/bench/import-households.ts [--households N]`
//
// Times the household import against the database of DATABASE_URL (seeded with `npm run db:seed`):
// generates a file of N new households (default 13,600, about 45,000 member rows) as CSV and as
// XLSX, then runs a dry run and the real import of each into a fresh village of its own.
// It writes to that database: run it against a throwaway one (see docs/PERFORMANCE.md).
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { exportHouseholds } from "@/lib/server/households/import/export-households";
import { importHouseholds } from "@/lib/server/households/import/import-households";
import { generateRows, toCsv, toXlsx } from "./household-rows";
import { time } from "./time";

const context = { ip: "127.0.0.1", userAgent: "bench/import-households" };

/** A new village with 20 groups and a clerk of its own, so each run imports into an empty village. */
async function benchVillage(code: string): Promise<Actor> {
  const township = await db.township.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true } });
  const village = await db.village.create({ data: { townshipId: township.id, code, name: `测试村${code}`, kind: "VILLAGE" }, select: { id: true } });
  await db.villagerGroup.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ villageId: village.id, number: i + 1, name: `第${i + 1}村民小组` })) });
  const account = await db.account.create({
    data: { username: `bench-${code.toLowerCase()}`, displayName: `测试理事${code}`, role: "CLERK", townshipId: township.id, villageId: village.id },
    select: { id: true, username: true, displayName: true },
  });
  return { ...account, role: "CLERK", townshipId: township.id, villageId: village.id, householdId: null, homeHouseholdId: null, viaAccessCode: false };
}

async function run(format: "csv" | "xlsx", bytes: Buffer, suffix: string) {
  const actor = await benchVillage(`B${suffix}${format === "csv" ? "C" : "X"}`);
  const file = new File([new Uint8Array(bytes)], `bench.${format}`);
  const options = { locale: "zh-CN" as const };
  const dry = await time(`${format}: dry run`, () => importHouseholds(actor, actor.villageId!, file, { ...options, dryRun: true }, context));
  if (dry.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(dry.problems.slice(0, 5))}`);
  const done = await time(`${format}: import (check + write)`, () => importHouseholds(actor, actor.villageId!, file, { ...options, dryRun: false }, context));
  console.log(`${format}: ${done.rows} rows, ${done.newHouseholds} households, ${done.newMembers} members, ${done.archiveNos?.first} … ${done.archiveNos?.last}`);
  const exported = await time(`${format}: export to XLSX`, () => exportHouseholds(actor, actor.villageId!, "zh-CN"));
  const again = new File([exported.bytes as BlobPart], "export.xlsx");
  const check = await time(`${format}: dry run of the export`, () => importHouseholds(actor, actor.villageId!, again, { ...options, dryRun: true }, context));
  console.log(`${format}: export re-read: ${check.unchangedHouseholds} unchanged, ${check.newHouseholds} new, ${check.problems.length} problems`);
}

async function main() {
  const { values } = parseArgs({ options: { households: { type: "string", default: "13600" } } });
  const households = Number(values.households);
  const rows = await time(`generate ${households} households`, async () => generateRows(households, { seed: "bench", groups: 20 }));
  const csv = await time("write CSV", async () => toCsv(rows));
  const xlsx = await time("write XLSX", () => toXlsx(rows));
  console.log(`${rows.length} member rows; CSV ${(csv.length / 1e6).toFixed(1)} MB, XLSX ${(xlsx.length / 1e6).toFixed(1)} MB`);
  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  await run("csv", csv, suffix);
  await run("xlsx", xlsx, suffix);
  await db.$disconnect();
}

await main();
