"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { CreateAccountSchema, UpdateAccountSchema } from "@/lib/schemas/accounts";
import { IdSchema } from "@/lib/schemas/common";
import { createAccount } from "@/lib/server/accounts/create-account";
import { findHouseholdIdByArchiveNo } from "@/lib/server/accounts/find-household-by-archive-no";
import { resetAccountPassword } from "@/lib/server/accounts/reset-password";
import { setAccountActive } from "@/lib/server/accounts/set-account-active";
import { updateAccount } from "@/lib/server/accounts/update-account";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { AppError } from "@/lib/server/errors";
import { requestContextFrom } from "@/lib/server/request-context";

export type AccountFormState = ActionState & { values?: Record<string, string>; accountId?: string; displayName?: string };
export type ResetPasswordState = ActionState & { temporaryPassword?: string };

const FIELDS = ["role", "username", "displayName", "password", "townshipId", "villageId", "homeArchiveNo"] as const;

/** The form's own fields, without blanks (an empty select or text field means "not given"). */
function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    if (typeof value === "string" && value.trim() !== "") values[name] = value;
  }
  return values;
}

// A password typed into a form that failed is never sent back.
const echo = ({ password: _password, ...values }: Record<string, string>) => values;
// After a success the form keeps the role and place, ready for the next account of the village.
const place = (values: Record<string, string>) =>
  Object.fromEntries(["role", "townshipId", "villageId"].flatMap((k) => (values[k] ? [[k, values[k]]] : [])));

/**
 * The fields as the schemas take them. The form names a home household by the archive number
 * people know; the use cases take its id. No home household given means none.
 */
async function accountInput(actor: AuthenticatedActor, values: Record<string, string>) {
  const { homeArchiveNo, ...fields } = values;
  if (fields.role !== "CLERK" && fields.role !== "REPRESENTATIVE") return fields;
  if (!homeArchiveNo) return { ...fields, homeHouseholdId: null };
  const id = await findHouseholdIdByArchiveNo(actor, homeArchiveNo);
  if (!id) throw new AppError("INVALID_INPUT", "errors.invalidInput", undefined, { homeArchiveNo: "validation.homeArchiveNoUnknown" });
  return { ...fields, homeHouseholdId: id };
}

async function failure(error: unknown, values: Record<string, string>): Promise<AccountFormState> {
  const state = await actionError(error);
  // The use cases speak of the home household's id; the form asks for its archive number.
  const { homeHouseholdId, ...fieldErrors } = state.fieldErrors ?? {};
  return { ...state, fieldErrors: homeHouseholdId ? { ...fieldErrors, homeArchiveNo: homeHouseholdId } : fieldErrors, values: echo(values) };
}

export async function createAccountAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await requireActor("accounts.manage");
  const values = formValues(form);
  try {
    const input = CreateAccountSchema.parse(await accountInput(actor, values));
    const { account } = await createAccount(actor, input, requestContextFrom(await headers()));
    revalidatePath("/admin/accounts");
    return { ok: true, accountId: account.id, displayName: account.displayName, values: place(values) };
  } catch (error) {
    return failure(error, values);
  }
}

// Bound arguments (the account's id, the status to set) arrive from the client like any field:
// an action can be called with whatever its caller likes, so they are parsed too.
const SetActiveSchema = z.object({ id: IdSchema, active: z.boolean() });

export async function updateAccountAction(boundId: string, _prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await requireActor("accounts.manage");
  const values = formValues(form);
  try {
    const id = IdSchema.parse(boundId);
    const input = UpdateAccountSchema.parse(await accountInput(actor, values));
    await updateAccount(actor, id, input, requestContextFrom(await headers()));
    revalidatePath(`/admin/accounts/${id}`);
    return { ok: true };
  } catch (error) {
    return failure(error, values);
  }
}

export async function setAccountActiveAction(boundId: string, boundActive: boolean, _prev: ActionState, _form: FormData): Promise<ActionState> {
  const actor = await requireActor("accounts.manage");
  try {
    const { id, active } = SetActiveSchema.parse({ id: boundId, active: boundActive });
    await setAccountActive(actor, id, active, requestContextFrom(await headers()));
    revalidatePath(`/admin/accounts/${id}`);
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

export async function resetPasswordAction(boundId: string, _prev: ResetPasswordState, _form: FormData): Promise<ResetPasswordState> {
  const actor = await requireActor("accounts.manage");
  try {
    const id = IdSchema.parse(boundId);
    const { temporaryPassword } = await resetAccountPassword(actor, id, requestContextFrom(await headers()));
    revalidatePath(`/admin/accounts/${id}`);
    return { ok: true, temporaryPassword };
  } catch (error) {
    return actionError(error);
  }
}
