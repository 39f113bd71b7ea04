-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('PASSWORD', 'ACCESS_CODE');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "usernameKey" TEXT;

-- AlterTable
ALTER TABLE "SignInAttempt" ADD COLUMN     "locksUntil" TIMESTAMP(3),
ADD COLUMN     "method" "SignInMethod";

-- Backfill (hand-written): the sign-in key of every existing account, as
-- lib/domain/username-key.ts computes it (NFKC, trim, lower case). Usernames were already unique
-- case-insensitively, so the unique index below holds; if it does not, two accounts share a
-- sign-in name and one must be renamed before migrating.
UPDATE "Account" SET "usernameKey" = lower(btrim(normalize("username", NFKC)));

-- A row written without the key (a script, a test fixture, SQL by hand) gets it here, so no
-- account is unreachable by sign-in. The app always sets it itself; this only fills a gap, and
-- follows a changed username whose key was not changed with it.
CREATE FUNCTION "account_fill_username_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."usernameKey" IS NULL
     OR (TG_OP = 'UPDATE' AND NEW."username" IS DISTINCT FROM OLD."username"
         AND NEW."usernameKey" IS NOT DISTINCT FROM OLD."usernameKey") THEN
    NEW."usernameKey" := lower(btrim(normalize(NEW."username", NFKC)));
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Account_fill_username_key" BEFORE INSERT OR UPDATE ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "account_fill_username_key"();

-- Backfill (hand-written): how earlier successful sign-ins proved themselves. The attempt and
-- its audit record were written in one transaction, so they share the timestamp.
UPDATE "SignInAttempt" AS s SET "method" = CASE WHEN EXISTS (
    SELECT 1 FROM "AuditLog" AS a
    WHERE a."actorId" = s."accountId" AND a."createdAt" = s."createdAt" AND a."action" = 'auth.signIn.accessCode'
  ) THEN 'ACCESS_CODE'::"SignInMethod" ELSE 'PASSWORD'::"SignInMethod" END
WHERE s."succeeded";

-- CreateIndex
CREATE UNIQUE INDEX "Account_usernameKey_key" ON "Account"("usernameKey");

-- CreateIndex
CREATE INDEX "SignInAttempt_accountId_createdAt_idx" ON "SignInAttempt"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_accountId_ip_createdAt_idx" ON "SignInAttempt"("accountId", "ip", "createdAt");
