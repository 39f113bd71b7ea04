// Which clerks record yellow and black entries at a rate far from the rest of the township, so
// that the township takes a second look at their records (issue 9, point 4). A flag is a prompt
// to sample and re-read some records, never a finding: villages differ, and one clerk may simply
// have had a bad quarter in the village.
//
// The test: a clerk's entries of the year are n draws; under the township's norm each is yellow or
// black with probability p, estimated from every OTHER clerk of the township (a clerk far off
// would otherwise pull the norm towards itself). The binomial z-score is
// z = (x − n·p) / √(n·p·(1 − p)). A clerk is flagged when it has at least MIN_ENTRIES entries,
// the others together at least MIN_ENTRIES too, and |z| ≥ Z_THRESHOLD. p is estimated with half an
// entry of each kind added ((x + ½) / (n + 1), the Jeffreys estimate), so that a township where
// nobody else recorded any yellow or black does not give an infinite z for one yellow.
// Entries of one clerk are not independent draws (the same household, a campaign), so the
// threshold is set above the usual 1.96.

export const MIN_ENTRIES = 20;
export const Z_THRESHOLD = 2.5;

export type ClerkTally = { id: string; entries: number; yellowBlack: number };

export type ClerkFlag = {
  direction: "HIGH" | "LOW";
  share: number; // the clerk's share of yellow and black, 0..1
  norm: number; // the other clerks' share, 0..1 (the estimate the clerk was compared with)
  z: number;
};

export type Norm = { entries: number; yellowBlack: number; share: number | null };

/** The township's share of yellow and black over every clerk's entries (null when none). */
export function townshipNorm(tallies: readonly ClerkTally[]): Norm {
  const entries = sum(tallies, (t) => t.entries);
  const yellowBlack = sum(tallies, (t) => t.yellowBlack);
  return { entries, yellowBlack, share: entries > 0 ? yellowBlack / entries : null };
}

/** The flag of each clerk (by id); null when the clerk is within the norm or there is too little to judge. */
export function clerkFlags(tallies: readonly ClerkTally[]): Map<string, ClerkFlag | null> {
  for (const t of tallies) {
    if (!Number.isInteger(t.entries) || !Number.isInteger(t.yellowBlack) || t.yellowBlack < 0 || t.yellowBlack > t.entries) {
      throw new RangeError(`impossible tally for ${t.id}: ${t.yellowBlack} of ${t.entries}`);
    }
  }
  const all = townshipNorm(tallies);
  return new Map(tallies.map((t) => [t.id, flagOf(t, all.entries - t.entries, all.yellowBlack - t.yellowBlack)]));
}

function flagOf(clerk: ClerkTally, otherEntries: number, otherYellowBlack: number): ClerkFlag | null {
  if (clerk.entries < MIN_ENTRIES || otherEntries < MIN_ENTRIES) return null;
  const norm = (otherYellowBlack + 0.5) / (otherEntries + 1);
  const z = (clerk.yellowBlack - clerk.entries * norm) / Math.sqrt(clerk.entries * norm * (1 - norm));
  if (Math.abs(z) < Z_THRESHOLD) return null;
  return { direction: z > 0 ? "HIGH" : "LOW", share: clerk.yellowBlack / clerk.entries, norm: otherYellowBlack / otherEntries, z };
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);
