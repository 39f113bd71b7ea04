// The words of the audit log: every action a use case records, every kind of target, and every
// field its before/after may hold. lib/server/audit.ts types its records with these, so a writer
// cannot record an action, target or field that is not listed here; and a unit test checks that
// each has a label in both message catalogues (audit-vocabulary.test.ts), so nothing reaches the
// audit page as code.

export const AUDIT_ACTIONS = [
  "auth.signIn", "auth.signIn.accessCode", "auth.signIn.temporaryPassword", "auth.signIn.failed",
  "auth.signIn.refusedInactive", "auth.signIn.refusedLocked", "auth.signIn.accountLimited", "auth.signIn.ipLimited",
  "auth.lockout", "auth.lockout.account", "auth.signOut",
  "account.create", "account.update", "account.deactivate", "account.reactivate", "account.resetPassword",
  "account.changePassword", "account.issueAccessCode",
  "token.create", "token.revoke",
  "village.create", "village.update",
  "township.settings.change", "township.digest",
  "household.create", "household.update", "household.setStatus", "household.import",
  "member.add", "member.update", "member.deactivate",
  "evidence.upload", "evidence.removeUnattached",
  "entry.record", "entry.void",
  "review.open", "review.attendance", "review.ballot", "review.paperBallot", "review.close",
  "ruleSet.draft", "ruleSet.update", "ruleSet.openVote", "ruleSet.ballot", "ruleSet.paperBallot", "ruleSet.closeVote",
  "rule.add", "rule.update", "rule.remove",
  "appeal.lodge", "appeal.uphold", "appeal.dismiss",
  "rectification.request", "rectification.approve", "rectification.decline",
  "extract.request", "extract.consent", "extract.refuse", "extract.decline", "extract.issue", "extract.revoke",
  "award.nominate", "award.withdraw", "award.award", "award.decline", "award.withdrawAward",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an action is about: the part of its name before the first dot, for grouping in the filter. */
export type AuditArea = AuditAction extends `${infer A}.${string}` ? A : never;
export const auditArea = (action: AuditAction) => action.slice(0, action.indexOf(".")) as AuditArea;
export const AUDIT_AREAS = [...new Set(AUDIT_ACTIONS.map(auditArea))];

export const AUDIT_TARGET_TYPES = [
  "Account", "ClientAddress", "ApiToken", "Village", "TownshipSettings", "TownshipDigest", "Household", "Member",
  "EvidencePhoto", "Entry", "QuarterlyReview", "RuleSet", "Rule", "Appeal", "Rectification", "ArchiveExtract",
  "CivilizedFamilyAward",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

// Nested objects (a household's head, an award's assessment) name their fields from this list too.
export const AUDIT_FIELDS = [
  // who and where
  "id", "username", "displayName", "role", "active", "townshipId", "villageId", "householdId", "homeHouseholdId",
  "accountId", "representativeId", "decidedById", "uploadedById",
  // sign-in and accounts
  "identifier", "network", "retryAt", "failures", "lockedUntil", "scope", "sparedAddress", "mustChangePassword",
  "sessionsValidFrom", "tokensRevoked", "accountCreated", "accessCodeIssued", "accessCodeExpiresAt",
  "name", "prefix", "revokedAt", "code", "kind",
  // township settings
  "effectiveFrom", "weightRed", "weightYellow", "weightBlack", "civilizedMinReds", "noticePeriodDays",
  "noticeHidesNegativeDetail", "honourBoardEnabled", "extractValidityDays", "settingsId",
  // households and members
  "archiveNo", "headName", "address", "phone", "groupId", "status", "registeredOn", "head", "relation", "gender",
  "birthYear", "formerHead", "fileName", "sha256", "rows", "households", "members", "unchangedHouseholds", "archiveNos",
  // entries, photos, appeals and rectifications
  "entryId", "eventId", "entryStatus", "ruleCode", "category", "marks", "occurredOn", "evidence", "chainSeq",
  "purpose", "width", "height", "bytes", "uploadedAt", "note", "reason", "resolution", "viaAccessCode",
  // reviews and rule sets
  "year", "quarter", "entries", "lateEntries", "roster", "added", "attending", "attendees", "items", "decided",
  "confirmed", "rejected", "skipped", "digest", "printed", "meetingDate", "ballotId", "voteId", "defaultDecision",
  "decision", "exceptions", "approve", "reject", "abstain", "paper", "passed", "representativesTotal", "version",
  "title", "consultation", "copiedFromVersion", "rules", "ruleSetId", "supersededRuleSetId", "description", "evidenceHint",
  // extracts and awards
  "purposeNote", "validUntil", "keyId", "assessment", "redMarks", "activeYellowMarks", "blackMarks",
  "unrectifiedYellows", "reasons", "decidedAt",
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

// next-intl reads a dot in a key as nesting, and "auth.signIn" is an action as well as the start
// of "auth.signIn.failed": the catalogue keys flatten the dots.
export const auditActionKey = (action: AuditAction) => `audit.action.${action.replaceAll(".", "_")}` as const;
export const auditAreaKey = (area: AuditArea) => `audit.area.${area}` as const;
export const auditTargetKey = (type: AuditTargetType) => `audit.target.${type}` as const;
export const auditFieldKey = (field: AuditField) => `audit.field.${field}` as const;
/** "name" of a member or a household's head is a person's name (姓名), of anything else a name (名称). */
export const PERSON_NAME_KEY = "audit.field.personName";
export const auditFieldLabelKey = (field: AuditField, targetType: AuditTargetType | null) =>
  field === "name" && (targetType === "Member" || targetType === "Household") ? PERSON_NAME_KEY : auditFieldKey(field);

const isOneOf = <T extends string>(list: readonly T[]) => (value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);
export const isAuditAction = isOneOf(AUDIT_ACTIONS);
export const isAuditTargetType = isOneOf(AUDIT_TARGET_TYPES);
export const isAuditField = isOneOf(AUDIT_FIELDS);
