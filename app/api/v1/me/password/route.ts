import { changeMyPassword as operation } from "@/lib/api/operations/me";
import { changeMyPassword } from "@/lib/server/accounts/change-password";
import { handle } from "@/lib/server/api/handle";
import { jsonResponse } from "@/lib/server/api/json-response";
import { issueSessionToken, sessionSetCookie } from "@/lib/server/auth/session";

// Every other session ends with the change; this one carries on with a re-issued cookie.
export const POST = handle(operation, async ({ actor, body, context }) => {
  const { session } = await changeMyPassword(actor, body, context);
  return jsonResponse({ ok: true }, 200, session ? { "Set-Cookie": sessionSetCookie(await issueSessionToken(session)) } : {});
});
