-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'TOWNSHIP_OFFICIAL', 'CLERK', 'REPRESENTATIVE', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "VillageKind" AS ENUM ('VILLAGE', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('ACTIVE', 'MOVED_OUT', 'INACTIVE');

-- CreateEnum
CREATE TYPE "MemberRelation" AS ENUM ('HEAD', 'SPOUSE', 'SON', 'DAUGHTER', 'DAUGHTER_IN_LAW', 'SON_IN_LAW', 'GRANDSON', 'GRANDDAUGHTER', 'FATHER', 'MOTHER', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "RuleSetStatus" AS ENUM ('DRAFT', 'VOTING', 'ADOPTED', 'SUPERSEDED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EntryCategory" AS ENUM ('RED', 'YELLOW', 'BLACK');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED', 'VOIDED', 'RECTIFIED');

-- CreateEnum
CREATE TYPE "EntryEventType" AS ENUM ('CONFIRMED', 'REJECTED', 'VOIDED', 'RECTIFIED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteDecision" AS ENUM ('APPROVE', 'REJECT', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('NOMINATED', 'AWARDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ExtractPurpose" AS ENUM ('SCHOOL_ADMISSION', 'CIVIL_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ExtractStatus" AS ENUM ('AWAITING_CONSENT', 'ISSUED', 'REVOKED');

-- CreateTable
CREATE TABLE "Township" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "weightRed" INTEGER NOT NULL DEFAULT 1,
    "weightYellow" INTEGER NOT NULL DEFAULT 1,
    "weightBlack" INTEGER NOT NULL DEFAULT 3,
    "civilizedMinReds" INTEGER NOT NULL DEFAULT 1,
    "noticePeriodDays" INTEGER NOT NULL DEFAULT 7,
    "noticeHidesNegativeDetail" BOOLEAN NOT NULL DEFAULT true,
    "honourBoardEnabled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Township_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "id" UUID NOT NULL,
    "townshipId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VillageKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VillagerGroup" (
    "id" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "VillagerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "groupId" UUID,
    "archiveNo" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "headInitials" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "status" "HouseholdStatus" NOT NULL DEFAULT 'ACTIVE',
    "registeredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "chainLength" INTEGER NOT NULL DEFAULT 0,
    "chainHead" TEXT,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" "MemberRelation" NOT NULL,
    "gender" "Gender",
    "birthYear" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "townshipId" UUID,
    "villageId" UUID,
    "householdId" UUID,
    "homeHouseholdId" UUID,
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "accessCodeHash" TEXT,
    "accessCodeExpiresAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "accountId" UUID,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "accountId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("accountId","key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "townshipId" UUID,
    "villageId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "RuleSetStatus" NOT NULL DEFAULT 'DRAFT',
    "effectiveFrom" DATE,
    "effectiveTo" DATE,
    "consultation" TEXT,
    "draftedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" UUID NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "category" "EntryCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "marks" INTEGER NOT NULL DEFAULT 1,
    "evidenceHint" TEXT,

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSetVote" (
    "id" UUID NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "meetingDate" DATE NOT NULL,
    "representativesTotal" INTEGER NOT NULL,
    "openedById" UUID,
    "closedAt" TIMESTAMP(3),
    "passed" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSetVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSetBallot" (
    "voteId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "decision" "VoteDecision" NOT NULL,
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSetBallot_pkey" PRIMARY KEY ("voteId","representativeId")
);

-- CreateTable
CREATE TABLE "Entry" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "memberId" UUID,
    "villageId" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "category" "EntryCategory" NOT NULL,
    "marks" INTEGER NOT NULL,
    "occurredOn" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "legalAuthority" TEXT,
    "legalDocumentNo" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'PENDING',
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,
    "chainSeq" INTEGER NOT NULL,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "Entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntryEvent" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "type" "EntryEventType" NOT NULL,
    "fromStatus" "EntryStatus" NOT NULL,
    "toStatus" "EntryStatus" NOT NULL,
    "reason" TEXT,
    "actorId" UUID,
    "reviewId" UUID,
    "appealId" UUID,
    "rectificationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chainSeq" INTEGER NOT NULL,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "EntryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidencePhoto" (
    "id" UUID NOT NULL,
    "entryId" UUID,
    "rectificationId" UUID,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidencePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterlyReview" (
    "id" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "meetingDate" DATE,
    "representativesTotal" INTEGER,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" UUID,
    "closedAt" TIMESTAMP(3),
    "noticeEndsOn" DATE,

    CONSTRAINT "QuarterlyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAttendance" (
    "reviewId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAttendance_pkey" PRIMARY KEY ("reviewId","representativeId")
);

-- CreateTable
CREATE TABLE "ReviewBallot" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "defaultDecision" "VoteDecision" NOT NULL,
    "castAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewBallotException" (
    "ballotId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "decision" "VoteDecision" NOT NULL,

    CONSTRAINT "ReviewBallotException_pkey" PRIMARY KEY ("ballotId","entryId")
);

-- CreateTable
CREATE TABLE "ReviewEntryResult" (
    "reviewId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "attendees" INTEGER NOT NULL,
    "approve" INTEGER NOT NULL,
    "reject" INTEGER NOT NULL,
    "abstain" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "ReviewEntryResult_pkey" PRIMARY KEY ("reviewId","entryId")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "lodgedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CivilizedFamilyAward" (
    "id" UUID NOT NULL,
    "townshipId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "AwardStatus" NOT NULL DEFAULT 'NOMINATED',
    "nominatedById" UUID NOT NULL,
    "nominatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "CivilizedFamilyAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveExtract" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "purpose" "ExtractPurpose" NOT NULL,
    "purposeNote" TEXT,
    "status" "ExtractStatus" NOT NULL DEFAULT 'AWAITING_CONSENT',
    "requestedById" UUID NOT NULL,
    "consentedById" UUID,
    "consentedAt" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3),
    "validUntil" DATE,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArchiveExtract_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Township_code_key" ON "Township"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Village_townshipId_code_key" ON "Village"("townshipId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Village_townshipId_name_key" ON "Village"("townshipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "VillagerGroup_villageId_number_key" ON "VillagerGroup"("villageId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Household_archiveNo_key" ON "Household"("archiveNo");

-- CreateIndex
CREATE INDEX "Household_villageId_status_idx" ON "Household"("villageId", "status");

-- CreateIndex
CREATE INDEX "Household_villageId_headInitials_idx" ON "Household"("villageId", "headInitials");

-- CreateIndex
CREATE INDEX "Household_phone_idx" ON "Household"("phone");

-- CreateIndex
CREATE INDEX "Member_householdId_idx" ON "Member"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Account_townshipId_role_idx" ON "Account"("townshipId", "role");

-- CreateIndex
CREATE INDEX "Account_villageId_role_idx" ON "Account"("villageId", "role");

-- CreateIndex
CREATE INDEX "Account_householdId_idx" ON "Account"("householdId");

-- CreateIndex
CREATE INDEX "SignInAttempt_identifier_createdAt_idx" ON "SignInAttempt"("identifier", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_createdAt_idx" ON "SignInAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_accountId_idx" ON "ApiToken"("accountId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_townshipId_createdAt_idx" ON "AuditLog"("townshipId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_villageId_createdAt_idx" ON "AuditLog"("villageId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "RuleSet_villageId_status_effectiveFrom_idx" ON "RuleSet"("villageId", "status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_villageId_version_key" ON "RuleSet"("villageId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_ruleSetId_code_key" ON "Rule"("ruleSetId", "code");

-- CreateIndex
CREATE INDEX "RuleSetVote_ruleSetId_idx" ON "RuleSetVote"("ruleSetId");

-- CreateIndex
CREATE INDEX "Entry_householdId_occurredOn_idx" ON "Entry"("householdId", "occurredOn");

-- CreateIndex
CREATE INDEX "Entry_villageId_year_quarter_status_idx" ON "Entry"("villageId", "year", "quarter", "status");

-- CreateIndex
CREATE INDEX "Entry_villageId_status_category_idx" ON "Entry"("villageId", "status", "category");

-- CreateIndex
CREATE INDEX "Entry_year_category_status_idx" ON "Entry"("year", "category", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_householdId_chainSeq_key" ON "Entry"("householdId", "chainSeq");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_recordedById_idempotencyKey_key" ON "Entry"("recordedById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "EntryEvent_entryId_idx" ON "EntryEvent"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "EntryEvent_householdId_chainSeq_key" ON "EntryEvent"("householdId", "chainSeq");

-- CreateIndex
CREATE UNIQUE INDEX "EvidencePhoto_storageKey_key" ON "EvidencePhoto"("storageKey");

-- CreateIndex
CREATE INDEX "EvidencePhoto_entryId_idx" ON "EvidencePhoto"("entryId");

-- CreateIndex
CREATE INDEX "EvidencePhoto_rectificationId_idx" ON "EvidencePhoto"("rectificationId");

-- CreateIndex
CREATE INDEX "QuarterlyReview_status_idx" ON "QuarterlyReview"("status");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlyReview_villageId_year_quarter_key" ON "QuarterlyReview"("villageId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewBallot_reviewId_representativeId_key" ON "ReviewBallot"("reviewId", "representativeId");

-- CreateIndex
CREATE INDEX "ReviewBallotException_entryId_idx" ON "ReviewBallotException"("entryId");

-- CreateIndex
CREATE INDEX "ReviewEntryResult_entryId_idx" ON "ReviewEntryResult"("entryId");

-- CreateIndex
CREATE INDEX "Rectification_householdId_idx" ON "Rectification"("householdId");

-- CreateIndex
CREATE INDEX "Rectification_entryId_idx" ON "Rectification"("entryId");

-- CreateIndex
CREATE INDEX "Rectification_status_idx" ON "Rectification"("status");

-- CreateIndex
CREATE INDEX "Appeal_householdId_idx" ON "Appeal"("householdId");

-- CreateIndex
CREATE INDEX "Appeal_entryId_idx" ON "Appeal"("entryId");

-- CreateIndex
CREATE INDEX "Appeal_villageId_status_createdAt_idx" ON "Appeal"("villageId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "CivilizedFamilyAward_townshipId_year_status_idx" ON "CivilizedFamilyAward"("townshipId", "year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CivilizedFamilyAward_householdId_year_key" ON "CivilizedFamilyAward"("householdId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveExtract_code_key" ON "ArchiveExtract"("code");

-- CreateIndex
CREATE INDEX "ArchiveExtract_householdId_idx" ON "ArchiveExtract"("householdId");

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillagerGroup" ADD CONSTRAINT "VillagerGroup_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "VillagerGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_homeHouseholdId_fkey" FOREIGN KEY ("homeHouseholdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInAttempt" ADD CONSTRAINT "SignInAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVote" ADD CONSTRAINT "RuleSetVote_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetBallot" ADD CONSTRAINT "RuleSetBallot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "RuleSetVote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetBallot" ADD CONSTRAINT "RuleSetBallot_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryEvent" ADD CONSTRAINT "EntryEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryEvent" ADD CONSTRAINT "EntryEvent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidencePhoto" ADD CONSTRAINT "EvidencePhoto_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidencePhoto" ADD CONSTRAINT "EvidencePhoto_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlyReview" ADD CONSTRAINT "QuarterlyReview_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAttendance" ADD CONSTRAINT "ReviewAttendance_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QuarterlyReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAttendance" ADD CONSTRAINT "ReviewAttendance_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewBallot" ADD CONSTRAINT "ReviewBallot_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QuarterlyReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewBallot" ADD CONSTRAINT "ReviewBallot_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewBallotException" ADD CONSTRAINT "ReviewBallotException_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "ReviewBallot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewBallotException" ADD CONSTRAINT "ReviewBallotException_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEntryResult" ADD CONSTRAINT "ReviewEntryResult_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QuarterlyReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEntryResult" ADD CONSTRAINT "ReviewEntryResult_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilizedFamilyAward" ADD CONSTRAINT "CivilizedFamilyAward_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilizedFamilyAward" ADD CONSTRAINT "CivilizedFamilyAward_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveExtract" ADD CONSTRAINT "ArchiveExtract_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
