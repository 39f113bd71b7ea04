import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { readSessionToken } from "./session";

export type AuthenticatedActor = Actor & { via: "session" | "token"; mustChangePassword: boolean };

const actorSelect = {
  id: true, username: true, displayName: true, role: true, townshipId: true, villageId: true,
  householdId: true, homeHouseholdId: true, active: true, mustChangePassword: true,
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
    return toActor(token.account, "token", false);
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
  return toActor(account, "session", session.viaAccessCode);
}

type ActorRow = { active: boolean; mustChangePassword: boolean } & Omit<Actor, "viaAccessCode">;

function toActor(account: ActorRow, via: AuthenticatedActor["via"], viaAccessCode: boolean): AuthenticatedActor {
  return {
    id: account.id, username: account.username, displayName: account.displayName, role: account.role,
    townshipId: account.townshipId, villageId: account.villageId, householdId: account.householdId,
    homeHouseholdId: account.homeHouseholdId, mustChangePassword: account.mustChangePassword, via,
    // Only households sign in with access codes, and households hold no API tokens.
    viaAccessCode,
  };
}

// Recording every use would turn each read into a write; once a minute is precise enough.
async function touchToken(id: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date() }, select: { id: true } });
}
