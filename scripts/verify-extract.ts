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
import { chinaToday } from "@/lib/domain/entry-date";
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

/** The report the command prints, in Chinese and English. */
export function describeCheck(check: OfflineCheck, today: string): string {
  const lines: string[] = [];
  if (!check.authentic || !check.content) {
    lines.push("✗ 不是真实有效的证明材料：签名与乡镇公钥不符，或内容被改动。 / NOT AUTHENTIC: the signature does not match the township key, or the content was altered.");
    return lines.join("\n");
  }
  const c = check.content;
  lines.push("✓ 签名真实：内容由乡镇签发，未被改动。 / AUTHENTIC: signed by the township, content unaltered.");
  lines.push(`  验证码 Code: ${c.code}    档案号 Archive no.: ${c.household.archiveNo}    户主 Head: ${c.household.headName}`);
  lines.push(`  ${c.township.county}${c.township.name}${c.household.village}    签发 Issued: ${c.issuedOn}    有效期至 Valid until: ${c.validUntil}`);
  lines.push(check.unexpired
    ? `✓ 在有效期内（${today}）。 / UNEXPIRED on ${today}.`
    : `✗ 已过有效期（${c.validUntil}，今天 ${today}）。 / EXPIRED: valid until ${c.validUntil}, today is ${today}.`);
  lines.push("! 是否已被撤销无法离线判断，请在核验页面查询验证码。 / Revocation cannot be checked offline: look the code up on the verification page (/verify).");
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
