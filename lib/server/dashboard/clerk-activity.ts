import "server-only";
import type { Locale } from "@/i18n/locales";
import { clerkFlags, MIN_ENTRIES, townshipNorm, Z_THRESHOLD, type ClerkFlag } from "@/lib/domain/clerk-outliers";
import { translatorFor } from "@/lib/i18n/translator";
import type { ClerkFlagOutput, TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

/**
 * Per clerk (whoever recorded entries in the township's villages that occurred in the year): the
 * entries recorded in any status (a voided or rejected record is still what the clerk wrote), the
 * shares of yellow and black, and a flag when the share of yellow and black is far from the
 * other clerks' (lib/domain/clerk-outliers.ts). Flagged clerks first, then by village and name.
 * Callers have authorized the villages.
 */
export async function unsafeClerkActivity(villages: VillageRef[], year: number, locale: Locale): Promise<TownshipDashboard["clerks"]> {
  const counted = await db.entry.groupBy({
    by: ["recordedById", "category"],
    where: { villageId: { in: villages.map((v) => v.id) }, year },
    _count: { _all: true },
  });
  const ids = [...new Set(counted.map((c) => c.recordedById))];
  const accounts = await db.account.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true, username: true, village: { select: { id: true, code: true, name: true } } },
  });
  const countOf = (id: string, category: string) => counted.find((c) => c.recordedById === id && c.category === category)?._count._all ?? 0;
  const tallies = accounts.map((account) => {
    const [red, yellow, black] = (["RED", "YELLOW", "BLACK"] as const).map((category) => countOf(account.id, category));
    return { account, entries: red! + yellow! + black!, yellow: yellow!, black: black! };
  });
  const flags = clerkFlags(tallies.map((t) => ({ id: t.account.id, entries: t.entries, yellowBlack: t.yellow + t.black })));
  const reasonOf = flagReason(locale);
  const rows = tallies.map(({ account: { village, ...clerk }, entries, yellow, black }) => {
    const flag = flags.get(clerk.id) ?? null;
    return {
      clerk, village, entries, yellow, black,
      yellowShare: entries > 0 ? yellow / entries : null,
      blackShare: entries > 0 ? black / entries : null,
      flag: flag && { ...flag, reason: reasonOf(flag) },
    };
  });
  rows.sort((a, b) => Number(!!b.flag) - Number(!!a.flag) || (a.village?.code ?? "").localeCompare(b.village?.code ?? "")
    || a.clerk.username.localeCompare(b.clerk.username));
  const norm = townshipNorm(tallies.map((t) => ({ id: t.account.id, entries: t.entries, yellowBlack: t.yellow + t.black })));
  return { norm, minEntries: MIN_ENTRIES, zThreshold: Z_THRESHOLD, rows };
}

/** The flag in words: the two shares side by side, and that it asks for a second look, nothing more. */
export function flagReason(locale: Locale): (flag: ClerkFlag) => ClerkFlagOutput["reason"] {
  const t = translatorFor(locale);
  return (flag) => t(`dashboard.clerks.flag.${flag.direction}`, { share: flag.share, norm: flag.norm });
}
