import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { cardClass } from "@/components/ui/card";
import type { HouseholdOutput } from "@/lib/schemas/households";
import { StatusBadge } from "./status-badge";

/** Who the household is and where: the top of its page. */
export async function HouseholdCard({ household }: { household: HouseholdOutput }) {
  const t = await getTranslations("households");
  const rows: [string, React.ReactNode][] = [
    [t("field.village"), `${household.township.name}${household.village.name}`],
    [t("field.group"), household.group?.name ?? t("noGroup")],
    [t("field.address"), household.address],
    [t("field.phone"), household.phone ? <a href={`tel:${household.phone}`} className="font-mono text-red-800 underline">{household.phone}</a> : t("noPhone")],
    [t("field.registeredOn"), household.registeredOn],
  ];
  return (
    <section className={cardClass} data-testid="household-card">
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="font-mono text-stone-600" data-testid="archive-no"><ArchiveNo>{household.archiveNo}</ArchiveNo></p>
          <h1 className="text-2xl font-bold">{household.headName}</h1>
        </div>
        <StatusBadge status={household.status} />
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
