import {
  AppealStatus, AwardStatus, DigestReason, EntryCategory, EntryStatus, ExtractPurpose, ExtractStatus, Gender,
  HouseholdStatus, MemberRelation, RectificationStatus, ReviewStatus, Role, RuleSetStatus, VillageKind, VoteDecision,
} from "@/lib/generated/prisma/enums";
import type { AuditField, AuditTargetType } from "./audit-vocabulary";

// Which translation a coded value of the audit log reads through: the same words the rest of the
// app uses for roles, statuses and categories. A field can mean different things on different
// targets ("status" of a household, of an entry, of an extract…), so the target is asked first.

export type EnumLabels = { values: readonly string[]; key: (value: string) => string };

const under = (prefix: string, values: Record<string, string> | readonly string[]): EnumLabels => ({
  values: Array.isArray(values) ? values : Object.values(values),
  key: (value) => `${prefix}.${value}`,
});

const BY_FIELD: Partial<Record<AuditField, EnumLabels>> = {
  role: under("roles", Role),
  category: under("entries.category", EntryCategory),
  entryStatus: under("entries.status", EntryStatus),
  relation: under("relations", MemberRelation),
  gender: under("households.gender", Gender),
  kind: { values: Object.values(VillageKind), key: (value) => `villages.kind${value}` },
  defaultDecision: under("reviews.decision", VoteDecision),
  decision: under("reviews.decision", VoteDecision),
  // "account": the account is locked wherever it signs in from; "address": only from this address.
  scope: under("audit.value.lockScope", ["account", "address"]),
};

const BY_TARGET: { [T in AuditTargetType]?: Partial<Record<AuditField, EnumLabels>> } = {
  Household: { status: under("households.status", HouseholdStatus) },
  Entry: { status: under("entries.status", EntryStatus) },
  QuarterlyReview: { status: under("reviews.status", ReviewStatus) },
  RuleSet: { status: under("ruleSets.status", RuleSetStatus), decision: under("ruleSets.vote.decision", VoteDecision) },
  Appeal: { status: under("audit.value.appealStatus", AppealStatus) },
  Rectification: { status: under("rectifications.status", RectificationStatus) },
  ArchiveExtract: { status: under("extracts.status", ExtractStatus), purpose: under("extracts.purpose", ExtractPurpose) },
  CivilizedFamilyAward: { status: under("selection.awards.status", AwardStatus) },
  EvidencePhoto: { purpose: under("audit.value.photoPurpose", ["entry", "rectification"]) },
  TownshipDigest: { reason: under("audit.value.digestReason", DigestReason) },
};

/** The labels of a coded field on a target, or undefined when its values are read as they are. */
export function enumLabelsOf(field: AuditField, targetType: AuditTargetType | null): EnumLabels | undefined {
  return (targetType ? BY_TARGET[targetType]?.[field] : undefined) ?? BY_FIELD[field];
}

/** Every coded field and its labels, for the test that each value has words in each catalogue. */
export const ALL_ENUM_LABELS: EnumLabels[] = [
  ...Object.values(BY_FIELD),
  ...Object.values(BY_TARGET).flatMap((fields) => Object.values(fields ?? {})),
].filter((labels): labels is EnumLabels => labels !== undefined);
