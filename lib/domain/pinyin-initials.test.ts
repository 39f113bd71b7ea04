import { describe, expect, it } from "vitest";
import { fullName, initialsOf, surname } from "@/prisma/seed/names";
import { Rng } from "@/prisma/seed/random";
import { pinyinInitials } from "./pinyin-initials";

describe("pinyinInitials", () => {
  it.each([
    ["张建国", "zjg"],
    ["曾志伟", "zzw"], // 曾 as a surname reads zēng
    ["单雄信", "sxx"], // 单 as a surname reads shàn
    ["向红", "xh"],
    [" 李秀英 ", "lxy"],
    ["阿依·古丽", "aygl"],
    ["Tom", ""],
  ])("%s → %s", (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });

  it("agrees with the initials the demo seed stores for its names", () => {
    const rng = new Rng("pinyin-initials");
    for (let i = 0; i < 2000; i++) {
      const name = fullName(rng, surname(rng), rng.chance(0.5) ? "MALE" : "FEMALE", rng.int(1930, 2020));
      expect(pinyinInitials(name), name).toBe(initialsOf(name));
    }
  });
});
