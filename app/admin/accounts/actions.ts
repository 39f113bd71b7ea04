"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { CreateAccountSchema, UpdateAccountSchema } from "@/lib/schemas/accounts";
import { IdSchema } from "@/lib/schemas/common";
import { createAccount } from "@/lib/server/accounts/create-account";
import { findHouseholdIdByArchiveNo } from "@/lib/server/accounts/find-household-by-archive-no";
import { resetAccountPassword } from "@/lib/server/accounts/reset-password";
import { setAccountActive } from "@/lib/server/accounts/set-account-active";
import { updateAccount } from "@/lib/server/accounts/update-account";
import { defineAction, type ActionRequest } from "@/lib/server/actions/define-action";
import { formFields, typedValues } from "@/lib/server/actions/form-fields";
import { AppError } from "@/lib/server/errors";

// The account forms name a home household by the archive number people know; the use cases take
// its id. A refused form gets back what was typed, except the password.
const KEPT = ["role", "username", "displayName", "townshipId", "villageId", "homeArchiveNo"] as const;
const HomeFieldSchema = z.object({ homeArchiveNo: z.string().optional() });

/** The fields as the schemas take them; no home household given means none. */
async function accountInput(fields: Record<string, unknown>, { actor, form }: ActionRequest<unknown>) {
  if (fields.role !== "CLERK" && fields.role !== "REPRESENTATIVE") return fields;
  const { homeArchiveNo } = HomeFieldSchema.parse(formFields(form, HomeFieldSchema));
  if (!homeArchiveNo) return { ...fields, homeHouseholdId: null };
  const id = await findHouseholdIdByArchiveNo(actor, homeArchiveNo);
  if (!id) throw new AppError("INVALID_INPUT", "errors.invalidInput", undefined, { homeArchiveNo: "validation.homeArchiveNoUnknown" });
  return { ...fields, homeHouseholdId: id };
}

/** The use cases speak of the home household's id; the form asks for its archive number. */
function underArchiveNo<State extends ActionState>(state: State): State {
  const { homeHouseholdId, ...fieldErrors } = state.fieldErrors ?? {};
  return { ...state, fieldErrors: homeHouseholdId ? { ...fieldErrors, homeArchiveNo: homeHouseholdId } : fieldErrors };
}

export const createAccountAction = defineAction({
  permission: "accounts.manage",
  schema: CreateAccountSchema,
  input: accountInput,
  run: ({ actor, input, context }) => createAccount(actor, input, context),
  // The form keeps the role and place, ready for the next account of the village.
  answer: ({ account }, { form }) => ({
    accountId: account.id, displayName: account.displayName,
    values: Object.fromEntries(Object.entries(typedValues(form, ["role", "townshipId", "villageId"])).filter(([, v]) => v.trim() !== "")),
  }),
  revalidate: ["/admin/accounts"],
  keep: KEPT,
  refused: underArchiveNo,
});

export const updateAccountAction = defineAction({
  permission: "accounts.manage",
  args: z.tuple([IdSchema]),
  schema: UpdateAccountSchema,
  input: accountInput,
  run: ({ actor, args: [id], input, context }) => updateAccount(actor, id, input, context),
  revalidate: (_, { args: [id] }) => [`/admin/accounts/${id}`],
  keep: KEPT,
  refused: underArchiveNo,
});

export const setAccountActiveAction = defineAction({
  permission: "accounts.manage",
  args: z.tuple([IdSchema, z.boolean()]), // the account, the status to set
  run: ({ actor, args: [id, active], context }) => setAccountActive(actor, id, active, context),
  revalidate: (_, { args: [id] }) => [`/admin/accounts/${id}`],
});

export const resetPasswordAction = defineAction({
  permission: "accounts.manage",
  args: z.tuple([IdSchema]),
  run: ({ actor, args: [id], context }) => resetAccountPassword(actor, id, context),
  answer: ({ temporaryPassword }) => ({ temporaryPassword }),
  revalidate: (_, { args: [id] }) => [`/admin/accounts/${id}`],
});
