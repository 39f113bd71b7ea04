import Link from "next/link";
import { getTranslations } from "next-intl/server";

const fields = [
  { name: "action", type: "text", hint: "actionHint" },
  { name: "actor", type: "text" },
  { name: "targetType", type: "text" },
  { name: "targetId", type: "text" },
  { name: "from", type: "date" },
  { name: "to", type: "date" },
] as const;

type Props = { values: Record<string, string>; errors: Record<string, string> };

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export async function AuditFilters({ values, errors }: Props) {
  const t = await getTranslations("audit");
  return (
    <form method="get" action="/audit" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{t("filtersTitle")}</h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((field) => {
          const error = errors[field.name];
          const describedBy = error || "hint" in field ? `filter-${field.name}-note` : undefined;
          return (
            <div key={field.name} className="space-y-1">
              <label htmlFor={`filter-${field.name}`} className="block text-sm font-medium">{t(`filter.${field.name}`)}</label>
              <input
                id={`filter-${field.name}`}
                name={field.name}
                type={field.type}
                defaultValue={values[field.name] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className="block min-h-11 w-full rounded-md border border-stone-300 px-3 text-base aria-invalid:border-red-700"
              />
              {describedBy ? (
                <p id={describedBy} className={`text-xs ${error ? "text-red-700" : "text-stone-500"}`}>
                  {error ?? ("hint" in field ? t(field.hint) : null)}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="min-h-11 rounded-md bg-red-800 px-5 font-medium text-white">{t("apply")}</button>
        <Link href="/audit" className="flex min-h-11 items-center rounded-md border border-stone-300 px-5 text-stone-700">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
