// `npm run verify:chains`: verifies the hash chain of every household in DATABASE_URL
// (DESIGN.md: "a command and an admin page verify every chain"). Reads only. Exits 1 and names
// the household and record of every break, so that it can run from cron or CI.

import type { ChainVerification } from "@/lib/schemas/chains";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/app npm run verify:chains");
    process.exit(1);
  }
  // Imported after the check: lib/env reads the environment when it is first imported.
  const { db } = await import("@/lib/server/db");
  const { unsafeVerifyChains } = await import("@/lib/server/chain/verify-chains");
  const interactive = process.stderr.isTTY;
  try {
    const result = await unsafeVerifyChains({}, (p) => {
      const line = `Verified ${p.households.toLocaleString("en")} households, ${p.records.toLocaleString("en")} records, ${p.broken} broken`;
      process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
    });
    if (interactive) process.stderr.write("\n");
    report(result);
    process.exitCode = result.brokenTotal === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

function report(result: ChainVerification): void {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const counts = `${result.households.toLocaleString("en")} households, ${result.records.toLocaleString("en")} records in ${seconds} s`;
  if (result.brokenTotal === 0) {
    console.log(`All chains intact: ${counts}.`);
    return;
  }
  console.log(`BROKEN: ${result.brokenTotal} of ${result.households.toLocaleString("en")} household chains (${counts}).`);
  for (const b of result.broken) {
    console.log(`  ${b.archiveNo}  seq ${b.chainSeq}  ${b.kind} ${b.recordId || "-"}  ${b.problem}`);
  }
  if (result.brokenTotal > result.broken.length) console.log(`  … and ${result.brokenTotal - result.broken.length} more`);
}

main().catch((error: unknown) => {
  console.error(`verify:chains failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
