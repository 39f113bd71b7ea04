import type { Rng } from "./random";
import type { Gender } from "./types";

// Names are built only from the characters below, each with the first letter of its pinyin, so
// that headInitials are exact (张建国 → "zjg"). Characters with readings of different initials
// (覃, 单, 曾 as a given name, 长, 乐, 朝 …) are deliberately left out.

/** Common surnames of Shimen county and Hunan, weighted roughly by frequency. */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ["李", "l", 9], ["王", "w", 8], ["张", "z", 8], ["向", "x", 7], ["刘", "l", 7], ["陈", "c", 6],
  ["唐", "t", 6], ["易", "y", 5], ["田", "t", 5], ["杨", "y", 5], ["周", "z", 4], ["黄", "h", 4],
  ["彭", "p", 4], ["谭", "t", 4], ["邓", "d", 3], ["曾", "z", 3], ["胡", "h", 3], ["罗", "l", 3],
  ["龚", "g", 3], ["吴", "w", 3], ["朱", "z", 2], ["毛", "m", 2], ["贺", "h", 2], ["戴", "d", 2],
  ["熊", "x", 2], ["肖", "x", 2], ["龙", "l", 2], ["蒋", "j", 2], ["钟", "z", 2], ["邹", "z", 2],
  ["廖", "l", 2], ["文", "w", 2], ["何", "h", 2], ["伍", "w", 2], ["万", "w", 1], ["雷", "l", 1],
  ["卓", "z", 1], ["鲁", "l", 1], ["聂", "n", 1], ["孙", "s", 1], ["夏", "x", 1], ["汤", "t", 1],
  ["许", "x", 1], ["姚", "y", 1], ["郑", "z", 1], ["宋", "s", 1], ["高", "g", 1], ["梁", "l", 1],
  ["谢", "x", 1], ["郭", "g", 1], ["林", "l", 1], ["皮", "p", 1],
];

type Pool = readonly (readonly [string, string])[];
const pool = (pairs: string): Pool =>
  pairs.split(" ").map((pair) => [pair.slice(0, 1), pair.slice(1)] as const);

// Given-name characters by generation (born before 1975 / later) and gender.
const MALE_OLD = pool("建j 国g 德d 明m 志z 红h 军j 平p 华h 福f 贵g 富f 成c 忠z 祥x 荣r 生s 春c 海h 林l 清q 云y 兵b 中z 庆q 发f 昌c 松s 柏b 田t 金j 友y 伟w 刚g");
const MALE_YOUNG = pool("伟w 强q 勇y 刚g 峰f 辉h 斌b 涛t 鹏p 杰j 宇y 浩h 轩x 博b 俊j 凯k 毅y 磊l 鑫x 超c 亮l 宏h 文w 振z 晨c 阳y 睿r 泽z 铭m 航h 子z 一y 明m 林l");
const FEMALE_OLD = pool("秀x 英y 兰l 芳f 桂g 花h 玉y 梅m 珍z 凤f 琴q 菊j 莲l 淑s 翠c 春c 金j 银y 香x 娥e 红h 华h 云y");
const FEMALE_YOUNG = pool("艳y 丽l 娟j 霞x 燕y 敏m 静j 婷t 雪x 慧h 玲l 莉l 颖y 欣x 怡y 雨y 涵h 萱x 诗s 琪q 佳j 梦m 晶j 思s 悦y 可k 紫z 芳f");

const INITIAL = new Map<string, string>();
for (const [char, initial] of [...SURNAMES.map(([c, i]) => [c, i] as const), ...MALE_OLD, ...MALE_YOUNG, ...FEMALE_OLD, ...FEMALE_YOUNG]) {
  const known = INITIAL.get(char);
  if (known && known !== initial) throw new Error(`names.ts: ${char} has two initials`);
  INITIAL.set(char, initial);
}

/** Lower-case pinyin initials of a name generated here ("张建国" → "zjg"). */
export function initialsOf(name: string): string {
  return [...name]
    .map((char) => {
      const initial = INITIAL.get(char);
      if (!initial) throw new Error(`names.ts: no pinyin initial for ${char} in ${name}`);
      return initial;
    })
    .join("");
}

export function surname(rng: Rng, avoid?: string): string {
  for (;;) {
    const s = rng.weighted(SURNAMES.map(([char, , weight]) => [char, weight] as const));
    if (s !== avoid) return s;
  }
}

export function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const old = birthYear < 1975;
  const chars = gender === "MALE" ? (old ? MALE_OLD : MALE_YOUNG) : old ? FEMALE_OLD : FEMALE_YOUNG;
  // Single-character given names were common for children born since the 1980s.
  const single = rng.chance(birthYear >= 1985 ? 0.3 : 0.12);
  const first = rng.pick(chars)[0];
  if (single) return first;
  let second = rng.pick(chars)[0];
  while (second === first && rng.chance(0.9)) second = rng.pick(chars)[0];
  return first + second;
}

export function fullName(rng: Rng, family: string, gender: Gender, birthYear: number): string {
  return family + givenName(rng, gender, birthYear);
}

const MOBILE_PREFIXES = ["138", "139", "135", "136", "150", "151", "152", "158", "159", "182", "183", "187", "188", "133", "153", "173", "177", "180", "181", "189", "199", "130", "131", "155", "156", "186"];

/** A mainland mobile number such as 13807361234. */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
}
