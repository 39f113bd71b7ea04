// The seed's hot helpers, rewritten for the prefecture generator's speed (docs/PERFORMANCE.md
// "Data generator"), against the plain forms they replaced: the demo seed's rows must not change.
import { hash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chinaToday, dayToDate } from "../../lib/domain/entry-date";
import { copyLine, copyTexts } from "../../prisma/seed/copy-writer";
import { emptySeedData } from "../../prisma/seed/generate";
import { stableUuid } from "../../prisma/seed/random";
import { beijingDay } from "../../prisma/seed/time";

// stableUuid as it was written first, through a Buffer.
function bufferUuid(seedKey: string, key: string, at: Date): string {
  const h = hash("sha256", `${seedKey}\u0000${key}`, "buffer");
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Math.max(0, at.getTime()), 0, 6);
  h.copy(bytes, 6, 0, 10);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A small LCG: the same instants on every run.
function* instants(count: number): Generator<number> {
  let state = 7;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield Math.floor((state / 2 ** 31) * 2.2e12) - 1e11; // 1966 to 2036, a few before 1970
  }
}

describe("stableUuid", () => {
  it("makes the ids it always made", () => {
    const times = [0, -5, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 47, 2 ** 48 - 1, ...instants(2_000)];
    for (const [i, t] of times.entries()) {
      const at = new Date(t);
      expect(stableUuid("jiashan-demo:2019", `entry:JS-XH-${i}:1`, at)).toBe(bufferUuid("jiashan-demo:2019", `entry:JS-XH-${i}:1`, at));
    }
  });
});

describe("beijingDay", () => {
  it("is the Beijing calendar day of chinaToday", () => {
    const edges = [0, -1, 16 * 3_600_000 - 1, 16 * 3_600_000, -8 * 3_600_000, -8 * 3_600_000 - 1];
    for (const t of [...edges, ...instants(20_000)]) {
      expect(beijingDay(new Date(t)).getTime()).toBe(dayToDate(chinaToday(new Date(t))).getTime());
    }
  });
});

describe("copyTexts", () => {
  it("encodes exactly the COPY lines, escapes and nulls included, past its first buffer", () => {
    const data = emptySeedData();
    const texts = ["", "归还拾到的一袋油菜籽", "tab\there", "new\nline\r", "back\\slash", "emoji 🏡", "\\N"];
    for (let i = 0; i < 5_000; i++) {
      data.ReviewBallotException.push({
        ballotId: `b${i}`, entryId: texts[i % texts.length]!.repeat(1 + (i % 40)), decision: "REJECT",
        reason: i % 3 === 0 ? null : texts[(i + 1) % texts.length]!,
      });
    }
    data.Township.push({ id: "t", code: "JS", name: "夹山镇", county: "石门县", createdAt: new Date(0), updatedAt: new Date(1_700_000_000_123) });
    const made = copyTexts(data);
    expect(made.map((t) => t.table)).toEqual(["Township", "ReviewBallotException"]);
    for (const { table, columns, rows, bytes } of made) {
      const source = data[table as "Township" | "ReviewBallotException"] as Record<string, unknown>[];
      expect(rows).toBe(source.length);
      expect(Buffer.from(bytes).toString("utf8")).toBe(source.map((row) => copyLine(columns, row)).join(""));
    }
  });
});
