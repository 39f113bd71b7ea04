-- CreateTable
CREATE TABLE "RuleSetVoteRosterMember" (
    "voteId" UUID NOT NULL,
    "representativeId" UUID NOT NULL,

    CONSTRAINT "RuleSetVoteRosterMember_pkey" PRIMARY KEY ("voteId","representativeId")
);

-- AddForeignKey
ALTER TABLE "RuleSetVoteRosterMember" ADD CONSTRAINT "RuleSetVoteRosterMember_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "RuleSetVote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVoteRosterMember" ADD CONSTRAINT "RuleSetVoteRosterMember_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: votes opened before the roster was stored get the roster their view showed, the
-- village's representatives who were active accounts when the vote opened, and anyone who voted.
INSERT INTO "RuleSetVoteRosterMember" ("voteId", "representativeId")
SELECT v.id, a.id
FROM "RuleSetVote" v
JOIN "RuleSet" s ON s.id = v."ruleSetId"
JOIN "Account" a ON a."villageId" = s."villageId" AND a.role = 'REPRESENTATIVE'
WHERE (a.active AND a."createdAt" <= v."createdAt")
   OR EXISTS (SELECT 1 FROM "RuleSetBallot" b WHERE b."voteId" = v.id AND b."representativeId" = a.id)
ON CONFLICT DO NOTHING;
