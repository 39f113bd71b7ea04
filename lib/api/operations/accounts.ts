import { defineOperation } from "@/lib/api/operation";
import {
  AccountListSchema, AccountSchema, CreateAccountResultSchema, CreateAccountSchema, IssueAccessCodeResultSchema,
  ListAccountsQuerySchema, ResetPasswordResultSchema, UpdateAccountSchema,
} from "@/lib/schemas/accounts";
import { IdParamsSchema } from "@/lib/schemas/common";

export const listAccounts = defineOperation({
  id: "listAccounts", method: "GET", path: "/accounts", tag: "accounts", permission: "accounts.read",
  summary: "Accounts within the caller's scope, filtered by role, village, text and state, paged",
  query: ListAccountsQuerySchema, response: AccountListSchema,
});

export const createAccount = defineOperation({
  id: "createAccount", method: "POST", path: "/accounts", tag: "accounts", permission: "accounts.manage", status: 201,
  summary: "Create an account; a household account gets a one-time access code, returned once",
  body: CreateAccountSchema, response: CreateAccountResultSchema,
});

export const getAccount = defineOperation({
  id: "getAccount", method: "GET", path: "/accounts/{id}", tag: "accounts", permission: "accounts.read",
  summary: "One account within the caller's scope",
  params: IdParamsSchema, response: AccountSchema,
});

export const updateAccount = defineOperation({
  id: "updateAccount", method: "PATCH", path: "/accounts/{id}", tag: "accounts", permission: "accounts.manage",
  summary: "Change an account's display name, role, village or home household",
  params: IdParamsSchema, body: UpdateAccountSchema, response: AccountSchema,
});

export const deactivateAccount = defineOperation({
  id: "deactivateAccount", method: "POST", path: "/accounts/{id}/deactivate", tag: "accounts", permission: "accounts.manage",
  summary: "Deactivate an account; its next request is refused",
  params: IdParamsSchema, response: AccountSchema,
});

export const reactivateAccount = defineOperation({
  id: "reactivateAccount", method: "POST", path: "/accounts/{id}/reactivate", tag: "accounts", permission: "accounts.manage",
  summary: "Reactivate a deactivated account",
  params: IdParamsSchema, response: AccountSchema,
});

export const resetAccountPassword = defineOperation({
  id: "resetAccountPassword", method: "POST", path: "/accounts/{id}/reset-password", tag: "accounts", permission: "accounts.manage",
  summary: "Set a temporary password, returned once; it must be changed at the next sign-in",
  params: IdParamsSchema, response: ResetPasswordResultSchema,
});

export const issueAccessCode = defineOperation({
  id: "issueAccessCode", method: "POST", path: "/households/{id}/access-code", tag: "accounts",
  permission: "accounts.issueAccessCode",
  summary: "Issue a household a one-time access code (creating its account if needed), returned once",
  params: IdParamsSchema, response: IssueAccessCodeResultSchema,
});
