import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import {
  AUDIT_ACTIONS, AUDIT_AREAS, AUDIT_TARGET_TYPES, auditActionKey, auditArea, auditAreaKey, auditTargetKey,
} from "@/lib/domain/audit-vocabulary";
import { Chevron } from "./chevron";

type Props = { values: Record<string, string>; errors: Record<string, string> };
type Option = { value: string; label: string };
type Group = { label: string; options: Option[] };

const filterNames = ["action", "actor", "targetType", "targetId", "from", "to"] as const;

/**
 * A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared.
 * Actions and targets are chosen by the words the log shows them with; a group ("auth.") is every
 * action of that kind. Folded away until a filter is set, so that the records come first on a phone.
 */
export async function AuditFilters({ values, errors }: Props) {
  const t = await getTranslations();
  const groups: Group[] = AUDIT_AREAS.map((area) => ({
    label: t(auditAreaKey(area)),
    options: [
      { value: `${area}.`, label: t("audit.allOfArea", { area: t(auditAreaKey(area)) }) },
      ...AUDIT_ACTIONS.filter((action) => auditArea(action) === area).map((action) => ({ value: action, label: t(auditActionKey(action)) })),
    ],
  }));
  const targets: Option[] = AUDIT_TARGET_TYPES.map((type) => ({ value: type, label: t(auditTargetKey(type)) }));
  const isSet = filterNames.some((name) => values[name]) || Object.keys(errors).length > 0;
  const field = (name: (typeof filterNames)[number], control: (id: string, error: string | undefined) => ReactNode) => (
    <Field id={`filter-${name}`} label={t(`audit.filter.${name}`)} error={errors[name]}>{control(`filter-${name}`, errors[name])}</Field>
  );
  const select = (name: "action" | "targetType", any: string, options: Option[], grouped: Group[] = []) => field(name, (id, error) => {
    const value = values[name] ?? "";
    const known = [...options, ...grouped.flatMap((g) => g.options)].some((o) => o.value === value);
    return (
      <select {...fieldProps(id, error)} name={name} defaultValue={value} className={inputClass}>
        <option value="">{any}</option>
        {/* A filter set in the address that no option names is shown as it was given. */}
        {value && !known ? <option value={value}>{value}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {grouped.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        ))}
      </select>
    );
  });
  const text = (name: "actor" | "targetId") => field(name, (id, error) => (
    <input {...fieldProps(id, error)} name={name} defaultValue={values[name] ?? ""} className={inputClass} />
  ));
  // A day the address gives that is not a day is left out (its error says so), not shown as a wrong date.
  const day = (name: "from" | "to") => field(name, (id, error) => (
    <DateField {...fieldProps(id, error)} name={name} defaultValue={error ? "" : values[name]}
      clearable label={t(`audit.filter.${name}`)} />
  ));
  return (
    <details open={isSet} className="group rounded-lg border border-stone-200 bg-white shadow-sm">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 font-semibold [&::-webkit-details-marker]:hidden">
        {isSet ? t("audit.filtersActive") : t("audit.filtersTitle")}
        <Chevron />
      </summary>
      {/* Keyed by the filters, so that leaving for another set of them (清除筛选) shows that set, not what was chosen before. */}
      <form key={filterNames.map((name) => values[name] ?? "").join("\n")} method="get" action="/audit" className="space-y-3 border-t border-stone-200 p-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {select("action", t("audit.anyAction"), [], groups)}
          {select("targetType", t("audit.anyTarget"), targets)}
          {text("actor")}
          {text("targetId")}
          {day("from")}
          {day("to")}
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass()}>{t("audit.apply")}</button>
          <Link href="/audit" className={buttonClass({ tone: "plain" })}>{t("audit.reset")}</Link>
        </div>
      </form>
    </details>
  );
}
