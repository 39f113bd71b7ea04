import { describe, expect, it } from "vitest";
import { initialsOfPinyinQuery } from "./pinyin-query";

describe("initialsOfPinyinQuery", () => {
  it.each([
    ["zjg", "zjg"],
    ["ZJG", "zjg"],
    ["li", "l"],
    ["zhang", "z"],
    ["zhangjianguo", "zjg"],
    ["zhangjg", "zjg"],
    ["xiang hong", "xh"],
    ["lü", "l"],
    ["chenxm", "cxm"],
    ["zhuangshuang", "zs"],
    ["wangdeming", "wdm"],
    ["liuxiuying", "lxy"],
  ])("%s → %s", (query, initials) => {
    expect(initialsOfPinyinQuery(query)).toBe(initials);
  });

  it("is null for anything but letters", () => {
    expect(initialsOfPinyinQuery("JS-XH-1")).toBeNull();
    expect(initialsOfPinyinQuery("张")).toBeNull();
    expect(initialsOfPinyinQuery("")).toBeNull();
  });
});
