import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { auditFormat, readableAddress, type AuditNames, type ReadLine, type Translate } from "./audit-format";

const HOUSEHOLD = "0196a1b2-0000-7000-8000-00000000aaaa";
const CLERK = "0196a1b2-0000-7000-8000-00000000bbbb";
const UNKNOWN = "0196a1b2-0000-7000-8000-00000000cccc";
const names: AuditNames = { [HOUSEHOLD]: { text: "JS-XH-00012" }, [CLERK]: { text: "李国荣", username: "clerk-xinhua" } };

function formatIn(locale: "zh-CN" | "en") {
  const translator = createTranslator({ locale, messages: locale === "en" ? en : zhCN });
  const t = Object.assign((key: string, values?: Record<string, string | number>) => translator(key as never, values as never), {
    has: (key: string) => translator.has(key as never),
  }) satisfies Translate;
  return auditFormat({ t, format: createFormatter({ locale, timeZone: "Asia/Shanghai" }), names });
}

/** Lines as the page prints them, for comparing. */
const print = (lines: ReadLine[]): string[] => lines.flatMap((line) => {
  const value = (v: { text: string } | { lines: ReadLine[] }) => ("text" in v ? v.text : `[${print(v.lines).join(" / ")}]`);
  const label = line.label ? `${line.label}: ` : "";
  return [line.kind === "change" ? `${label}${value(line.before)} → ${value(line.after)}` : `${label}${value(line.value)}`];
});

const record = (action: string, targetType: string, before: unknown, after: unknown, targetId: string | null = null) =>
  ({ action, targetType, targetId, before, after });

describe("the audit log in Chinese", () => {
  const zh = formatIn("zh-CN");

  it("names actions and targets in words, and leaves an unknown one as stored", () => {
    expect(zh.action("household.create")).toBe("建立农户档案");
    expect(zh.action("auth.signIn.failed")).toBe("登录失败（密码或登录码不对）");
    expect(zh.action("auth.signIn")).toBe("登录");
    expect(zh.targetType("ApiToken")).toBe("API 令牌");
    expect(zh.action("test.alpha")).toBe("test.alpha");
  });

  it("reads empty values, yes and no, roles, statuses by their target, and times in China time", () => {
    const lines = zh.lines(record("account.resetPassword", "Account",
      { mustChangePassword: false, lockedUntil: "2026-03-01T15:59:59.000Z" },
      { mustChangePassword: true, lockedUntil: null, role: "CLERK" }));
    expect(print(lines)).toEqual(["角色: 理事会成员", "锁定到: 2026年3月1日 23:59 → （空）", "下次登录须改密码: 否 → 是"]);
    expect(print(zh.lines(record("entry.void", "Entry", { status: "PENDING" }, { status: "VOIDED" })))).toEqual(["状态: 待评议 → 已撤销"]);
    expect(print(zh.lines(record("household.setStatus", "Household", { status: "ACTIVE" }, { status: "MOVED_OUT" })))).toEqual(["状态: 在册 → 迁出"]);
  });

  it("puts names for ids, shortens other ids and long fingerprints, and reads days as dates", () => {
    const lines = zh.lines(record("entry.record", "Entry", null, {
      householdId: HOUSEHOLD, eventId: UNKNOWN, category: "RED", occurredOn: "2026-11-20", sha256: "ab".repeat(32),
    }));
    expect(print(lines)).toEqual(["农户: JS-XH-00012", "文件指纹: abababababab…", "档案链事件: 0196a1b2…", "类别: 红榜", "发生日期: 2026年11月20日"]);
    expect(print(zh.lines(record("token.create", "ApiToken", null, { accountId: CLERK })))).toEqual(["账号: 李国荣（clerk-xinhua）"]);
  });

  it("shows a nested object as labelled lines, never as JSON", () => {
    const lines = zh.lines(record("household.create", "Household", null, {
      archiveNo: "JS-XH-01501", head: { name: "张三", gender: "MALE", birthYear: 1970 },
    }));
    expect(print(lines)).toEqual(["档案编号: JS-XH-01501", "户主: [姓名: 张三 / 性别: 男 / 出生年份: 1970]"]);
    expect(print(lines).join()).not.toMatch(/[{}"]/);
  });

  it("reads why a household was not eligible in the words of the selection page", () => {
    const lines = zh.lines(record("award.nominate", "CivilizedFamilyAward", null, {
      assessment: { redMarks: 1, reasons: [{ code: "TOO_FEW_REDS", have: 1, need: 3 }, { code: "HAS_BLACK", count: 2 }] },
    }));
    expect(print(lines)).toEqual(["评定依据: [红榜数: 1 / 不符合条件的原因: 当年确认的红榜1个，至少需要3个；当年有2个黑榜]"]);
  });

  it("names the target by what the page found, else by what the record says; the details by a short id at least", () => {
    expect(zh.targetName(record("household.update", "Household", null, null, HOUSEHOLD))).toBe("JS-XH-00012");
    expect(zh.targetName(record("entry.record", "Entry", null, { householdId: HOUSEHOLD }, UNKNOWN))).toBe("JS-XH-00012");
    expect(zh.targetName(record("token.create", "ApiToken", null, { name: "记账软件" }, UNKNOWN))).toBe("记账软件");
    expect(zh.targetName(record("rule.remove", "Rule", { code: "R01", title: "孝老爱亲" }, null, UNKNOWN))).toBe("R01 孝老爱亲");
    expect(zh.targetName(record("evidence.upload", "EvidencePhoto", null, { bytes: 2048 }, UNKNOWN))).toBeNull();
    expect(zh.targetRef(record("evidence.upload", "EvidencePhoto", null, { bytes: 2048 }, UNKNOWN))).toBe("0196a1b2…");
    expect(zh.targetRef(record("token.create", "ApiToken", null, { name: "记账软件" }, UNKNOWN))).toBe("记账软件");
    expect(zh.targetName(record("auth.signIn.ipLimited", "ClientAddress", null, null, "::ffff:10.0.0.7"))).toBe("10.0.0.7");
  });

  it("gives the source as a plain address and the browser and system", () => {
    const pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
    expect(zh.source("::ffff:127.0.0.1", pixel)).toBe("127.0.0.1 · Chrome · 安卓");
    expect(zh.source("203.0.113.7", "node")).toBe("203.0.113.7 · node");
    expect(zh.source("unknown", null)).toBeNull();
  });
});

describe("the audit log in English", () => {
  const english = formatIn("en");

  it("uses the English words and dates", () => {
    expect(english.action("household.create")).toBe("Household archive opened");
    expect(print(english.lines(record("account.update", "Account", { active: true, role: "CLERK" }, { active: false, role: "CLERK" }))))
      .toEqual(["Role: Council member", "Active: yes → no"]);
    expect(print(english.lines(record("x", "Entry", null, { occurredOn: "2026-11-20", reason: "" })))).toEqual(["Occurred on: Nov 20, 2026", "Reason: (empty)"]);
  });
});

describe("readableAddress", () => {
  it("writes an IPv4-mapped address as IPv4 and knows no address for unknown", () => {
    expect(readableAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(readableAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(readableAddress("2001:db8:7:1::/64")).toBe("2001:db8:7:1::/64");
    expect(readableAddress("unknown")).toBeNull();
    expect(readableAddress(null)).toBeNull();
  });
});
