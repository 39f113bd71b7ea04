import type { IneligibilityReason } from "../../lib/domain/eligibility";

// Rows as they are written, one type per table, keyed by the column names Prisma gives them.
// Timestamps are Dates (written as UTC ISO strings); DATE columns are "YYYY-MM-DD" strings.

export type Category = "RED" | "YELLOW" | "BLACK";
export type EntryStatus = "PENDING" | "CONFIRMED" | "REJECTED" | "VOIDED" | "RECTIFIED";
export type Decision = "APPROVE" | "REJECT" | "ABSTAIN";
export type Relation =
  | "HEAD" | "SPOUSE" | "SON" | "DAUGHTER" | "DAUGHTER_IN_LAW" | "SON_IN_LAW"
  | "GRANDSON" | "GRANDDAUGHTER" | "FATHER" | "MOTHER" | "SIBLING" | "OTHER";
export type Gender = "MALE" | "FEMALE";

export type TownshipRow = {
  id: string; code: string; name: string; county: string; createdAt: Date; updatedAt: Date;
};
export type SettingsRow = {
  id: string; townshipId: string; effectiveFrom: string; weightRed: number; weightYellow: number; weightBlack: number;
  civilizedMinReds: number; noticePeriodDays: number; noticeHidesNegativeDetail: boolean; honourBoardEnabled: boolean;
  extractValidityDays: number; reason: string | null; createdById: string | null; createdAt: Date;
};
export type ScoreRowData = {
  householdId: string; year: number; townshipId: string; villageId: string; redMarks: number; activeYellowMarks: number;
  blackMarks: number; unrectifiedYellows: number; score: number; settingsId: string | null; updatedAt: Date;
};
export type AwardRow = {
  id: string; townshipId: string; householdId: string; year: number; status: "NOMINATED" | "AWARDED" | "DECLINED" | "WITHDRAWN";
  nominatedById: string; nominatedAt: Date; note: string | null; decidedById: string | null; decidedAt: Date | null;
  decisionReason: string | null; settingsId: string | null;
  /** The household's score row of the year at the decision, and the threshold it was judged by (null until decided). */
  assessment: {
    redMarks: number; activeYellowMarks: number; blackMarks: number; unrectifiedYellows: number; civilizedMinReds: number;
    reasons: IneligibilityReason[];
  } | null;
};
export type VillageRow = {
  id: string; townshipId: string; code: string; name: string; kind: "VILLAGE" | "COMMUNITY";
  createdAt: Date; updatedAt: Date;
};
export type GroupRow = { id: string; villageId: string; number: number; name: string };
export type HouseholdRow = {
  id: string; villageId: string; groupId: string; archiveNo: string; headName: string;
  headInitials: string; address: string; phone: string | null;
  status: "ACTIVE" | "MOVED_OUT" | "INACTIVE"; registeredOn: string;
  createdAt: Date; updatedAt: Date; chainLength: number; chainHead: string | null;
};
export type MemberRow = {
  id: string; householdId: string; name: string; relation: Relation; gender: Gender;
  birthYear: number; active: boolean; createdAt: Date; updatedAt: Date;
};
export type AccountRow = {
  id: string; username: string; usernameKey: string; displayName: string;
  role: "ADMIN" | "TOWNSHIP_OFFICIAL" | "CLERK" | "REPRESENTATIVE" | "HOUSEHOLD";
  townshipId: string | null; villageId: string | null; householdId: string | null;
  homeHouseholdId: string | null; passwordHash: string; createdAt: Date; updatedAt: Date;
};
export type RuleSetRow = {
  id: string; villageId: string; version: number; title: string;
  status: "DRAFT" | "VOTING" | "ADOPTED" | "SUPERSEDED" | "REJECTED";
  effectiveFrom: string | null; effectiveTo: string | null; consultation: string; draftedById: string;
  createdAt: Date; updatedAt: Date;
};
export type RuleRow = {
  id: string; ruleSetId: string; code: string; category: Category; title: string;
  description: string; marks: number; evidenceHint: string | null;
};
export type RuleSetVoteRow = {
  id: string; ruleSetId: string; meetingDate: string; representativesTotal: number;
  openedById: string; closedById: string; closedAt: Date; passed: boolean;
  attendees: number; approve: number; reject: number; abstain: number; createdAt: Date;
};
export type RuleSetVoteRosterRow = { voteId: string; representativeId: string };
export type RuleSetBallotRow = {
  voteId: string; representativeId: string; decision: Decision; castAt: Date; enteredById: string | null;
};
export type EntryRow = {
  id: string; householdId: string; memberId: string | null; villageId: string; ruleId: string;
  category: Category; marks: number; occurredOn: Date; year: number; quarter: number;
  description: string; legalAuthority: string | null; legalDocumentNo: string | null;
  status: EntryStatus; recordedById: string; recordedAt: Date;
  chainSeq: number; prevHash: string | null; hash: string;
};
export type EventRow = {
  id: string; entryId: string; householdId: string;
  type: "CONFIRMED" | "REJECTED" | "VOIDED" | "RECTIFIED"
    | "APPEAL_LODGED" | "APPEAL_DISMISSED" | "RECTIFICATION_REQUESTED" | "RECTIFICATION_DECLINED";
  fromStatus: EntryStatus; toStatus: EntryStatus; reason: string | null; actorId: string | null;
  reviewId: string | null; appealId: string | null; rectificationId: string | null; createdAt: Date;
  chainSeq: number; prevHash: string | null; hash: string;
};
export type ReviewRow = {
  id: string; villageId: string; year: number; quarter: number; status: "OPEN" | "CLOSED";
  meetingDate: string | null; representativesTotal: number | null; openedById: string; openedAt: Date;
  closedById: string | null; closedAt: Date | null; noticeEndsOn: string | null; minutes: string | null;
};
export type RosterRow = { reviewId: string; representativeId: string; homeHouseholdId: string | null };
export type ItemRow = { reviewId: string; entryId: string };
export type AttendanceRow = { reviewId: string; representativeId: string; recordedAt: Date; recordedById: string | null };
export type BallotRow = {
  id: string; reviewId: string; representativeId: string; defaultDecision: Decision; castAt: Date; enteredById: string | null;
};
export type ExceptionRow = { ballotId: string; entryId: string; decision: Decision; reason: string | null };
export type ResultRow = {
  reviewId: string; entryId: string; attendees: number; approve: number; reject: number;
  abstain: number; passed: boolean;
};
export type RectificationRow = {
  id: string; entryId: string; householdId: string; requestedById: string; note: string;
  status: "REQUESTED" | "APPROVED" | "DECLINED"; decidedById: string | null; decidedAt: Date | null;
  decisionReason: string | null; createdAt: Date; filedViaAccessCode: boolean;
};
export type AppealRow = {
  id: string; entryId: string; householdId: string; villageId: string; lodgedById: string;
  reason: string; status: "OPEN" | "UPHELD" | "DISMISSED"; resolvedById: string | null;
  resolvedAt: Date | null; resolution: string | null; createdAt: Date; filedViaAccessCode: boolean;
};

/** Everything the seed writes, in foreign-key order (events name appeals and rectifications). */
export type SeedData = {
  Township: TownshipRow[];
  TownshipSettings: SettingsRow[];
  HouseholdScore: ScoreRowData[];
  CivilizedFamilyAward: AwardRow[];
  Village: VillageRow[];
  VillagerGroup: GroupRow[];
  Household: HouseholdRow[];
  Member: MemberRow[];
  Account: AccountRow[];
  RuleSet: RuleSetRow[];
  Rule: RuleRow[];
  RuleSetVote: RuleSetVoteRow[];
  RuleSetVoteRosterMember: RuleSetVoteRosterRow[];
  RuleSetBallot: RuleSetBallotRow[];
  QuarterlyReview: ReviewRow[];
  ReviewRosterMember: RosterRow[];
  ReviewAttendance: AttendanceRow[];
  ReviewBallot: BallotRow[];
  Entry: EntryRow[];
  ReviewItem: ItemRow[];
  Rectification: RectificationRow[];
  Appeal: AppealRow[];
  EntryEvent: EventRow[];
  ReviewBallotException: ExceptionRow[];
  ReviewEntryResult: ResultRow[];
};

export const TABLE_ORDER: (keyof SeedData)[] = [
  "Township", "TownshipSettings", "Village", "VillagerGroup", "Household", "Member", "Account", "RuleSet", "Rule",
  "RuleSetVote", "RuleSetVoteRosterMember", "RuleSetBallot", "QuarterlyReview", "ReviewRosterMember", "ReviewAttendance", "ReviewBallot", "Entry",
  "ReviewItem", "Rectification", "Appeal", "EntryEvent", "ReviewBallotException", "ReviewEntryResult", "HouseholdScore",
  "CivilizedFamilyAward",
];
