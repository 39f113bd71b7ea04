import { z } from "zod";
import { DateTimeSchema, pageOf, singleLineText } from "./common";

export const CreateTokenSchema = z.object({
  name: singleLineText("validation.tokenNameRequired")
    .min(1, { error: "validation.tokenNameRequired" })
    .max(60, { error: "validation.tokenNameTooLong" }),
});
export type CreateTokenInput = z.infer<typeof CreateTokenSchema>;

// Never the hash: a token is identified by its name and the first characters shown here.
export const TokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the token, to recognise it"),
  createdAt: DateTimeSchema,
  lastUsedAt: DateTimeSchema.nullable(),
  revokedAt: DateTimeSchema.nullable(),
});
export type TokenView = z.infer<typeof TokenSchema>;

export const TokenListSchema = pageOf(TokenSchema);

export const CreatedTokenSchema = TokenSchema.extend({
  token: z.string().describe("The token itself. It is shown this once and cannot be retrieved later."),
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
