import { getTranslations } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import type { HouseholdOutput, MemberOutput } from "@/lib/schemas/households";
import { DeactivateMemberForm } from "./deactivate-member-form";
import { MemberForm } from "./member-form";

type Props = { household: HouseholdOutput; canManage: boolean };

/** The members: current ones (with their forms for the village's clerks), then those who left. */
export async function MemberList({ household, canManage }: Props) {
  const [t, tr] = await Promise.all([getTranslations("households"), getTranslations("relations")]);
  const current = household.members.filter((m) => m.active);
  const former = household.members.filter((m) => !m.active);
  const line = (m: MemberOutput) => (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
      <span className="text-lg font-medium">{m.name}</span>
      <span className="text-stone-600">
        {[tr(m.relation), m.gender ? t(`gender.${m.gender}`) : null, t("detail.born", { year: m.birthYear })].filter(Boolean).join(" · ")}
      </span>
    </div>
  );
  return (
    <section className={`space-y-3 ${cardClass}`} aria-labelledby="members-title">
      <h2 id="members-title" className="text-lg font-semibold">{t("detail.membersTitle")}</h2>
      <ul className="divide-y divide-stone-100" data-testid="members">
        {current.map((m) => (
          <li key={m.id} className="space-y-2 py-3">
            {line(m)}
            {canManage ? (
              <div className="flex flex-col gap-2 sm:flex-row">
                <Disclosure label={t("detail.editMember")} className="sm:min-w-0 sm:flex-1"><MemberForm householdId={household.id} member={m} /></Disclosure>
                {m.relation === "HEAD" ? null : (
                  <Disclosure label={t("detail.deactivateMember")} className="sm:min-w-0 sm:flex-1"><DeactivateMemberForm memberId={m.id} /></Disclosure>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? <Disclosure label={t("detail.addMember")}><MemberForm householdId={household.id} /></Disclosure> : null}
      {former.length ? (
        <div className="border-t border-stone-200 pt-3">
          <h3 className="font-medium text-stone-600">{t("detail.formerMembers")}</h3>
          <ul className="divide-y divide-stone-100 text-stone-500">{former.map((m) => <li key={m.id} className="py-2">{line(m)}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
