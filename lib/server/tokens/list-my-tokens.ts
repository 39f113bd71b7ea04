import "server-only";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { pageEnvelope, pageWindow, type Paging } from "@/lib/server/paging";
import { tokenSelect, toTokenView } from "./token-view";

/** The actor's own API tokens, active first, then the most recently revoked. */
export async function listMyTokens(actor: AuthenticatedActor, paging: Paging = {}) {
  authorize(actor, "tokens.manageOwn");
  const where = { accountId: actor.id };
  const [rows, total] = await Promise.all([
    db.apiToken.findMany({
      where, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      select: tokenSelect, ...pageWindow(paging),
    }),
    db.apiToken.count({ where }),
  ]);
  return pageEnvelope(rows.map(toTokenView), total, paging);
}
