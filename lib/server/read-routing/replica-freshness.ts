// How far behind a streaming replica is, measured from the primary's WAL positions rather than
// from clocks. Each probe reads the primary's position after noting the time, so every commit
// acknowledged before that time lies at or below it; a replica that has replayed up to a sample's
// position therefore holds everything committed before the sample was taken.

export type PrimarySample = { at: number; lsn: bigint };

/** The time of the newest sample the replica has replayed, or null when it is behind all of them. */
export function freshAsOf(samples: readonly PrimarySample[], replayedLsn: bigint): number | null {
  let fresh: number | null = null;
  for (const sample of samples) {
    if (sample.lsn <= replayedLsn && (fresh === null || sample.at > fresh)) fresh = sample.at;
  }
  return fresh;
}

/** Samples younger than maxAgeMs, and always the newest. */
export function keepRecent(samples: PrimarySample[], now: number, maxAgeMs: number): PrimarySample[] {
  const newest = samples.at(-1);
  const recent = samples.filter((sample) => now - sample.at <= maxAgeMs);
  return recent.length || !newest ? recent : [newest];
}
