import "server-only";
import type { Locale } from "@/i18n/locales";
import { clerkFlags, MIN_ENTRIES, TAIL_THRESHOLD, townshipNorm, type ClerkFlag } from "@/lib/domain/clerk-outliers";
import { translatorFor } from "@/lib/i18n/translator";
import type { ClerkFlagOutput, TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

/**
 * Per clerk and village (whoever recorded entries in the township's villages that occurred in the
 * year, one row for each village the clerk recorded in): the entries recorded in any status (a
 * voided or rejected record is still what the clerk wrote), the shares of yellow and black, and a
 * flag when the share of yellow and black is far from the other clerks' (lib/domain/clerk-outliers.ts).
 * The village is the entries' village, never the account's today: a clerk moved since to another
 * village or township still shows where the entries were recorded. Flagged rows first, then by
 * village and name. Callers have authorized the villages.
 */
export async function unsafeClerkActivity(villages: VillageRef[], year: number, locale: Locale): Promise<TownshipDashboard["clerks"]> {
  const counted = await db.entry.groupBy({
    by: ["recordedById", "villageId", "category"],
    where: { villageId: { in: villages.map((v) => v.id) }, year },
    _count: { _all: true },
  });
  const accounts = await db.account.findMany({
    where: { id: { in: [...new Set(counted.map((c) => c.recordedById))] } },
    select: { id: true, displayName: true, username: true },
  });
  const villageOf = new Map(villages.map((v) => [v.id, { id: v.id, code: v.code, name: v.name }]));
  const countOf = (clerkId: string, villageId: string, category: string) =>
    counted.find((c) => c.recordedById === clerkId && c.villageId === villageId && c.category === category)?._count._all ?? 0;
  const pairs = [...new Map(counted.map((c) => [`${c.recordedById}@${c.villageId}`, c])).values()];
  const tallies = pairs.map(({ recordedById, villageId }) => {
    const [red, yellow, black] = (["RED", "YELLOW", "BLACK"] as const).map((category) => countOf(recordedById, villageId, category));
    const clerk = accounts.find((a) => a.id === recordedById)!;
    return { key: `${recordedById}@${villageId}`, clerk, village: villageOf.get(villageId)!, entries: red! + yellow! + black!, yellow: yellow!, black: black! };
  });
  const asTallies = tallies.map((t) => ({ id: t.key, clerk: t.clerk.id, entries: t.entries, yellowBlack: t.yellow + t.black }));
  const flags = clerkFlags(asTallies);
  const reasonOf = flagReason(locale);
  const rows = tallies.map(({ key, clerk, village, entries, yellow, black }) => {
    const flag = flags.get(key) ?? null;
    return {
      clerk, village, entries, yellow, black,
      yellowShare: entries > 0 ? yellow / entries : null,
      blackShare: entries > 0 ? black / entries : null,
      flag: flag && { ...flag, reason: reasonOf(flag) },
    };
  });
  rows.sort((a, b) => Number(!!b.flag) - Number(!!a.flag) || a.village.code.localeCompare(b.village.code)
    || a.clerk.username.localeCompare(b.clerk.username));
  return { norm: townshipNorm(asTallies), minEntries: MIN_ENTRIES, tailThreshold: TAIL_THRESHOLD, rows };
}

/** The flag in words: the two shares side by side, and that it asks for a second look, nothing more. */
export function flagReason(locale: Locale): (flag: ClerkFlag) => ClerkFlagOutput["reason"] {
  const t = translatorFor(locale);
  return (flag) => t(`dashboard.clerks.flag.${flag.direction}`, { share: flag.share, norm: flag.norm });
}
