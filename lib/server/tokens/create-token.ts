import "server-only";
import { randomBytes } from "node:crypto";
import type { CreateTokenInput, CreatedToken } from "@/lib/schemas/tokens";
import { writeAudit } from "@/lib/server/audit";
import { assertStillAuthenticated, hashApiToken, type AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { tokenSelect, toTokenView } from "./token-view";

export const MAX_ACTIVE_TOKENS = 20;
const TOKEN_PREFIX = "fca_";
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

/**
 * Creates a personal API token for the actor's own account. Only its SHA-256 is stored: the
 * token is returned this once and can never be shown again.
 */
export async function createToken(actor: AuthenticatedActor, input: CreateTokenInput, context: RequestContext): Promise<CreatedToken> {
  authorize(actor, "tokens.manageOwn");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  const created = await db.$transaction(async (tx) => {
    // Serialises token creation per account, so two requests at once cannot both pass the limit,
    // and orders it with whatever ends the caller's session or token (which takes this lock too).
    await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${actor.id}::uuid FOR UPDATE`;
    await assertStillAuthenticated(tx, actor);
    const active = await tx.apiToken.count({ where: { accountId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("RULE_VIOLATION", "errors.tooManyTokens", { max: MAX_ACTIVE_TOKENS });
    }
    const row = await tx.apiToken.create({
      data: { accountId: actor.id, name: input.name, prefix, tokenHash: hashApiToken(token) },
      select: tokenSelect,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "token.create", targetType: "ApiToken", targetId: row.id,
      townshipId: actor.townshipId, villageId: actor.villageId,
      after: { name: row.name, prefix: row.prefix, accountId: actor.id },
    });
    return row;
  });
  return { ...toTokenView(created), token };
}
