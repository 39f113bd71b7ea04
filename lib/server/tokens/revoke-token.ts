import "server-only";
import type { TokenView } from "@/lib/schemas/tokens";
import { writeAudit } from "@/lib/server/audit";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { tokenSelect, toTokenView } from "./token-view";

/**
 * Revokes one of the actor's own tokens. It stops working on the very next request, because
 * every request re-reads the token (resolve-actor.ts). Someone else's token answers 404.
 */
export async function revokeToken(actor: AuthenticatedActor, tokenId: string, context: RequestContext): Promise<TokenView> {
  authorize(actor, "tokens.manageOwn");
  const revoked = await db.$transaction(async (tx) => {
    // Ordered with token creation (create-token.ts): a token cannot mint another while it is being revoked.
    await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${actor.id}::uuid FOR UPDATE`;
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, accountId: actor.id }, select: { revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "errors.notFound");
    if (token.revokedAt) throw new AppError("CONFLICT", "errors.tokenAlreadyRevoked");
    const revokedAt = new Date();
    // The condition on revokedAt makes a concurrent second revocation a conflict, not a rewrite.
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt } });
    if (count !== 1) throw new AppError("CONFLICT", "errors.tokenAlreadyRevoked");
    const row = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: tokenSelect });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "token.revoke", targetType: "ApiToken", targetId: tokenId,
      townshipId: actor.townshipId, villageId: actor.villageId,
      before: { name: row.name, prefix: row.prefix, revokedAt: null },
      after: { name: row.name, prefix: row.prefix, revokedAt: revokedAt.toISOString() },
    });
    return row;
  });
  return toTokenView(revoked);
}
