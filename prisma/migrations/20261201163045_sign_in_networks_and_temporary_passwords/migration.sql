-- AlterEnum
ALTER TYPE "SignInMethod" ADD VALUE 'TEMPORARY_PASSWORD';

-- DropIndex
DROP INDEX "SignInAttempt_accountId_ip_createdAt_idx";

-- DropIndex
DROP INDEX "SignInAttempt_ip_createdAt_idx";

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "passwordSetByStaff" BOOLEAN NOT NULL DEFAULT false;

-- Backfill (hand-written): a password that must still be changed was set by staff (a reset or
-- a new staff account) — or, rarely, is a household's own after it signed in with a code. Such
-- sign-ins are marked as staff could have made them, which errs on the side of showing them.
UPDATE "Account" SET "passwordSetByStaff" = true WHERE "mustChangePassword" AND "passwordHash" IS NOT NULL;

-- AlterTable (hand-written: filled before it becomes required)
ALTER TABLE "SignInAttempt" ADD COLUMN     "network" TEXT;

-- Backfill (hand-written): the address for IPv4 (and "unknown"), its /64 for IPv6, written as
-- lib/domain/client-address.ts addressNetwork writes it (PostgreSQL's inet text is the same
-- compressed form). An address older rows hold that is not one is kept as it is.
CREATE FUNCTION pg_temp.sign_in_network(ip TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
BEGIN
  IF position(':' IN ip) = 0 THEN RETURN ip; END IF;
  RETURN network(set_masklen(ip::inet, 64))::text;
EXCEPTION WHEN others THEN
  RETURN ip;
END
$$;
UPDATE "SignInAttempt" SET "network" = pg_temp.sign_in_network("ip");
ALTER TABLE "SignInAttempt" ALTER COLUMN "network" SET NOT NULL;

-- CreateIndex
CREATE INDEX "SignInAttempt_network_createdAt_idx" ON "SignInAttempt"("network", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_accountId_network_createdAt_idx" ON "SignInAttempt"("accountId", "network", "createdAt");
