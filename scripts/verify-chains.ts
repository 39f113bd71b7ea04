// `npm run verify:chains [-- --digest <printed digest> …]`: verifies the hash chain of every
// household in DATABASE_URL, with the appeals, rectification requests and evidence files they
// cover (DESIGN.md: "a command and an admin page verify every chain"), and checks each township
// digest given as printed on a notice or an extract: a history rewritten since it was taken
// fails it even when every chain is consistent again. Reads only. Exits 1 and names the
// household and record of every break, so that it can run from cron or CI.

import { parseArgs } from "node:util";
import type { ChainVerification, DigestCheck } from "@/lib/schemas/chains";

const HELP = `Usage: npm run verify:chains -- [--digest <printed digest>]...

Verifies every household chain of DATABASE_URL; with --digest (repeatable), also checks a
township digest as printed on a notice or an extract, e.g. JS-20261201T1600Z-3f2a…(64 hex digits).
Exits 1 when a chain is broken or a digest does not match.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { digest: { type: "string", multiple: true }, help: { type: "boolean" } } });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/app npm run verify:chains");
    process.exit(1);
  }
  // Imported after the check: lib/env reads the environment when it is first imported.
  const { db } = await import("@/lib/server/db");
  const { unsafeVerifyChains } = await import("@/lib/server/chain/verify-chains");
  const { unsafeCheckTownshipDigest } = await import("@/lib/server/chain/check-township-digest");
  const interactive = process.stderr.isTTY;
  try {
    const checks: DigestCheck[] = [];
    for (const printed of values.digest ?? []) checks.push(await unsafeCheckTownshipDigest(printed));
    checks.forEach(reportDigest);
    const result = await unsafeVerifyChains({}, (p) => {
      const line = `Verified ${p.households.toLocaleString("en")} households, ${p.records.toLocaleString("en")} records, ${p.broken} broken`;
      process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
    });
    if (interactive) process.stderr.write("\n");
    report(result);
    process.exitCode = result.brokenTotal === 0 && checks.every((c) => c.matches) ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

function report(result: ChainVerification): void {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const counts = `${result.households.toLocaleString("en")} households, ${result.records.toLocaleString("en")} records, `
    + `${result.evidenceFiles.toLocaleString("en")} evidence files in ${seconds} s`;
  if (result.brokenTotal === 0) {
    console.log(`All chains intact: ${counts}.`);
    return;
  }
  console.log(`BROKEN: ${result.brokenTotal} of ${result.households.toLocaleString("en")} household chains (${counts}).`);
  for (const b of result.broken) {
    const column = b.column ? ` (${b.column})` : "";
    console.log(`  ${b.archiveNo}  seq ${b.chainSeq}  ${b.kind} ${b.recordId || "-"}  ${b.problem}${column}`);
  }
  if (result.brokenTotal > result.broken.length) console.log(`  … and ${result.brokenTotal - result.broken.length} more`);
}

const DIGEST_PROBLEMS: Record<NonNullable<DigestCheck["problem"]>, string> = {
  UNREADABLE: "not a printed digest (township code, time, 64 hex digits)",
  UNKNOWN_TOWNSHIP: "no township has this code",
  NOT_RECORDED: "this township never recorded this digest, or its record was deleted",
  RECORD_ALTERED: "the stored record of this digest was altered: it no longer gives the printed digest",
  HISTORY_CHANGED: "the chains no longer give this digest: history before it was rewritten",
};

function reportDigest(check: DigestCheck): void {
  if (check.matches) {
    console.log(`Digest matches: ${check.printed} (${check.households.toLocaleString("en")} household chains as of ${check.takenAt}).`);
    return;
  }
  console.log(`DIGEST MISMATCH: ${check.printed}: ${DIGEST_PROBLEMS[check.problem ?? "HISTORY_CHANGED"]}.`);
  for (const household of check.changed) console.log(`  ${household.archiveNo}  chain changed before the digest`);
}

main().catch((error: unknown) => {
  console.error(`verify:chains failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
