import type { Rng } from "./random";

// Jiashan town (夹山镇), Shimen county: 17 villages and communities (DESIGN.md). 杨坪社区, 新花村
// and 汉丰村 are named in the reports on the archive; the others are plausible local names.
// `weight` is the village's relative size; `slug` names its demo accounts (clerk-xinhua).

export const TOWNSHIP = { code: "JS", name: "夹山镇", county: "石门县" } as const;

/**
 * One township to generate: the demo township, or one of the prefecture's (scripts/bench). Its
 * code prefixes every archive number; `accountPrefix` keeps its staff's sign-in names apart from
 * other townships' (t002-clerk-xinhua); only the demo township has the administrator.
 */
export type TownshipSpec = {
  code: string;
  name: string;
  county: string;
  villages: readonly VillageSpec[];
  accountPrefix: string;
  hasAdmin: boolean;
};

export type VillageSpec = {
  code: string;
  slug: string;
  name: string;
  kind: "VILLAGE" | "COMMUNITY";
  weight: number;
};

export const VILLAGES: readonly VillageSpec[] = [
  { code: "YP", slug: "yangping", name: "杨坪社区", kind: "COMMUNITY", weight: 1.6 },
  { code: "CL", slug: "chanlin", name: "禅林社区", kind: "COMMUNITY", weight: 1.2 },
  { code: "BY", slug: "biyan", name: "碧岩社区", kind: "COMMUNITY", weight: 1.0 },
  { code: "XH", slug: "xinhua", name: "新花村", kind: "VILLAGE", weight: 1.1 },
  { code: "HF", slug: "hanfeng", name: "汉丰村", kind: "VILLAGE", weight: 1.0 },
  { code: "XL", slug: "xinglong", name: "兴隆村", kind: "VILLAGE", weight: 0.9 },
  { code: "SX", slug: "shuangxi", name: "双溪村", kind: "VILLAGE", weight: 0.8 },
  { code: "GYQ", slug: "guanyinqiao", name: "观音桥村", kind: "VILLAGE", weight: 1.0 },
  { code: "HHG", slug: "huanghugang", name: "黄虎港村", kind: "VILLAGE", weight: 0.7 },
  { code: "BYH", slug: "baiyanghu", name: "白洋湖村", kind: "VILLAGE", weight: 0.9 },
  { code: "TGS", slug: "tiangongshan", name: "天供山村", kind: "VILLAGE", weight: 0.6 },
  { code: "YM", slug: "yanmen", name: "岩门村", kind: "VILLAGE", weight: 0.6 },
  { code: "ZS", slug: "zhangshu", name: "樟树村", kind: "VILLAGE", weight: 1.1 },
  { code: "QL", slug: "qinglong", name: "青龙村", kind: "VILLAGE", weight: 0.8 },
  { code: "WT", slug: "wutong", name: "五通村", kind: "VILLAGE", weight: 0.9 },
  { code: "CY", slug: "chayuan", name: "茶园村", kind: "VILLAGE", weight: 1.0 },
  { code: "BF", slug: "baofeng", name: "宝峰村", kind: "VILLAGE", weight: 0.8 },
];

export const DEMO_TOWNSHIP: TownshipSpec = { ...TOWNSHIP, villages: VILLAGES, accountPrefix: "", hasAdmin: true };

/**
 * Splits `total` households across the villages by weight, with some random variation
 * (±15 %), by largest remainder so the parts add up exactly. Every village gets at least one.
 */
export function householdsPerVillage(rng: Rng, total: number, villages: readonly VillageSpec[] = VILLAGES): number[] {
  if (!Number.isInteger(total) || total < villages.length) {
    throw new Error(`--households must be an integer of at least ${villages.length}`);
  }
  const weights = villages.map((v) => v.weight * (0.85 + 0.3 * rng.float()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - villages.length;
  const exact = weights.map((w) => (w / sum) * spare);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** Group sizes (村民小组 / 居民小组) for a village of n households: about 40–80 households each. */
export function groupSizes(rng: Rng, n: number): number[] {
  const groups = Math.max(1, Math.round(n / rng.int(45, 70)));
  const weights = Array.from({ length: groups }, () => 0.6 + 0.8 * rng.float());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * n)));
  let diff = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % groups) {
    const size = sizes[i] ?? 1;
    if (diff > 0) {
      sizes[i] = size + 1;
      diff--;
    } else if (size > 1) {
      sizes[i] = size - 1;
      diff++;
    }
  }
  return sizes;
}

/** The name of group `number`: 第三村民小组 in a village, 第三居民小组 in a community. */
export function groupName(kind: VillageSpec["kind"], number: number): string {
  return `第${chineseNumber(number)}${kind === "COMMUNITY" ? "居民" : "村民"}小组`;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}
