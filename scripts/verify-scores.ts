// `npm run verify:scores`: checks that every maintained score row (HouseholdScore, which the
// rankings, the selection and the dashboard read) equals a full recomputation from the hash
// chains of DATABASE_URL (DESIGN.md "Score"). Reads only. Exits 1 and lists the differing rows.

import type { ScoreVerification } from "@/lib/server/scores/verify-scores";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/app npm run verify:scores");
    process.exit(1);
  }
  // Imported after the check: lib/env reads the environment when it is first imported.
  const { db } = await import("@/lib/server/db");
  const { unsafeVerifyScores } = await import("@/lib/server/scores/verify-scores");
  try {
    const result = await unsafeVerifyScores();
    report(result);
    process.exitCode = result.mismatchTotal === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

function report(result: ScoreVerification): void {
  const counts = `${result.households.toLocaleString("en")} households, ${result.rows.toLocaleString("en")} score rows in ${(result.durationMs / 1000).toFixed(1)} s`;
  if (result.mismatchTotal === 0) {
    console.log(`All scores match the chains: ${counts}.`);
    return;
  }
  console.log(`MISMATCH: ${result.mismatchTotal} score rows differ from the chains (${counts}).`);
  const show = (row: ScoreVerification["mismatches"][number]["actual"]) =>
    row ? `score ${row.score} (red ${row.redMarks}, yellow ${row.activeYellowMarks}, black ${row.blackMarks}, unrectified ${row.unrectifiedYellows})` : "no row";
  for (const m of result.mismatches) {
    console.log(`  ${m.archiveNo}  ${m.year === 0 ? "all time" : m.year}  stored ${show(m.actual)}, chains give ${show(m.expected)}`);
  }
  if (result.mismatchTotal > result.mismatches.length) console.log(`  … and ${result.mismatchTotal - result.mismatches.length} more`);
}

main().catch((error: unknown) => {
  console.error(`verify:scores failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
