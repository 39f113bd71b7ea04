import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requestContextFrom } from "@/lib/server/request-context";
import { SESSION_MAX_AGE_S, sessionPayload } from "./session";
import { endSessions } from "./end-sessions";
import { signIn } from "./sign-in";

// next-auth v4, credentials only, JWT sessions (docs/decisions/0003). A refused sign-in throws
// an Error whose message is JSON ({ reason, retryAt }); the sign-in form turns it into words.

// What authorize hands to the jwt callback: the account, how it proved itself and when. The time
// is the one signIn took under the account's lock, not the jwt callback's: a reset committed in
// between must still end this session (sign-in-steps.ts).
type SignedInUser = User & { viaAccessCode: boolean; signedInAt: number };
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const username = credentials?.username ?? "";
        const password = credentials?.password ?? "";
        if (!username || !password) throw new Error(JSON.stringify({ reason: "INVALID" }));
        const result = await signIn(username, password, requestContextFrom(new Headers(req.headers as Record<string, string>)));
        if (!result.ok) throw new Error(JSON.stringify({ reason: result.reason, retryAt: result.retryAt?.toISOString() }));
        // A code or a password staff set: whoever issued it may be the one signing in.
        const user: SignedInUser = { id: result.accountId, viaAccessCode: result.method !== "PASSWORD", signedInAt: result.signedInAt.getTime() };
        return user;
      },
    }),
  ],
  events: {
    // Signing out ends the session on the server too, so a cookie renewed by a request that was
    // still in flight cannot bring it back. It signs the account out on every device.
    async signOut({ token }) {
      if (typeof token?.sub === "string") await endSessions(token.sub);
    },
  },
  callbacks: {
    // Only who signed in, when and how go into the token; see session.ts and resolve-actor.ts.
    jwt: ({ token, user }) => {
      if (!user) return token;
      const { signedInAt, viaAccessCode } = user as Partial<SignedInUser>;
      return sessionPayload({ accountId: user.id, signedInAt: new Date(signedInAt ?? 0), viaAccessCode: viaAccessCode === true });
    },
  },
};
