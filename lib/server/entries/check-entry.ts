import "server-only";
import { checkOccurredOn, dayToDate } from "@/lib/domain/entry-date";
import type { RecordEntryInput } from "@/lib/schemas/entries";
import { EVIDENCE_MAX_PER_ENTRY } from "@/lib/schemas/evidence";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { unsafeFindRuleSetInForce } from "./list-rules-in-force";

// The rules an entry must satisfy before it is written (DESIGN.md "Domain"), each refusal
// naming the field to correct.

const refuse = (message: string, field: string) => new AppError("RULE_VIOLATION", message, undefined, { [field]: message });

export type EntryHousehold = { id: string; villageId: string; townshipId: string; registeredOn: Date };

/**
 * The household, if it lies in the clerk's village (else "not found"), is not the clerk's own
 * (recusal) and is still in the archive.
 */
export async function loadHouseholdForEntry(actor: Actor, householdId: string): Promise<EntryHousehold> {
  const target = await loadHouseholdTarget(actor, "entries.record", householdId);
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { registeredOn: true, status: true } });
  if (household.status !== "ACTIVE") throw refuse("errors.householdNotActiveForEntry", "householdId");
  return { id: householdId, villageId: target.villageId, townshipId: target.townshipId, registeredOn: household.registeredOn };
}

/** Checks member, date, rule, legal basis and photos; returns the rule the entry copies. */
export async function checkEntry(actor: Actor, household: EntryHousehold, input: RecordEntryInput, now: Date) {
  const occurredOn = dayToDate(input.occurredOn);
  const dateProblem = checkOccurredOn(occurredOn, household.registeredOn, now);
  if (dateProblem === "IN_FUTURE") throw refuse("errors.entryDateInFuture", "occurredOn");
  if (dateProblem === "BEFORE_REGISTRATION") throw refuse("errors.entryDateBeforeRegistration", "occurredOn");
  if (input.memberId) {
    const member = await db.member.findFirst({ where: { id: input.memberId, householdId: household.id }, select: { id: true } });
    if (!member) throw refuse("errors.memberNotInHousehold", "memberId");
  }
  const rule = await findRuleInForce(household.villageId, input.ruleId, occurredOn);
  if (rule.category === "BLACK") checkLegalBasis(input);
  await checkEvidence(actor, input.evidenceIds);
  return rule;
}

async function findRuleInForce(villageId: string, ruleId: string, occurredOn: Date) {
  const ruleSet = await unsafeFindRuleSetInForce(villageId, occurredOn);
  const rule = ruleSet
    ? await db.rule.findFirst({ where: { id: ruleId, ruleSetId: ruleSet.id }, select: { id: true, code: true, category: true, marks: true } })
    : null;
  if (!rule) throw refuse("errors.ruleNotInForce", "ruleId");
  return rule;
}

// A black mark rests on a police or court decision, never on a clerk's opinion alone.
function checkLegalBasis(input: RecordEntryInput): void {
  const missing: Record<string, string> = {};
  if (!input.legalAuthority) missing.legalAuthority = "validation.legalAuthorityRequired";
  if (!input.legalDocumentNo) missing.legalDocumentNo = "validation.legalDocumentNoRequired";
  if (Object.keys(missing).length) throw new AppError("RULE_VIOLATION", "errors.blackNeedsLegalBasis", undefined, missing);
}

async function checkEvidence(actor: Actor, evidenceIds: string[]): Promise<void> {
  if (evidenceIds.length > EVIDENCE_MAX_PER_ENTRY) {
    throw new AppError("RULE_VIOLATION", "errors.tooManyPhotos", { max: EVIDENCE_MAX_PER_ENTRY }, { evidenceIds: "validation.tooManyPhotos" });
  }
  if (!evidenceIds.length) return;
  const usable = await db.evidencePhoto.count({
    where: { id: { in: evidenceIds }, uploadedById: actor.id, entryId: null, rectificationId: null },
  });
  if (usable !== evidenceIds.length) throw refuse("errors.evidenceUnavailable", "evidenceIds");
}
