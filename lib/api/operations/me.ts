import { defineOperation } from "@/lib/api/operation";
import { ChangePasswordSchema, MeSchema, OkSchema } from "@/lib/schemas/me";

export const getMe = defineOperation({
  id: "getMe", method: "GET", path: "/me", tag: "me", permission: "me.read",
  summary: "The signed-in account: role and scope as the server sees them now",
  response: MeSchema,
});

export const changeMyPassword = defineOperation({
  id: "changeMyPassword", method: "POST", path: "/me/password", tag: "me", permission: "me.changePassword",
  summary: "Change one's own password (or choose one after signing in with an access code)",
  body: ChangePasswordSchema, response: OkSchema,
});
