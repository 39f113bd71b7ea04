// `npm run verify:extract -- <extract.jws> --key <township-public-key.jwk> [--today YYYY-MM-DD]`:
// checks a downloaded extract (电子版) offline, with nothing but the township's published public
// key (GET /api/v1/public/extract-key, or the download on the /verify page): that its signature
// is the township's over exactly the content it carries, and that it is still valid on `today`
// (China's calendar day by default). Whether it was revoked only the online page /verify/<code>
// can say. Exits 0 when authentic and unexpired, 1 otherwise, 2 on a usage error.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { JWK } from "jose";
import { createFormatter } from "use-intl/core";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import type { ExtractContent, ExtractPurpose } from "@/lib/domain/extract-content";
import { translatorFor } from "@/lib/i18n/translator";
import { checkExtractOffline, type OfflineCheck } from "@/lib/server/extracts/jws";

const HELP = `Usage: npm run verify:extract -- <extract.jws> --key <township-public-key.jwk> [--today YYYY-MM-DD]

Checks an archive extract offline: the township's Ed25519 signature over its content, and its
validity date. Revocation is not known offline: check the code on the verification page too.
Exits 0 when the extract is authentic and unexpired, 1 otherwise.
`;

/** Reads the two files and checks: what the command does, for tests. */
export async function verifyExtractFiles(jwsFile: string, keyFile: string, today: string): Promise<OfflineCheck> {
  const jws = readFileSync(jwsFile, "utf8").trim();
  const key = JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
  return checkExtractOffline(jws, key, today);
}

/** The printed wording (messages/zh-CN.json "extracts.document"), so the report reads like the paper. */
const t = translatorFor("zh-CN");
type DocumentKey = Exclude<keyof (typeof import("@/messages/zh-CN.json"))["extracts"]["document"], "purposes"> | `purposes.${ExtractPurpose}`;
const printed = (key: DocumentKey, values?: Record<string, string | number>): string => t(`extracts.document.${key}`, values);
/** A calendar day as the paper prints it (components/extracts/extract-document.tsx): 2026年11月20日. */
const format = createFormatter({ locale: "zh-CN" });
const printedDay = (day: string): string => format.dateTime(dayToDate(day), { dateStyle: "long", timeZone: "UTC" });

/**
 * Everything the extract prints and its signature covers, in the order and wording of the paper
 * (components/extracts/extract-document.tsx), so a reader can compare it line by line.
 */
export function describeContent(c: ExtractContent): string[] {
  const s = c.score;
  const lines = [
    `  ${printed("title")}`,
    `  ${printed("issuer", { county: c.township.county, township: c.township.name })}`,
    `  ${printed("intro", { village: c.household.village, head: c.household.headName })}`,
    `  ${printed("archiveNo")}：${c.household.archiveNo}`,
    `  ${printed("head")}：${c.household.headName}`,
    `  ${printed("village")}：${c.township.county}${c.township.name}${c.household.village}`,
    `  ${printed("purpose")}：${printed(`purposes.${c.purpose}`)}${c.purposeNote ? `（${c.purposeNote}）` : ""}`,
    `  ${printed("period")}：${printed("periodValue", { from: printedDay(c.period.from), to: printedDay(c.period.to) })}`,
    `  ${printed("redsTitle", { count: c.reds.length })}`,
  ];
  if (c.reds.length === 0) lines.push(`    ${printed("noReds")}`);
  else {
    lines.push(`    ${printed("date")} | ${printed("rule")} | ${printed("marks")}`);
    for (const r of c.reds) lines.push(`    ${printedDay(r.occurredOn)} | ${r.ruleCode} ${r.ruleTitle} | ${r.marks}`);
  }
  lines.push(
    `  ${printed("summaryTitle")}`,
    `    ${printed("counts", { yellows: c.counts.activeYellows, blacks: c.counts.blacks })}`,
    `    ${printed("score", { score: s.score, red: s.redMarks, yellow: s.activeYellowMarks, black: s.blackMarks })}`,
    `    ${c.awards.length ? printed("awards", { years: c.awards.join("、") }) : printed("noAwards")}`,
    `  ${printed("issuedOn")}：${printedDay(c.issuedOn)}`,
    `  ${printed("validUntil")}：${printedDay(c.validUntil)}`,
    `  ${printed("code")}：${c.code}`,
    `  ${printed("digest", { township: c.township.name })}${c.digest}`,
    `  ${printed("keyId")}${c.keyId}`,
  );
  return lines;
}

/** The report the command prints: the verdicts in Chinese and English, and the whole signed content. */
export function describeCheck(check: OfflineCheck, today: string): string {
  const lines: string[] = [];
  if (!check.authentic || !check.content) {
    lines.push("✗ 不是真实有效的证明材料：签名与乡镇公钥不符，或内容被改动。 / NOT AUTHENTIC: the signature does not match the township key, or the content was altered.");
    return lines.join("\n");
  }
  const c = check.content;
  lines.push("✓ 签名真实：内容由乡镇签发，未被改动。 / AUTHENTIC: signed by the township, content unaltered.");
  lines.push(check.unexpired
    ? `✓ 在有效期内（${today}）。 / UNEXPIRED on ${today}.`
    : `✗ 已过有效期（${c.validUntil}，今天 ${today}）。 / EXPIRED: valid until ${c.validUntil}, today is ${today}.`);
  lines.push("! 是否已被撤销无法离线判断，请在核验页面查询验证码。 / Revocation cannot be checked offline: look the code up on the verification page (/verify).");
  lines.push("", "签名所载内容（请与纸质证明逐项对照） / The signed content (compare it with the paper, line by line):", ...describeContent(c));
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true, options: { key: { type: "string" }, today: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const today = values.today ?? chinaToday(new Date());
  if (positionals.length !== 1 || !values.key || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    process.stderr.write(HELP);
    process.exit(2);
  }
  let check: OfflineCheck;
  try {
    check = await verifyExtractFiles(positionals[0]!, values.key, today);
  } catch (error) {
    console.error(`Cannot read the files: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(describeCheck(check, today));
  process.exit(check.valid ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
