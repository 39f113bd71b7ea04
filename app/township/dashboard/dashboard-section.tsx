import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/ui/export-links";
import type { TableSpec } from "@/lib/server/dashboard/dashboard-tables";
import { DashboardTable } from "./dashboard-table";

type Props = { table: TableSpec; title: string; definition: string; exportQuery: Record<string, string>; children?: ReactNode };

/** A section of the dashboard: its definition in words, its chart, its table and the table's downloads. */
export async function DashboardSection({ table, title, definition, exportQuery, children }: Props) {
  const t = await getTranslations("dashboard");
  const href = (format: "xlsx" | "csv") => `/api/v1/township/dashboard/export?${new URLSearchParams({ table: table.key, ...exportQuery, format })}`;
  return (
    <section aria-labelledby={`section-${table.key}`} className="min-w-0 space-y-3" data-testid={`section-${table.key}`}>
      <h2 id={`section-${table.key}`} className="text-lg font-bold sm:text-xl">{title}</h2>
      <p className="text-sm leading-relaxed text-stone-600">{definition}</p>
      {children}
      <DashboardTable table={table} />
      <ExportLinks label={t("export.label", { table: title })}
        links={(["xlsx", "csv"] as const).map((format) => ({ href: href(format), text: t(`export.${format}`) }))} />
    </section>
  );
}
