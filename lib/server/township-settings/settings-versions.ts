import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { versionOn, type SettingsVersion } from "@/lib/domain/township-settings";
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

/** The township's settings in force on `day` ("YYYY-MM-DD"), by the domain's rule (versionOn). */
export async function settingsInForce(client: Reader, townshipId: string, day: string): Promise<SettingsVersion> {
  // Every township has a version (the Township_default_settings trigger), so versionOn finds one.
  return versionOn((await settingsVersionsOf(client, [townshipId])).get(townshipId)!, day);
}
