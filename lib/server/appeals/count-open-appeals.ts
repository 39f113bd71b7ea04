import "server-only";
import { ageInDays } from "@/lib/domain/due-process";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

export type OpenAppealCount = { total: number; oldestDays: number | null };

/**
 * How many of the appeals `scope` selects are open, and the age of the oldest as the appeal list
 * shows it (lib/domain/due-process.ts ageInDays). The caller has authorized the scope.
 */
export async function unsafeCountOpenAppeals(scope: Prisma.AppealWhereInput, now: Date): Promise<OpenAppealCount> {
  const where = { ...scope, status: "OPEN" as const };
  const [total, oldest] = await Promise.all([
    db.appeal.count({ where }),
    db.appeal.findFirst({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } }),
  ]);
  return { total, oldestDays: oldest ? ageInDays(oldest.createdAt, now) : null };
}
