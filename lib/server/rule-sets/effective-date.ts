import "server-only";
import { dateToDay, dayAfter } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

// A new version takes over from the one adopted last (DESIGN.md "RuleSet"): it must begin after
// that one began, or the two would overlap and an old entry could cite a rule no longer in force.

const refuse = (message: string, values?: Record<string, string | number>) =>
  new AppError("RULE_VIOLATION", message, values, { effectiveFrom: `validation.${message.slice("errors.".length)}` });

/**
 * The first day a new version may take effect: tomorrow (China). Rules never reach back, not
 * even to earlier today: entries already recorded cite the rules of their day.
 */
export const earliestEffectiveDay = (today: string): string => dayAfter(today);

export function assertNotBeforeTomorrow(effectiveFrom: string, today: string): void {
  if (effectiveFrom < earliestEffectiveDay(today)) throw refuse("errors.effectiveFromNotAfterToday");
}

export async function assertAfterCurrent(
  tx: Prisma.TransactionClient, villageId: string, effectiveFrom: Date, exceptRuleSetId: string,
): Promise<{ id: string } | null> {
  const current = await tx.ruleSet.findFirst({
    where: { villageId, status: "ADOPTED", id: { not: exceptRuleSetId } }, orderBy: { version: "desc" },
    select: { id: true, version: true, effectiveFrom: true },
  });
  if (current?.effectiveFrom && effectiveFrom.getTime() <= current.effectiveFrom.getTime()) {
    throw refuse("errors.effectiveFromNotAfterCurrent", { version: current.version, date: dateToDay(current.effectiveFrom) });
  }
  return current ? { id: current.id } : null;
}
