import { changeMyPassword as operation } from "@/lib/api/operations/me";
import { handle } from "@/lib/server/api/handle";
import { changeMyPassword } from "@/lib/server/accounts/change-password";
import { issueSessionToken, sessionSetCookie } from "@/lib/server/auth/session";

// Every other session ends with the change; this one carries on with a re-issued cookie.
export const POST = handle(operation, async ({ actor, body, context }) => {
  const { session } = await changeMyPassword(actor, body, context);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (session) headers.append("Set-Cookie", sessionSetCookie(await issueSessionToken(session)));
  return Response.json({ ok: true }, { headers });
});
