import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;

/**
 * Lower-case pinyin initials of a Chinese name, as clerks type them on a phone keyboard
 * ("张建国" → "zjg"). The first character is read as a surname (曾 → z, 单 → s). Characters
 * that are not Chinese (a middle dot, Latin letters) are left out.
 */
export function pinyinInitials(name: string): string {
  const chars = [...name.trim()];
  if (!chars.some((c) => HAN.test(c))) return "";
  const initials = pinyin(chars.join(""), { pattern: "first", toneType: "none", type: "array", surname: "head" });
  return chars
    .map((char, i) => (HAN.test(char) ? (initials[i] ?? "").toLowerCase() : ""))
    .join("")
    .replace(/[^a-z]/g, "");
}
