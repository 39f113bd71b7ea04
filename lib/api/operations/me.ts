import { defineOperation } from "@/lib/api/operation";
import { PageQuerySchema } from "@/lib/schemas/common";
import { ChangePasswordSchema, MeSchema, OkSchema } from "@/lib/schemas/me";
import { SignInHistorySchema } from "@/lib/schemas/sign-ins";

export const getMe = defineOperation({
  id: "getMe", method: "GET", path: "/me", tag: "me", permission: "me.read",
  summary: "The signed-in account: role and scope as the server sees them now",
  response: MeSchema,
});

export const changeMyPassword = defineOperation({
  id: "changeMyPassword", method: "POST", path: "/me/password", tag: "me", permission: "me.changePassword",
  summary: "Change one's own password (or choose one after signing in with an access code); ends every other session and revokes every API token of the account",
  body: ChangePasswordSchema, response: OkSchema,
});

export const listMySignIns = defineOperation({
  id: "listMySignIns", method: "GET", path: "/me/sign-ins", tag: "me", permission: "me.read",
  summary: "One's own recent sign-ins (time, method, address) and the access codes issued for the account, with who issued each",
  query: PageQuerySchema, response: SignInHistorySchema,
});
