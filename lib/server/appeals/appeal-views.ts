import "server-only";
import { ageInDays } from "@/lib/domain/due-process";
import { dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppealView } from "@/lib/schemas/appeals";
import { db } from "@/lib/server/db";

// An appeal as the council's and the township's lists and the API show it.

export const appealSelect = {
  id: true, status: true, reason: true, createdAt: true, resolvedAt: true, resolution: true,
  village: { select: { id: true, name: true } },
  household: { select: { id: true, archiveNo: true, headName: true } },
  entry: {
    select: {
      id: true, category: true, status: true, occurredOn: true, description: true,
      rule: { select: { code: true, title: true } },
    },
  },
} as const satisfies Prisma.AppealSelect;

type Row = Prisma.AppealGetPayload<{ select: typeof appealSelect }>;

/** The age runs until the appeal is resolved: how long the household waited, or has been waiting. */
export function toAppealView(row: Row, now: Date): AppealView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    ageDays: ageInDays(row.createdAt, row.resolvedAt ?? now),
    entry: { ...row.entry, occurredOn: dateToDay(row.entry.occurredOn) },
  };
}

/** One appeal, already authorized. */
export async function unsafeGetAppealView(id: string, now: Date = new Date()): Promise<AppealView> {
  return toAppealView(await db.appeal.findUniqueOrThrow({ where: { id }, select: appealSelect }), now);
}
