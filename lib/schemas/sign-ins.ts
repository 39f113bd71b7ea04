import { z } from "zod";
import { DateTimeSchema, pageOf } from "./common";
import { RoleSchema } from "./me";

// An account's recent sign-ins, the access codes issued for it and the resets of its password,
// newest first, so that a household sees when someone entered its archive with a secret staff
// set — and who set it.

// TEMPORARY_PASSWORD: a password an official or admin set (a reset), not yet replaced.
export const SignInMethodSchema = z.enum(["PASSWORD", "ACCESS_CODE", "TEMPORARY_PASSWORD"]);

const IssuerSchema = z.object({
  displayName: z.string(),
  role: RoleSchema,
  place: z.string().nullable(), // the issuer's village, else township
});

export const SignInEventSchema = z.discriminatedUnion("kind", [
  // method is null for sign-ins recorded before methods were (it is known for every one since).
  z.object({ kind: z.literal("signIn"), at: DateTimeSchema, method: SignInMethodSchema.nullable(), address: z.string() }),
  z.object({ kind: z.literal("accessCodeIssued"), at: DateTimeSchema, issuer: IssuerSchema.nullable() }),
  z.object({ kind: z.literal("passwordReset"), at: DateTimeSchema, issuer: IssuerSchema.nullable() }),
]);
export type SignInEvent = z.infer<typeof SignInEventSchema>;

export const SignInHistorySchema = pageOf(SignInEventSchema);
export type SignInHistory = z.infer<typeof SignInHistorySchema>;
