import type { Targets } from "./targets";

// The benchmark signs in as real accounts of the database, through the product's own code:
// a session as the sign-in flow issues it (next-auth's JWT, with the server's secret made for
// this run), read back by the same resolveActor every request goes through; for the clerk and
// the official, a personal API token made by the API-token use case under that session
// (households hold no tokens: they use the session). The tokens are revoked at the end.

type Headers = Record<string, string>;

/** Headers that sign a request in: a token for the API, the session cookie for pages (which take no token). */
export type Credentials = {
  clerk: { api: Headers; page: Headers };
  official: { api: Headers; page: Headers };
  household: Headers;
  /** An administrator's token, when asked for (the health report's details are an ADMIN's). */
  admin: Headers | null;
  revoke: () => Promise<void>;
};

const context = { ip: "127.0.0.1", userAgent: "npm run bench" };

/** Call with DATABASE_URL and NEXTAUTH_SECRET of the server under test in process.env. */
export async function signIn(targets: Targets, options: { adminId?: string } = {}): Promise<Credentials> {
  const { issueSessionToken, sessionCookieName } = await import("@/lib/server/auth/session");
  const { resolveActor } = await import("@/lib/server/auth/resolve-actor");
  const { createToken } = await import("@/lib/server/tokens/create-token");
  const { revokeToken } = await import("@/lib/server/tokens/revoke-token");
  const { db } = await import("@/lib/server/db");

  const session = (accountId: string) => issueSessionToken({ accountId, signedInAt: new Date(), viaAccessCode: false });
  const cookie = async (accountId: string) => ({ cookie: `${sessionCookieName()}=${await session(accountId)}` });
  const actorOf = async (accountId: string) => {
    const actor = await resolveActor(null, await session(accountId));
    if (!actor) throw new Error(`account ${accountId} cannot sign in`);
    return actor;
  };
  const made: { actor: Awaited<ReturnType<typeof actorOf>>; tokenId: string }[] = [];
  const bearer = async (accountId: string) => {
    const actor = await actorOf(accountId);
    const created = await createToken(actor, { name: `bench ${new Date().toISOString()}` }, context);
    made.push({ actor, tokenId: created.id });
    return { authorization: `Bearer ${created.token}` };
  };
  const revoke = async () => {
    for (const { actor, tokenId } of made.splice(0)) await revokeToken(actor, tokenId, context);
    await db.$disconnect(); // an open pool would keep the benchmark alive after it ends
  };
  try {
    return {
      clerk: { api: await bearer(targets.clerk.id), page: await cookie(targets.clerk.id) },
      official: { api: await bearer(targets.official.id), page: await cookie(targets.official.id) },
      household: await cookie(targets.householdAccount.id),
      admin: options.adminId ? await bearer(options.adminId) : null,
      revoke,
    };
  } catch (error) {
    await revoke();
    throw error;
  }
}
