-- AlterEnum
ALTER TYPE "AwardStatus" ADD VALUE 'DECLINED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ExtractStatus" ADD VALUE 'REQUESTED';
ALTER TYPE "ExtractStatus" ADD VALUE 'DECLINED';

-- AlterTable
ALTER TABLE "ArchiveExtract" DROP COLUMN "summary",
ADD COLUMN     "content" JSONB,
ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "declinedReason" TEXT,
ADD COLUMN     "jws" TEXT,
ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "revokedById" UUID,
ADD COLUMN     "settingsId" UUID,
ADD COLUMN     "townshipId" UUID NOT NULL;

-- AlterTable
ALTER TABLE "CivilizedFamilyAward" ADD COLUMN     "assessment" JSONB,
ADD COLUMN     "decisionReason" TEXT,
ADD COLUMN     "settingsId" UUID;

-- CreateTable
CREATE TABLE "TownshipSettings" (
    "id" UUID NOT NULL,
    "townshipId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "weightRed" INTEGER NOT NULL DEFAULT 1,
    "weightYellow" INTEGER NOT NULL DEFAULT 1,
    "weightBlack" INTEGER NOT NULL DEFAULT 3,
    "civilizedMinReds" INTEGER NOT NULL DEFAULT 1,
    "noticePeriodDays" INTEGER NOT NULL DEFAULT 7,
    "noticeHidesNegativeDetail" BOOLEAN NOT NULL DEFAULT true,
    "honourBoardEnabled" BOOLEAN NOT NULL DEFAULT false,
    "extractValidityDays" INTEGER NOT NULL DEFAULT 180,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TownshipSettings_pkey" PRIMARY KEY ("id")
);

-- Each township's settings so far become its first version, in force since it was set up.
INSERT INTO "TownshipSettings" ("id", "townshipId", "effectiveFrom", "weightRed", "weightYellow", "weightBlack",
  "civilizedMinReds", "noticePeriodDays", "noticeHidesNegativeDetail", "honourBoardEnabled", "reason", "createdAt")
SELECT gen_random_uuid(), t."id", ((t."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date, t."weightRed", t."weightYellow", t."weightBlack",
  t."civilizedMinReds", t."noticePeriodDays", t."noticeHidesNegativeDetail", t."honourBoardEnabled", NULL, t."createdAt"
FROM "Township" t;

-- AlterTable
ALTER TABLE "Township" DROP COLUMN "civilizedMinReds",
DROP COLUMN "honourBoardEnabled",
DROP COLUMN "noticeHidesNegativeDetail",
DROP COLUMN "noticePeriodDays",
DROP COLUMN "weightBlack",
DROP COLUMN "weightRed",
DROP COLUMN "weightYellow";

-- CreateTable
CREATE TABLE "HouseholdScore" (
    "householdId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "townshipId" UUID NOT NULL,
    "villageId" UUID NOT NULL,
    "redMarks" INTEGER NOT NULL,
    "activeYellowMarks" INTEGER NOT NULL,
    "blackMarks" INTEGER NOT NULL,
    "unrectifiedYellows" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "settingsId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdScore_pkey" PRIMARY KEY ("householdId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "TownshipSettings_townshipId_effectiveFrom_key" ON "TownshipSettings"("townshipId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "HouseholdScore_townshipId_year_score_idx" ON "HouseholdScore"("townshipId", "year", "score");

-- CreateIndex
CREATE INDEX "HouseholdScore_villageId_year_score_idx" ON "HouseholdScore"("villageId", "year", "score");

-- CreateIndex
CREATE INDEX "ArchiveExtract_townshipId_status_requestedAt_idx" ON "ArchiveExtract"("townshipId", "status", "requestedAt");

-- AddForeignKey
ALTER TABLE "TownshipSettings" ADD CONSTRAINT "TownshipSettings_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdScore" ADD CONSTRAINT "HouseholdScore_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdScore" ADD CONSTRAINT "HouseholdScore_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdScore" ADD CONSTRAINT "HouseholdScore_settingsId_fkey" FOREIGN KEY ("settingsId") REFERENCES "TownshipSettings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilizedFamilyAward" ADD CONSTRAINT "CivilizedFamilyAward_settingsId_fkey" FOREIGN KEY ("settingsId") REFERENCES "TownshipSettings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveExtract" ADD CONSTRAINT "ArchiveExtract_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveExtract" ADD CONSTRAINT "ArchiveExtract_settingsId_fkey" FOREIGN KEY ("settingsId") REFERENCES "TownshipSettings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A settings version is never edited or deleted: a change is a new version (hand-written,
-- docs/decisions/0008-threat-model.md).
CREATE TRIGGER "TownshipSettings_append_only" BEFORE UPDATE ON "TownshipSettings"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_update"();
CREATE TRIGGER "TownshipSettings_no_delete" BEFORE DELETE ON "TownshipSettings"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_delete"();

-- What an issued extract says and its signature never change; only its revocation may follow, once.
CREATE FUNCTION "extract_refuse_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'archive extracts are never deleted (%)', OLD.id;
  END IF;
  IF OLD."jws" IS NOT NULL AND (NEW."content" IS DISTINCT FROM OLD."content" OR NEW."jws" IS DISTINCT FROM OLD."jws"
      OR NEW."keyId" IS DISTINCT FROM OLD."keyId" OR NEW."code" IS DISTINCT FROM OLD."code"
      OR NEW."householdId" IS DISTINCT FROM OLD."householdId" OR NEW."validUntil" IS DISTINCT FROM OLD."validUntil"
      OR NEW."issuedAt" IS DISTINCT FROM OLD."issuedAt") THEN
    RAISE EXCEPTION 'an issued archive extract cannot be rewritten (%); revoke it and issue a new one', OLD.id;
  END IF;
  -- Its revocation is one step, ISSUED → REVOKED with who, when and why, and then final: it can
  -- neither be undone nor its record changed or erased.
  IF OLD."jws" IS NOT NULL AND (NEW."status" IS DISTINCT FROM OLD."status"
      OR NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" OR NEW."revokedById" IS DISTINCT FROM OLD."revokedById"
      OR NEW."revokedReason" IS DISTINCT FROM OLD."revokedReason") THEN
    IF NOT (OLD."status" = 'ISSUED' AND NEW."status" = 'REVOKED'
        AND OLD."revokedAt" IS NULL AND OLD."revokedById" IS NULL AND OLD."revokedReason" IS NULL
        AND NEW."revokedAt" IS NOT NULL AND NEW."revokedById" IS NOT NULL AND NEW."revokedReason" IS NOT NULL) THEN
      RAISE EXCEPTION 'an issued archive extract can only be revoked once, with who, when and why (%); a revocation is final', OLD.id;
    END IF;
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER "ArchiveExtract_no_rewrite" BEFORE UPDATE OR DELETE ON "ArchiveExtract"
  FOR EACH ROW EXECUTE FUNCTION "extract_refuse_rewrite"();
