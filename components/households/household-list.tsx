import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { EmptyState } from "@/components/ui/empty-state";
import type { HouseholdListItem } from "@/lib/schemas/households";
import { StatusBadge } from "./status-badge";

/** Why the list may be empty: a search or filter that matches nothing, or no household registered yet. */
type HouseholdListEmpty = { filtered: boolean; canCreate: boolean };

/** Search results as cards: a whole card is one large tap target. */
export async function HouseholdList({ households, showVillage, empty }: { households: HouseholdListItem[]; showVillage: boolean; empty: HouseholdListEmpty }) {
  const t = await getTranslations("households");
  if (!households.length) {
    return empty.filtered
      ? <EmptyState testId="households-empty" message={t("empty")} hint={t("emptyFilteredHint")} actions={[{ href: "/households", label: t("emptyReset") }]} />
      : <EmptyState testId="households-empty" message={t("emptyNone")} hint={t(empty.canCreate ? "emptyNoneCreate" : "emptyNoneWait")}
          actions={empty.canCreate ? [{ href: "/households/new", label: t("newHousehold"), primary: true }, { href: "/households/import", label: t("importExport") }] : []} />;
  }
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="household-results">
      {households.map((h) => (
        <li key={h.id}>
          <Link href={`/households/${h.id}`} className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-red-800 focus-visible:border-red-800">
            <div className="flex items-start justify-between gap-2">
              <div>
                <p className="font-mono text-sm text-stone-600"><ArchiveNo>{h.archiveNo}</ArchiveNo></p>
                <p className="text-lg font-semibold">{h.headName}</p>
              </div>
              <StatusBadge status={h.status} />
            </div>
            <p className="mt-1 text-sm text-stone-600">
              {[showVillage ? h.village.name : null, h.group?.name ?? t("noGroup"), t("memberCount", { count: h.members })].filter(Boolean).join(" · ")}
            </p>
            <p className="mt-1 font-mono text-sm">{h.phone ?? <span className="font-sans text-stone-500">{t("noPhone")}</span>}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
