"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import { Field, fieldProps, inputClass } from "@/components/ui/field";

export type Option = { id: string; label: string };

type Props = {
  roles: readonly Role[];
  villages: Option[];
  townships: Option[]; // offered to admins only; an official's accounts stay in its township
  defaults: { role: Role; townshipId?: string; villageId?: string; homeArchiveNo?: string };
  errors: Record<string, string>;
};

/** Role and place of an account: which fields apply depends on the role chosen. */
export function PlacementFields({ roles, villages, townships, defaults, errors }: Props) {
  const t = useTranslations("accounts");
  const roleName = useTranslations("roles");
  const [role, setRole] = useState<Role>(defaults.role);
  const inVillage = role === "CLERK" || role === "REPRESENTATIVE";
  return (
    <>
      <Field id="account-role" label={t("role")} hint={t(`roleHint.${role}`)} error={errors.role}>
        {/* Uncontrolled, so that the form's reset after submitting cannot leave it showing another role. */}
        <select {...fieldProps("account-role", errors.role, true)} name="role" defaultValue={defaults.role}
          onChange={(event) => setRole(event.target.value as Role)} className={inputClass}>
          {roles.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
        </select>
      </Field>
      {role === "TOWNSHIP_OFFICIAL" && townships.length > 0 ? (
        <Field id="account-township" label={t("township")} error={errors.townshipId}>
          <select {...fieldProps("account-township", errors.townshipId)} name="townshipId" required
            defaultValue={defaults.townshipId ?? ""} className={inputClass}>
            <option value="">{t("choose")}</option>
            {townships.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </select>
        </Field>
      ) : null}
      {inVillage ? (
        <>
          <Field id="account-village" label={t("village")} error={errors.villageId}>
            <select {...fieldProps("account-village", errors.villageId)} name="villageId" required
              defaultValue={defaults.villageId ?? ""} className={inputClass}>
              <option value="">{t("choose")}</option>
              {villages.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </Field>
          <Field id="account-home" label={t("homeArchiveNo")} hint={t("homeArchiveNoHint")} error={errors.homeArchiveNo}>
            <input {...fieldProps("account-home", errors.homeArchiveNo, true)} name="homeArchiveNo" autoComplete="off"
              autoCapitalize="characters" defaultValue={defaults.homeArchiveNo ?? ""} className={`${inputClass} font-mono`} />
          </Field>
        </>
      ) : null}
    </>
  );
}
