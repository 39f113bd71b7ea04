import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ArchiveNo } from "@/components/ui/archive-no";
import { Field, fieldProps, largeInputClass } from "@/components/ui/field";

type Found = { id: string; archiveNo: string; headName: string; group: { name: string } | null; members: number };

/** Step 1 of recording: find the household by archive number, the head's name or its initials. */
export async function HouseholdFinder({ q, results }: { q: string; results: Found[] }) {
  const t = await getTranslations("entries.new");
  return (
    <div className="space-y-4">
      <form method="get" action="/entries/new" role="search">
        <Field id="household-q" label={t("findLabel")} hint={t("findHint")}>
          <div className="flex gap-2">
            <input
              {...fieldProps("household-q", undefined, true)} name="q" type="search" defaultValue={q} autoFocus enterKeyHint="search"
              placeholder={t("findPlaceholder")} className={`${largeInputClass} min-w-0 flex-1`}
            />
            <button type="submit" className={`${buttonClass({ size: "lg" })} shrink-0`}>
              {t("find")}
            </button>
          </div>
        </Field>
      </form>
      {q && results.length === 0 ? <p className="rounded-md bg-stone-100 p-3" data-testid="no-households">{t("noneFound")}</p> : null}
      <ul className="space-y-2" data-testid="household-results">
        {results.map((h) => (
          <li key={h.id}>
            <Link
              href={`/entries/new?householdId=${h.id}`}
              className="flex min-h-14 flex-col justify-center rounded-lg border border-stone-200 bg-white px-4 py-2 shadow-sm active:bg-stone-100"
            >
              <span className="text-lg font-semibold">{t("householdOf", { head: h.headName })}</span>
              <span className="text-sm text-stone-600">
                <ArchiveNo>{h.archiveNo}</ArchiveNo>
                {[h.group?.name, t("memberCount", { count: h.members })].filter(Boolean).map((part) => ` · ${part}`).join("")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
