// Which clerks record yellow and black entries at a rate far from the rest of the township, so
// that the township takes a second look at their records (issue 9, point 4). A flag is a prompt
// to sample and re-read some records, never a finding: villages differ, and one clerk may simply
// have had a bad quarter in the village.
//
// The test: a clerk's entries of the year (in one village) are n draws; under the township's norm
// each is yellow or black with probability p, estimated from every OTHER clerk of the township (a
// clerk far off would otherwise pull the norm towards itself). With x yellow and black, the exact
// one-sided binomial tail is P(X ≥ x) when x is above n·p and P(X ≤ x) when below; the clerk is
// flagged when that tail is below TAIL_THRESHOLD (0.0062, the one-sided tail of a normal z of 2.5),
// with at least MIN_ENTRIES entries and the others together at least MIN_ENTRIES too. The exact
// tail, not the normal approximation: when n·p is small the approximation flags a clerk for a
// single yellow (1 in 20 against none gives z ≈ 6.9, while P(X ≥ 1) ≈ 2%). p is estimated with
// half an entry of each kind added ((x + ½) / (n + 1), the Jeffreys estimate), so that a township
// where nobody else recorded any yellow or black does not make one yellow impossible. Entries of
// one clerk are not independent draws (the same household, a campaign), so the threshold is
// stricter than the usual 5%.

export const MIN_ENTRIES = 20;
export const TAIL_THRESHOLD = 0.0062;

/**
 * One row to judge: `id` names the row; `clerk` names the person (default: the id), so that a
 * clerk with rows in two villages is compared with the other clerks only, not with itself.
 */
export type ClerkTally = { id: string; clerk?: string; entries: number; yellowBlack: number };

export type ClerkFlag = {
  direction: "HIGH" | "LOW";
  share: number; // the clerk's share of yellow and black, 0..1
  norm: number; // the other clerks' share, 0..1 (the estimate the clerk was compared with)
  tail: number; // the one-sided exact binomial tail probability, below TAIL_THRESHOLD
};

export type Norm = { entries: number; yellowBlack: number; share: number | null };

/** The township's share of yellow and black over every clerk's entries (null when none). */
export function townshipNorm(tallies: readonly ClerkTally[]): Norm {
  const entries = sum(tallies, (t) => t.entries);
  const yellowBlack = sum(tallies, (t) => t.yellowBlack);
  return { entries, yellowBlack, share: entries > 0 ? yellowBlack / entries : null };
}

/** The flag of each row (by id); null when the clerk is within the norm or there is too little to judge. */
export function clerkFlags(tallies: readonly ClerkTally[]): Map<string, ClerkFlag | null> {
  for (const t of tallies) {
    if (!Number.isInteger(t.entries) || !Number.isInteger(t.yellowBlack) || t.yellowBlack < 0 || t.yellowBlack > t.entries) {
      throw new RangeError(`impossible tally for ${t.id}: ${t.yellowBlack} of ${t.entries}`);
    }
  }
  const all = townshipNorm(tallies);
  const own = new Map<string, { entries: number; yellowBlack: number }>();
  for (const t of tallies) {
    const mine = own.get(t.clerk ?? t.id) ?? { entries: 0, yellowBlack: 0 };
    own.set(t.clerk ?? t.id, { entries: mine.entries + t.entries, yellowBlack: mine.yellowBlack + t.yellowBlack });
  }
  return new Map(tallies.map((t) => {
    const mine = own.get(t.clerk ?? t.id)!;
    return [t.id, flagOf(t, all.entries - mine.entries, all.yellowBlack - mine.yellowBlack)];
  }));
}

function flagOf(clerk: ClerkTally, otherEntries: number, otherYellowBlack: number): ClerkFlag | null {
  if (clerk.entries < MIN_ENTRIES || otherEntries < MIN_ENTRIES) return null;
  const p = (otherYellowBlack + 0.5) / (otherEntries + 1);
  const { entries: n, yellowBlack: x } = clerk;
  if (x === n * p) return null;
  const direction = x > n * p ? "HIGH" : "LOW";
  const tail = direction === "HIGH" ? binomialTail(n, p, x, n) : binomialTail(n, p, 0, x);
  if (tail >= TAIL_THRESHOLD) return null;
  return { direction, share: x / n, norm: otherYellowBlack / otherEntries, tail };
}

/**
 * P(from ≤ X ≤ to) for X ~ Binomial(n, p), 0 < p < 1: each term's logarithm by the recurrence
 * log P(k + 1) = log P(k) + log((n − k) / (k + 1)) + log(p / (1 − p)), summed after subtracting the
 * largest (no overflow or underflow however large n).
 */
export function binomialTail(n: number, p: number, from: number, to: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie strictly between 0 and 1: ${p}`);
  const odds = Math.log(p) - Math.log1p(-p);
  const logs: number[] = [];
  let log = n * Math.log1p(-p); // log P(X = 0)
  for (let k = 0; k <= to; k++) {
    if (k >= from) logs.push(log);
    log += Math.log((n - k) / (k + 1)) + odds;
  }
  const top = Math.max(...logs);
  return Math.min(1, Math.exp(top) * sum(logs, (l) => Math.exp(l - top)));
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);
