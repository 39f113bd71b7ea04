-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "lastWriteLsn" BIGINT;
