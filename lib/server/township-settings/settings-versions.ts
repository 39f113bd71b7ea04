import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { SettingsVersion } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

type Reader = Prisma.TransactionClient | typeof db;

export const settingsVersionSelect = {
  id: true, townshipId: true, effectiveFrom: true, weightRed: true, weightYellow: true, weightBlack: true, civilizedMinReds: true,
  noticePeriodDays: true, noticeHidesNegativeDetail: true, honourBoardEnabled: true, extractValidityDays: true,
} as const;

type Row = Prisma.TownshipSettingsGetPayload<{ select: typeof settingsVersionSelect }>;

export function toSettingsVersion({ townshipId: _t, effectiveFrom, ...row }: Row): SettingsVersion {
  return { ...row, effectiveFrom: dateToDay(effectiveFrom) };
}

/** Every settings version of each township, oldest first. */
export async function settingsVersionsOf(client: Reader, townshipIds: readonly string[]): Promise<Map<string, SettingsVersion[]>> {
  const rows = await client.townshipSettings.findMany({
    where: { townshipId: { in: [...new Set(townshipIds)] } }, orderBy: { effectiveFrom: "asc" }, select: settingsVersionSelect,
  });
  const byTownship = new Map<string, SettingsVersion[]>(townshipIds.map((id) => [id, []]));
  for (const row of rows) byTownship.get(row.townshipId)!.push(toSettingsVersion(row));
  return byTownship;
}

/** The township's settings in force on `day` ("YYYY-MM-DD"), the first version for a day before it (versionOn). */
export async function settingsInForce(client: Reader, townshipId: string, day: string): Promise<SettingsVersion> {
  const row = await client.townshipSettings.findFirst({
    where: { townshipId, effectiveFrom: { lte: new Date(`${day}T00:00:00Z`) } }, orderBy: { effectiveFrom: "desc" }, select: settingsVersionSelect,
  }) ?? await client.townshipSettings.findFirst({ where: { townshipId }, orderBy: { effectiveFrom: "asc" }, select: settingsVersionSelect });
  // Every township has one (the Township_default_settings trigger).
  if (!row) throw new Error(`township ${townshipId} has no settings`);
  return toSettingsVersion(row);
}
