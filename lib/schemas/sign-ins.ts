import { z } from "zod";
import { DateTimeSchema } from "./common";
import { RoleSchema } from "./me";

// An account's recent sign-ins and the access codes issued for it, newest first, so that a
// household sees when someone entered its archive with a code — and who issued that code.

export const SignInMethodSchema = z.enum(["PASSWORD", "ACCESS_CODE"]);

const IssuerSchema = z.object({
  displayName: z.string(),
  role: RoleSchema,
  place: z.string().nullable(), // the issuer's village, else township
});

export const SignInEventSchema = z.discriminatedUnion("kind", [
  // method is null for sign-ins recorded before methods were (it is known for every one since).
  z.object({ kind: z.literal("signIn"), at: DateTimeSchema, method: SignInMethodSchema.nullable(), address: z.string() }),
  z.object({ kind: z.literal("accessCodeIssued"), at: DateTimeSchema, issuer: IssuerSchema.nullable() }),
]);
export type SignInEvent = z.infer<typeof SignInEventSchema>;

export const SignInHistorySchema = z.object({ items: z.array(SignInEventSchema) });
export type SignInHistory = z.infer<typeof SignInHistorySchema>;
