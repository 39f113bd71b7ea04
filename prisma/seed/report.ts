import cliProgress from "cli-progress";
import type { SeedProgress, SeedSummary } from "./seed-demo";

// What a person running the seed sees: a progress bar on stderr (only when it is a terminal)
// and one summary line.

export function progressBar(): { onProgress: (p: SeedProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{phase} [{bar}] {percentage}% | {value}/{total} {what}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: SeedProgress["phase"] | null = null;
  return {
    onProgress: (p) => {
      const payload = p.phase === "generate" ? { phase: "generating", what: "villages" } : { phase: "writing   ", what: p.table };
      if (p.phase === phase) return bar.update(p.done, payload);
      if (phase) bar.stop();
      bar.start(p.total, p.done, payload);
      phase = p.phase;
    },
    stop: () => {
      if (phase) bar.stop();
      phase = null;
    },
  };
}

/** One line: the counts that matter and the time taken. */
export function formatSummary(s: SeedSummary): string {
  const n = (table: string) => (s.counts[table] ?? 0).toLocaleString("en-US");
  const counts =
    `${n("Village")} villages, ${n("Household")} households, ${n("Member")} members, ` +
    `${n("Account")} accounts, ${n("Entry")} entries, ${n("EntryEvent")} events, ` +
    `${n("QuarterlyReview")} reviews, ${n("ReviewBallot")} ballots, ${n("Appeal")} appeals, ` +
    `${n("Rectification")} rectifications`;
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  return s.skipped
    ? `Demo data: already seeded (${s.township} exists), nothing written: ${counts} [${seconds} s]`
    : `Demo data: seeded ${s.township}: ${counts} in ${seconds} s (seed ${s.seed}, today ${s.today})`;
}
