import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { isUnexpired, normalizeCode, signatureOf, type ExtractContent } from "@/lib/domain/extract-content";
import type { PublicExtractKey, PublicExtractVerification } from "@/lib/schemas/extracts";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { storedExtractIsAuthentic } from "./jws";
import { extractSigningKey } from "./signing-key";
import { countExtractLookup } from "./verification-limit";

// The public check of a verification code (the page /verify/<code> and the public API): anyone,
// no sign-in, rate-limited per address. It answers the three checks and, for an authentic
// extract, exactly the printed content (nothing from the archive itself). An unknown code, a
// malformed one and one not issued (yet) all get the same 404 after the same lookup.

const NEUTRAL_CODE = "----"; // never a stored code: a malformed input still costs one lookup

export async function verifyExtractCode(
  rawCode: string, signature: string | undefined, context: RequestContext, now: Date = new Date(),
): Promise<PublicExtractVerification> {
  await countExtractLookup(context.ip, now);
  const code = normalizeCode(rawCode);
  const row = await db.archiveExtract.findUnique({
    where: { code: code ?? NEUTRAL_CODE }, select: { status: true, content: true, jws: true, keyId: true, revokedAt: true },
  });
  if (!code || !row || !row.jws || row.content === null) throw new AppError("NOT_FOUND", "errors.notFound");
  const key = await extractSigningKey();
  const signed = row.keyId === key.keyId && (await storedExtractIsAuthentic(row.jws, row.content, key.publicKey));
  const authentic = signed && (signature === undefined || signature === "" || signature === signatureOf(row.jws));
  const content = authentic ? (row.content as unknown as ExtractContent) : null;
  const unexpired = content ? isUnexpired(content, chinaToday(now)) : false;
  const unrevoked = row.status !== "REVOKED";
  return {
    code, authentic, unexpired, unrevoked, valid: authentic && unexpired && unrevoked,
    revokedOn: row.revokedAt ? chinaToday(row.revokedAt) : null,
    content,
  };
}

/** The township's public key, as published for the offline verifier. */
export async function publicExtractKey(): Promise<PublicExtractKey> {
  return (await extractSigningKey()).publicKey;
}
