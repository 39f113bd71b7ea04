import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Role } from "@/lib/generated/prisma/enums";
import { Field, inputClass } from "@/components/ui/field";
import type { Option } from "./placement-fields";

const ROLES: Role[] = ["ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"];

type Props = { values: Record<string, string>; villages: Option[] };

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked. */
export async function AccountFilters({ values, villages }: Props) {
  const [t, roleName] = await Promise.all([getTranslations("accounts"), getTranslations("roles")]);
  return (
    <form method="get" action="/admin/accounts" role="search" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="filter-q" label={t("filter.q")}>
          <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder={t("filter.qPlaceholder")} className={inputClass} />
        </Field>
        <Field id="filter-role" label={t("role")}>
          <select id="filter-role" name="role" defaultValue={values.role ?? ""} className={inputClass}>
            <option value="">{t("filter.all")}</option>
            {ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
          </select>
        </Field>
        <Field id="filter-village" label={t("village")}>
          <select id="filter-village" name="villageId" defaultValue={values.villageId ?? ""} className={inputClass}>
            <option value="">{t("filter.all")}</option>
            {villages.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
        </Field>
        <Field id="filter-active" label={t("status")}>
          <select id="filter-active" name="active" defaultValue={values.active ?? ""} className={inputClass}>
            <option value="">{t("filter.all")}</option>
            <option value="true">{t("active")}</option>
            <option value="false">{t("inactive")}</option>
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass()}>{t("filter.apply")}</button>
        <Link href="/admin/accounts" className={buttonClass({ tone: "plain" })}>
          {t("filter.reset")}
        </Link>
      </div>
    </form>
  );
}
