import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetStatus } from "@/lib/schemas/rule-sets";
import { AppError } from "@/lib/server/errors";

// A rule set changes state in one direction (DRAFT → VOTING → ADOPTED → SUPERSEDED, or
// REJECTED), and only a draft may be edited. Every write reads the status under a row lock, so
// that an edit cannot slip in after the vote opened, nor a ballot after the vote closed.

const READ_ONLY: Record<Exclude<RuleSetStatus, "DRAFT">, string> = {
  VOTING: "errors.ruleSetVoting",
  ADOPTED: "errors.ruleSetAdopted",
  SUPERSEDED: "errors.ruleSetAdopted",
  REJECTED: "errors.ruleSetRejected",
};

export type LockedRuleSet = { id: string; villageId: string; version: number; status: RuleSetStatus };

export async function lockRuleSet(tx: Prisma.TransactionClient, ruleSetId: string): Promise<LockedRuleSet> {
  const [row] = await tx.$queryRaw<LockedRuleSet[]>`
    SELECT id::text AS id, "villageId"::text AS "villageId", version, status::text AS status
    FROM "RuleSet" WHERE id = ${ruleSetId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

/** The set, locked, if it is still a draft; otherwise 422 saying why it is read-only. */
export async function lockDraft(tx: Prisma.TransactionClient, ruleSetId: string): Promise<LockedRuleSet> {
  const row = await lockRuleSet(tx, ruleSetId);
  if (row.status !== "DRAFT") throw new AppError("RULE_VIOLATION", READ_ONLY[row.status]);
  return row;
}

/** The set, locked, if its vote is open; otherwise 422. */
export async function lockVoting(tx: Prisma.TransactionClient, ruleSetId: string): Promise<LockedRuleSet> {
  const row = await lockRuleSet(tx, ruleSetId);
  if (row.status !== "VOTING") throw new AppError("RULE_VIOLATION", "errors.ruleSetNotVoting");
  return row;
}

/** One village drafts or adopts one version at a time: drafting and closing take this lock. */
export async function lockVillageRules(tx: Prisma.TransactionClient, villageId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rule-sets:${villageId}`}))`;
}
