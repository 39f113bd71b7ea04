"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateAccountAction } from "@/app/admin/accounts/actions";
import type { AccountFormState } from "@/lib/action-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PlacementFields, type Option } from "./placement-fields";

type Props = {
  accountId: string;
  // Null for a household account: its role and place follow its household.
  placement: { roles: readonly Role[]; villages: Option[]; townships: Option[] } | null;
  defaults: { displayName: string; role: Role; townshipId?: string; villageId?: string; homeArchiveNo?: string };
};

export function EditAccountForm({ accountId, placement, defaults }: Props) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(updateAccountAction.bind(null, accountId), {});
  const values = { ...defaults, ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" data-testid="edit-account-form">
      <Field id="edit-name" label={t("displayName")} error={errors.displayName}>
        <input {...fieldProps("edit-name", errors.displayName)} name="displayName" required maxLength={60}
          defaultValue={values.displayName} className={inputClass} />
      </Field>
      {placement ? (
        <PlacementFields key={JSON.stringify(values)} {...placement} errors={errors} defaults={{ ...values, role: values.role as Role }} />
      ) : null}
      <FormStatus state={state} success={t("saved")} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
