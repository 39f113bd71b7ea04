import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  AUDIT_ACTIONS, AUDIT_AREAS, AUDIT_TARGET_TYPES, auditActionKey, auditArea, auditAreaKey, auditTargetKey,
} from "@/lib/domain/audit-vocabulary";
import { Chevron } from "./chevron";

type Props = { values: Record<string, string>; errors: Record<string, string> };
type Option = { value: string; label: string };
type Group = { label: string; options: Option[] };

const control = "block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base aria-invalid:border-red-700";
const textFields = [
  { name: "actor", type: "text" }, { name: "targetId", type: "text" }, { name: "from", type: "date" }, { name: "to", type: "date" },
] as const;
const filterNames = ["action", "actor", "targetType", "targetId", "from", "to"] as const;

function Note({ id, error }: { id: string; error: string | undefined }) {
  return error ? <p id={id} className="text-xs text-red-700">{error}</p> : null;
}

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
  const select = (name: "action" | "targetType", any: string, options: Option[], grouped: Group[] = []) => {
    const value = values[name] ?? "";
    const known = [...options, ...grouped.flatMap((g) => g.options)].some((o) => o.value === value);
    return (
      <div className="space-y-1">
        <label htmlFor={`filter-${name}`} className="block text-sm font-medium">{t(`audit.filter.${name}`)}</label>
        <select id={`filter-${name}`} name={name} defaultValue={value} className={control}
          aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `filter-${name}-note` : undefined}>
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
        <Note id={`filter-${name}-note`} error={errors[name]} />
      </div>
    );
  };
  return (
    <details open={isSet} className="group rounded-lg border border-stone-200 bg-white shadow-sm">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 font-semibold [&::-webkit-details-marker]:hidden">
        {isSet ? t("audit.filtersActive") : t("audit.filtersTitle")}
        <Chevron />
      </summary>
      <form method="get" action="/audit" className="space-y-3 border-t border-stone-200 p-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {select("action", t("audit.anyAction"), [], groups)}
          {select("targetType", t("audit.anyTarget"), targets)}
          {textFields.map((field) => {
            const error = errors[field.name];
            return (
              <div key={field.name} className="space-y-1">
                <label htmlFor={`filter-${field.name}`} className="block text-sm font-medium">{t(`audit.filter.${field.name}`)}</label>
                <input id={`filter-${field.name}`} name={field.name} type={field.type} defaultValue={values[field.name] ?? ""}
                  aria-invalid={error ? true : undefined} aria-describedby={error ? `filter-${field.name}-note` : undefined} className={control} />
                <Note id={`filter-${field.name}-note`} error={error} />
              </div>
            );
          })}
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-red-800 px-5 font-medium text-white">{t("audit.apply")}</button>
          <Link href="/audit" className="flex min-h-11 items-center rounded-md border border-stone-300 px-5 text-stone-700">
            {t("audit.reset")}
          </Link>
        </div>
      </form>
    </details>
  );
}
