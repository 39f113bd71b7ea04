import { ratio, type BenchResult } from "./results";

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

/** The run as a Markdown table (it reads as plain text too): one row per operation and concurrency. */
export function resultTable(result: BenchResult): string {
  const lines = [
    "| op | operation | c | app p50 ms | app p95 ms | req/s | floor p50 ms | floor p95 ms | app/floor p50 | failed | server MB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const op of result.operations) {
    for (const run of op.runs) {
      const r = ratio(run);
      lines.push(`| ${op.key} | ${op.name} | ${run.concurrency} | ${n(run.app.p50)} | ${n(run.app.p95)} | ${n(run.app.rps, 0)} | ` +
        `${run.floor ? n(run.floor.p50, 2) : "–"} | ${run.floor ? n(run.floor.p95, 2) : "–"} | ${r === null ? "–" : n(r)} | ${run.app.failures} | ${n(op.peakMemoryBytes / 2 ** 20, 0)} |`);
    }
  }
  if (result.closeReview) {
    const { seconds, entries, representatives } = result.closeReview;
    lines.push(`| 7 | close a review (${entries} entries, ${representatives} representatives), one timing | 1 | ${n(seconds * 1000, 0)} | | | | | | | |`);
  }
  return lines.join("\n");
}
