-- AlterTable
ALTER TABLE "QuarterlyReview" ADD COLUMN     "closingDigest" TEXT,
ADD COLUMN     "minutes" TEXT;

-- AlterTable
ALTER TABLE "ReviewAttendance" ADD COLUMN     "recordedById" UUID;

-- AlterTable
ALTER TABLE "ReviewBallot" ADD COLUMN     "enteredById" UUID;

-- AlterTable
ALTER TABLE "ReviewBallotException" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "RuleSetBallot" ADD COLUMN     "enteredById" UUID;

-- AlterTable
ALTER TABLE "RuleSetVote" ADD COLUMN     "abstain" INTEGER,
ADD COLUMN     "approve" INTEGER,
ADD COLUMN     "attendees" INTEGER,
ADD COLUMN     "closedById" UUID,
ADD COLUMN     "reject" INTEGER;

-- CreateTable
CREATE TABLE "ReviewRosterMember" (
    "reviewId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,
    "homeHouseholdId" UUID,

    CONSTRAINT "ReviewRosterMember_pkey" PRIMARY KEY ("reviewId","representativeId")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "reviewId" UUID NOT NULL,
    "entryId" UUID NOT NULL,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("reviewId","entryId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewItem_entryId_key" ON "ReviewItem"("entryId");

-- AddForeignKey
ALTER TABLE "ReviewRosterMember" ADD CONSTRAINT "ReviewRosterMember_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QuarterlyReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRosterMember" ADD CONSTRAINT "ReviewRosterMember_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "QuarterlyReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
