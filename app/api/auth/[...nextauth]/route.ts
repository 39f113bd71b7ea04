import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";
import { withSignInRetryHeaders } from "@/lib/server/auth/sign-in-retry-headers";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// A sign-in refused by the limits tells the client when to try again (Retry-After, RateLimit-*).
async function POST(request: Request, context: Context): Promise<Response> {
  return withSignInRetryHeaders(await handler(request, context));
}

export { handler as GET, POST };
