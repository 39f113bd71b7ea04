import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { readSessionToken } from "./session";

// What authenticated the request, so that a write can check it is still valid when it commits.
export type Credential = { via: "session"; signedInAt: Date } | { via: "token"; tokenId: string };
export type AuthenticatedActor = Actor & Credential & {
  mustChangePassword: boolean;
  /** Where the primary's WAL stood after this account's latest write (lib/server/read-routing). */
  lastWriteLsn: bigint | null;
};

const actorSelect = {
  id: true, username: true, displayName: true, role: true, townshipId: true, villageId: true,
  householdId: true, homeHouseholdId: true, active: true, mustChangePassword: true, lastWriteLsn: true,
} as const;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The caller of a request, from a personal API token (Authorization: Bearer …) or the session
 * cookie, re-read from the database every time: a deactivated account or a changed role takes
 * effect on the very next request.
 */
export async function resolveActor(authorization: string | null, sessionToken: string | undefined): Promise<AuthenticatedActor | null> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await db.apiToken.findUnique({
      where: { tokenHash: hashApiToken(bearer) },
      select: { id: true, revokedAt: true, lastUsedAt: true, account: { select: actorSelect } },
    });
    if (!token || token.revokedAt || !token.account.active || token.account.role === "HOUSEHOLD") return null;
    await touchToken(token.id, token.lastUsedAt);
    return toActor(token.account, { via: "token", tokenId: token.id }, false);
  }
  const session = await readSessionToken(sessionToken);
  if (!session) return null;
  const account = await db.account.findUnique({
    where: { id: session.accountId },
    select: { ...actorSelect, sessionsValidFrom: true },
  });
  if (!account?.active) return null;
  // A password change, reset, deactivation or reactivation ends the sessions signed in before it.
  if (account.sessionsValidFrom && session.signedInAt < account.sessionsValidFrom) return null;
  return toActor(account, { via: "session", signedInAt: session.signedInAt }, session.viaAccessCode);
}

/**
 * For a write that hands out a credential (a token, a new password), inside its transaction and
 * after it has locked the account row: refuses the caller whose session or token has ended since
 * resolveActor read it — a reset, a deactivation or a revocation that committed in between
 * takes the same lock, so it is either seen here or ordered after the write (and undoes it).
 */
export async function assertStillAuthenticated(tx: Prisma.TransactionClient, actor: AuthenticatedActor): Promise<void> {
  const account = await tx.account.findUnique({ where: { id: actor.id }, select: { active: true, sessionsValidFrom: true } });
  const valid = !!account?.active && (actor.via === "token"
    ? (await tx.apiToken.findUnique({ where: { id: actor.tokenId }, select: { revokedAt: true } }))?.revokedAt === null
    : !account.sessionsValidFrom || actor.signedInAt >= account.sessionsValidFrom);
  if (!valid) throw new AppError("UNAUTHENTICATED", "errors.unauthenticated");
}

type ActorRow = { active: boolean; mustChangePassword: boolean; lastWriteLsn: bigint | null } & Omit<Actor, "viaAccessCode">;

function toActor(account: ActorRow, credential: Credential, viaAccessCode: boolean): AuthenticatedActor {
  return {
    id: account.id, username: account.username, displayName: account.displayName, role: account.role,
    townshipId: account.townshipId, villageId: account.villageId, householdId: account.householdId,
    homeHouseholdId: account.homeHouseholdId, mustChangePassword: account.mustChangePassword,
    lastWriteLsn: account.lastWriteLsn, ...credential,
    // A session begun with a secret staff issued (an access code, a temporary password); a
    // token is never one: households hold no API tokens.
    viaAccessCode,
  };
}

// Recording every use would turn each read into a write; once a minute is precise enough.
async function touchToken(id: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date() }, select: { id: true } });
}
