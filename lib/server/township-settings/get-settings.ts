import "server-only";
import { chinaToday, dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SettingsHistoryItem, SettingsVersionItem, TownshipSettingsQuery, TownshipSettingsView } from "@/lib/schemas/township-settings";
import { authorize, townshipIdOf, type Actor, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { slicePage } from "@/lib/server/paging";
import { settingsVersionSelect } from "./settings-versions";

type Reader = Prisma.TransactionClient | typeof db;
export type TownshipRef = { id: string; code: string; name: string };

/**
 * The township a township-wide read is about: an official's (or a clerk's) own; an administrator
 * names one by code (or gets the first). A code that does not exist is 404.
 */
export async function townshipFor(actor: Actor, permission: Permission, code?: string): Promise<TownshipRef> {
  authorize(actor, permission);
  const township = await db.township.findFirst({
    where: actor.role === "ADMIN" ? (code === undefined ? {} : { code }) : { id: townshipIdOf(actor) },
    orderBy: { code: "asc" }, select: { id: true, code: true, name: true },
  });
  if (!township) throw new AppError("NOT_FOUND", "errors.notFound");
  return township;
}

export const settingsHistorySelect = { ...settingsVersionSelect, reason: true, createdAt: true, createdById: true } as const;

type HistoryRow = Prisma.TownshipSettingsGetPayload<{ select: typeof settingsHistorySelect }>;
type Author = { id: string; displayName: string };

export function toHistoryItem({ townshipId: _t, effectiveFrom, createdAt, createdById, ...row }: HistoryRow, author: Author | null): SettingsHistoryItem {
  return { ...row, effectiveFrom: dateToDay(effectiveFrom), createdAt: createdAt.toISOString(), createdBy: createdById ? author ?? { id: createdById, displayName: "" } : null };
}

/** Every version of a township with who set it, when and why, oldest first. */
export async function settingsHistoryOf(client: Reader, townshipId: string): Promise<SettingsHistoryItem[]> {
  const rows = await client.townshipSettings.findMany({ where: { townshipId }, orderBy: { effectiveFrom: "asc" }, select: settingsHistorySelect });
  const ids = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const authors = new Map((await client.account.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((a) => [a.id, a]));
  return rows.map((row) => toHistoryItem(row, row.createdById ? authors.get(row.createdById) ?? null : null));
}

/**
 * The township's settings (issue 9 point 1): every version, the latest effective day first —
 * those scheduled for later days, the one in force today (also as `current`), then those it
 * superseded — with who set each, when and why.
 */
export async function getTownshipSettings(actor: Actor, query: TownshipSettingsQuery = {}, now: Date = new Date()): Promise<TownshipSettingsView> {
  const township = await townshipFor(actor, "settings.read", query.township);
  const today = chinaToday(now);
  const versions = await settingsHistoryOf(db, township.id);
  const inForce = versions.filter((v) => v.effectiveFrom <= today).at(-1);
  const items: SettingsVersionItem[] = versions.reverse().map((v) => ({
    ...v, status: v.effectiveFrom > today ? "SCHEDULED" : v.id === inForce?.id ? "IN_FORCE" : "SUPERSEDED",
  }));
  const current = items.find((v) => v.status === "IN_FORCE") ?? null;
  return { ...slicePage(items, query), township, today, current };
}
