import "server-only";
import { chinaDayStart, dayAfter } from "@/lib/domain/entry-date";
import { formatDigest } from "@/lib/domain/township-digest";
import type { Prisma } from "@/lib/generated/prisma/client";

export type PrintableDigest = { printed: string; digest: string; takenAt: Date };

/**
 * The township's latest digest in its printed form, for a notice or an extract to print (the
 * reader checks it with `npm run verify:chains -- --digest …`); null before the first one, or,
 * with `on` ("YYYY-MM-DD"), when none was taken on that calendar day in China (an extract prints
 * the digest of its issue day). Already authorized by the caller: a digest reveals nothing but a hash.
 */
export async function latestTownshipDigest(
  client: Prisma.TransactionClient, townshipId: string, { on }: { on?: string } = {},
): Promise<PrintableDigest | null> {
  const row = await client.townshipDigest.findFirst({
    where: { townshipId, ...(on && { takenAt: { gte: chinaDayStart(on), lt: chinaDayStart(dayAfter(on)) } }) },
    orderBy: [{ takenAt: "desc" }, { id: "desc" }],
    select: { digest: true, takenAt: true, township: { select: { code: true } } },
  });
  if (!row) return null;
  return { printed: formatDigest({ townshipCode: row.township.code, takenAt: row.takenAt, digest: row.digest }), digest: row.digest, takenAt: row.takenAt };
}
