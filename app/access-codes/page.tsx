import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { HouseholdSearchResults } from "@/components/accounts/household-search-results";
import { withNotice } from "@/components/ui/with-notice";
import { HouseholdSearchSchema } from "@/lib/schemas/accounts";
import { findHouseholdsForAccessCode } from "@/lib/server/accounts/find-households-for-access-code";
import { requireActor } from "@/lib/server/auth/current-actor";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("accessCodes");
  return { title: t("title") };
}

export default withNotice(async function AccessCodesPage({ searchParams }: { searchParams: SearchParams }) {
    const actor = await requireActor("accounts.issueAccessCode");
    const q = (await searchParams).q;
    const parsed = typeof q === "string" && q.trim() !== "" ? HouseholdSearchSchema.safeParse({ q }) : null;
    const [t, root] = await Promise.all([getTranslations("accessCodes"), getTranslations()]);
    const households = parsed?.success ? await findHouseholdsForAccessCode(actor, parsed.data.q) : null;
    const error = parsed && !parsed.success ? root(parsed.error.issues[0]?.message ?? "errors.invalidInput") : undefined;
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <div className="print:hidden">
          <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
          <p className="mt-1 text-stone-700">{t("intro")}</p>
        </div>
        <form method="get" action="/access-codes" role="search"
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm print:hidden">
          <Field id="household-q" label={t("searchLabel")} hint={t("searchHint")} error={error}>
            <input id="household-q" name="q" type="search" defaultValue={typeof q === "string" ? q : ""} autoComplete="off"
              aria-describedby="household-q-note" aria-invalid={error ? true : undefined} className={inputClass} />
          </Field>
          <button type="submit" className={buttonClass({ width: "phone" })}>{t("search")}</button>
        </form>
        {households ? <HouseholdSearchResults households={households} /> : null}
      </div>
    );
});
