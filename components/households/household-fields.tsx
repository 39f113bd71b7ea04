"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { MemberRelationSchema } from "@/lib/schemas/households";

export type GroupOption = { id: string; name: string };

// Selects shared by the household and member forms.

export function GroupSelect({ id, groups, defaultValue }: { id: string; groups: GroupOption[]; defaultValue: string }) {
  const t = useTranslations("households");
  return (
    <select id={id} name="groupId" defaultValue={defaultValue} className={inputClass}>
      <option value="">{t("noGroup")}</option>
      {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
    </select>
  );
}

export function GenderSelect({ id, name, defaultValue }: { id: string; name: string; defaultValue: string }) {
  const t = useTranslations("households");
  return (
    <select id={id} name={name} defaultValue={defaultValue} className={inputClass}>
      <option value="">{t("genderUnknown")}</option>
      <option value="MALE">{t("gender.MALE")}</option>
      <option value="FEMALE">{t("gender.FEMALE")}</option>
    </select>
  );
}

type RelationProps = {
  id: string; name: string; defaultValue: string; withHead?: boolean; required?: boolean; onChange?: (value: string) => void;
};

export function RelationSelect({ id, name, defaultValue, withHead = false, required = true, onChange }: RelationProps) {
  const t = useTranslations();
  const relations = MemberRelationSchema.options.filter((r) => withHead || r !== "HEAD");
  return (
    <select id={id} name={name} defaultValue={defaultValue} required={required} className={inputClass}
      onChange={onChange && ((e) => onChange(e.target.value))}>
      <option value="">{t("households.choose")}</option>
      {relations.map((r) => <option key={r} value={r}>{t(`relations.${r}`)}</option>)}
    </select>
  );
}
