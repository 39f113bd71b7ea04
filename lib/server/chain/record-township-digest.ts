import "server-only";
import { z } from "zod";
import {
  applyHeads, computeTownshipDigest, diffHeads, formatDigest, type ChainHead, type StoredHeads,
} from "@/lib/domain/township-digest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DigestReason } from "@/lib/generated/prisma/enums";

// Township digests (lib/domain/township-digest.ts). Each row keeps the heads it covers so that
// a later check can recompute it and name the households whose history changed; to keep that
// small (a township has thousands of households, a digest is taken every day) a row stores only
// the heads that changed since the latest digest, and a full list every FULL_EVERY digests.

type Client = Prisma.TransactionClient;

const FULL_EVERY = 30;

const StoredHeadsSchema = z.record(z.string(), z.tuple([z.number().int().positive(), z.string()]).nullable());

export type RecordedDigest = { id: string; digest: string; printed: string; takenAt: Date; households: number };

/**
 * Records the digest of one township's chain heads as they are now, append-only. Inside the
 * caller's transaction when given one (closing a review records its digest with the decisions
 * it chains); no audit record of its own, the digest row being its own record.
 */
export async function recordTownshipDigest(
  client: Client, townshipId: string, reason: DigestReason, now: Date = new Date(),
): Promise<RecordedDigest> {
  const township = await client.township.findUniqueOrThrow({ where: { id: townshipId }, select: { code: true } });
  const rows = await client.household.findMany({
    where: { village: { townshipId }, chainLength: { gt: 0 } }, select: { id: true, chainLength: true, chainHead: true },
  });
  const current = new Map(rows.map((r) => [r.id, { chainLength: r.chainLength, head: r.chainHead ?? "" }]));
  const latest = await client.townshipDigest.findFirst({
    where: { townshipId }, orderBy: [{ takenAt: "desc" }, { id: "desc" }], select: { id: true, depth: true },
  });
  const base = latest && latest.depth + 1 < FULL_EVERY ? await loadDigestHeads(client, latest.id) : null;
  const digest = computeTownshipDigest(townshipId, current);
  const created = await client.townshipDigest.create({
    data: {
      townshipId, digest, households: current.size, reason, takenAt: now,
      baseId: base ? latest!.id : null, depth: base ? latest!.depth + 1 : 0, heads: diffHeads(base ?? new Map(), current),
    },
    select: { id: true },
  });
  return { id: created.id, digest, printed: formatDigest({ townshipCode: township.code, takenAt: now, digest }), takenAt: now, households: current.size };
}

/**
 * The heads a stored digest covers, rebuilt from its row and the rows it builds on; null when
 * they cannot be (a row malformed, or bases that loop or never reach a full list): such rows
 * were written by hand.
 */
export async function loadDigestHeads(client: Client, digestId: string): Promise<Map<string, ChainHead> | null> {
  const stored: StoredHeads[] = [];
  for (let id: string | null = digestId; id !== null;) {
    if (stored.length > FULL_EVERY) return null;
    const row: { baseId: string | null; heads: unknown } | null = await client.townshipDigest.findUnique({
      where: { id }, select: { baseId: true, heads: true },
    });
    const heads = StoredHeadsSchema.safeParse(row?.heads);
    if (!row || !heads.success) return null;
    stored.push(heads.data);
    id = row.baseId;
  }
  return stored.reverse().reduce<Map<string, ChainHead>>((heads, change) => applyHeads(heads, change), new Map());
}
