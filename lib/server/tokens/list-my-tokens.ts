import "server-only";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { tokenSelect, toTokenView } from "./token-view";

// Active tokens are at most MAX_ACTIVE_TOKENS and always listed first; old revoked ones may drop off.
const LIST_LIMIT = 100;

/** The actor's own API tokens, active first, then the most recently revoked. */
export async function listMyTokens(actor: AuthenticatedActor) {
  authorize(actor, "tokens.manageOwn");
  const rows = await db.apiToken.findMany({
    where: { accountId: actor.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: tokenSelect,
    take: LIST_LIMIT,
  });
  return { tokens: rows.map(toTokenView) };
}
