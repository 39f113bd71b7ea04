import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { ruleSelect } from "./rule-set-views";

// Codes are unique within a rule set: entries and notices cite a rule by its code.

const codeTaken = (code: string) => new AppError("CONFLICT", "errors.ruleCodeTaken", { code }, { code: "validation.ruleCodeTaken" });

export async function assertCodeFree(tx: Prisma.TransactionClient, ruleSetId: string, code: string, exceptRuleId?: string): Promise<void> {
  const clash = await tx.rule.findFirst({
    where: { ruleSetId, code, ...(exceptRuleId ? { id: { not: exceptRuleId } } : {}) }, select: { id: true },
  });
  if (clash) throw codeTaken(code);
}

/** The set is locked while a code is checked, so only a bypassed check could race; still name the field. */
export async function withCodeRace<T>(code: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (code && isUniqueViolation(error)) throw codeTaken(code);
    throw error;
  }
}

/** The rule, read again inside the transaction (it may have been removed since it was loaded). */
export async function findRule(tx: Prisma.TransactionClient, ruleId: string) {
  const rule = await tx.rule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  if (!rule) throw new AppError("NOT_FOUND", "errors.notFound");
  return rule;
}
