import { hash } from "node:crypto";

// A small seeded PRNG (sfc32) so that the same --seed always builds the same township.
// Streams are forked by key (e.g. per village), so changing one part leaves the others alone.

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(readonly key: string) {
    const h = hash("sha256", key, "buffer");
    this.next = sfc32(h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12));
    for (let i = 0; i < 15; i++) this.next();
  }

  /** An independent stream for a sub-part of the data. */
  fork(subKey: string): Rng {
    return new Rng(`${this.key}/${subKey}`);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks from [value, weight] pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items.at(-1);
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, k));
  }

  /** Poisson-distributed count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Normally distributed value (Box–Muller). */
  gauss(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** The first hex digit of a UUID's variant byte (0b10xx xxxx) for each hex digit of the hash. */
const VARIANT_DIGIT: Record<string, string> = Object.fromEntries(
  [..."0123456789abcdef"].map((d) => [d, (0x8 | (parseInt(d, 16) & 0x3)).toString(16)]),
);

// Hex digits through a table: Number.prototype.toString(16) is slow in V8.
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const hex8 = (n: number): string => HEX_BYTE[(n >>> 24) & 255]! + HEX_BYTE[(n >>> 16) & 255]! + HEX_BYTE[(n >>> 8) & 255]! + HEX_BYTE[n & 255]!;

/**
 * A deterministic, valid UUIDv7: the 48-bit timestamp is the record's own creation time (so ids
 * sort by time as the app's `uuid(7)` ids do) and the random bits come from a hash of a stable key:
 * bytes 6 to 15 are the first ten bytes of the SHA-256 with the version and variant bits set.
 * Written as hex strings directly (no buffers): the seed makes an id for nearly every row.
 */
export function stableUuid(seedKey: string, key: string, at: Date): string {
  const h = hash("sha256", `${seedKey}\u0000${key}`, "hex");
  const ms = Math.max(0, at.getTime());
  const t = hex8(Math.floor(ms / 2 ** 32)).slice(4) + hex8(ms % 2 ** 32); // 48 bits, 12 digits
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${h.slice(1, 4)}-${VARIANT_DIGIT[h[4]!]}${h.slice(5, 8)}-${h.slice(8, 20)}`;
}
