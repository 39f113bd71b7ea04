import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * Locks the review row until the transaction ends and refuses unless it is still OPEN. Every
 * write to a review takes this lock first, so attendance or a ballot racing the close either
 * lands before it (and is counted) or is refused after it — never written to a closed review.
 */
export async function lockOpenReview(tx: Prisma.TransactionClient, reviewId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "QuarterlyReview" WHERE "id" = ${reviewId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  if (row.status !== "OPEN") throw new AppError("CONFLICT", "errors.reviewClosed");
}
