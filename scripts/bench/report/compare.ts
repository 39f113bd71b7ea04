import { readFileSync } from "node:fs";
import { checkTargets, printVerdicts, type BenchResult, type Verdict } from "./results";

// `npm run bench -- --compare small.json large.json`: how each operation's p50 grew from the
// small database to the large one, against the issue's targets, then the large run's own targets.

const GROWTH_LIMIT = 1.5;
const BOUNDED_GROWTH = [1, 2, 3, 5, 6]; // issue 11: their cost must not grow with the prefecture

export function compareResults(smallPath: string, largePath: string): boolean {
  const [small, large] = [smallPath, largePath].map((path) => JSON.parse(readFileSync(path, "utf8")) as BenchResult);
  console.log(`${small!.label} (${small!.database.households} households, ${small!.database.entries} entries) → ` +
    `${large!.label} (${large!.database.households} households, ${large!.database.entries} entries)\n`);
  console.log("| op | operation | c | small p50 ms | large p50 ms | growth | target |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
  const verdicts: Verdict[] = [];
  for (const op of large!.operations) {
    const before = small!.operations.find((o) => o.key === op.key);
    for (const run of op.runs) {
      const earlier = before?.runs.find((r) => r.concurrency === run.concurrency);
      const growth = earlier ? run.app.p50 / earlier.app.p50 : NaN;
      const bounded = BOUNDED_GROWTH.includes(op.issueOp);
      const ok = growth <= GROWTH_LIMIT;
      if (bounded) verdicts.push({ target: `${op.key} ${op.name}, c=${run.concurrency}: growth ≤ ${GROWTH_LIMIT}`, value: growth.toFixed(2), ok });
      console.log(`| ${op.key} | ${op.name} | ${run.concurrency} | ${earlier?.app.p50.toFixed(1) ?? "–"} | ${run.app.p50.toFixed(1)} | ` +
        `${Number.isFinite(growth) ? growth.toFixed(2) : "–"} | ${bounded ? (ok ? "ok" : `MISSED (≤ ${GROWTH_LIMIT})`) : ""} |`);
    }
  }
  if (small!.closeReview && large!.closeReview) {
    console.log(`| 7 | close a review | 1 | ${(small!.closeReview.seconds * 1000).toFixed(0)} | ${(large!.closeReview.seconds * 1000).toFixed(0)} | ` +
      `${(large!.closeReview.seconds / small!.closeReview.seconds).toFixed(2)} | |`);
  }
  console.log(`| | server peak memory MB | | ${(small!.peakMemoryBytes / 2 ** 20).toFixed(0)} | ${(large!.peakMemoryBytes / 2 ** 20).toFixed(0)} | | |`);
  verdicts.push(...checkTargets(large!));
  console.log(`\nTargets (growth, then the ${large!.label} run's own):`);
  printVerdicts(verdicts);
  return verdicts.every((v) => v.ok);
}
