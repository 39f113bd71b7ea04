import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema, PageQuerySchema } from "@/lib/schemas/common";
import { CreatedTokenSchema, CreateTokenSchema, TokenListSchema, TokenSchema } from "@/lib/schemas/tokens";

export const listMyTokens = defineOperation({
  id: "listMyTokens", method: "GET", path: "/tokens", tag: "tokens", permission: "tokens.manageOwn",
  summary: "One's own personal API tokens (never the tokens themselves), active first",
  query: PageQuerySchema, response: TokenListSchema,
});

export const createToken = defineOperation({
  id: "createToken", method: "POST", path: "/tokens", tag: "tokens", permission: "tokens.manageOwn",
  summary: "Create a personal API token; the response holds the token, shown this once (at most 20 active)",
  body: CreateTokenSchema, response: CreatedTokenSchema, status: 201,
});

export const revokeToken = defineOperation({
  id: "revokeToken", method: "POST", path: "/tokens/{id}/revoke", tag: "tokens", permission: "tokens.manageOwn",
  summary: "Revoke one of one's own tokens; it stops working on the next request",
  params: IdParamsSchema, response: TokenSchema,
});
