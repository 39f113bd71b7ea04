-- CreateEnum
CREATE TYPE "DigestReason" AS ENUM ('DAILY', 'REVIEW_CLOSED', 'MANUAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EntryEventType" ADD VALUE 'APPEAL_LODGED';
ALTER TYPE "EntryEventType" ADD VALUE 'APPEAL_DISMISSED';
ALTER TYPE "EntryEventType" ADD VALUE 'RECTIFICATION_REQUESTED';
ALTER TYPE "EntryEventType" ADD VALUE 'RECTIFICATION_DECLINED';

-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "filedViaAccessCode" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "filedViaAccessCode" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TownshipDigest" (
    "id" UUID NOT NULL,
    "townshipId" UUID NOT NULL,
    "digest" TEXT NOT NULL,
    "households" INTEGER NOT NULL,
    "reason" "DigestReason" NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "baseId" UUID,
    "depth" INTEGER NOT NULL,
    "heads" JSONB NOT NULL,

    CONSTRAINT "TownshipDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TownshipDigest_townshipId_takenAt_idx" ON "TownshipDigest"("townshipId", "takenAt");

-- CreateIndex
CREATE INDEX "TownshipDigest_townshipId_digest_idx" ON "TownshipDigest"("townshipId", "digest");

-- AddForeignKey
ALTER TABLE "EntryEvent" ADD CONSTRAINT "EntryEvent_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "Appeal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryEvent" ADD CONSTRAINT "EntryEvent_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TownshipDigest" ADD CONSTRAINT "TownshipDigest_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES "Township"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TownshipDigest" ADD CONSTRAINT "TownshipDigest_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "TownshipDigest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
