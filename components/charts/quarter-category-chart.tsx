"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { Field, inputClass } from "@/components/ui/field";
import { CATEGORY_FILL, GRID, legendText, TICK } from "./chart-colors";
import { ChartFigure } from "./chart-figure";

type Row = { villageId: string; quarter: number; red: number; yellow: number; black: number };
const CATEGORIES = [["red", "RED"], ["yellow", "YELLOW"], ["black", "BLACK"]] as const;

/**
 * Red, yellow and black entries per quarter, stacked, for the township or one village chosen
 * here: four bars stay readable on a phone where 17 villages × 4 quarters would not.
 */
export function QuarterCategoryChart({ rows, villages, year }: { rows: Row[]; villages: { id: string; name: string }[]; year: number }) {
  const t = useTranslations("dashboard");
  const [villageId, setVillageId] = useState("");
  const selectId = useId();
  const shown = villageId ? rows.filter((r) => r.villageId === villageId) : rows;
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort((a, b) => a - b);
  const data = quarters.map((quarter) => {
    const of = shown.filter((r) => r.quarter === quarter);
    return { name: t("quarterShort", { quarter }), red: sum(of, "red"), yellow: sum(of, "yellow"), black: sum(of, "black") };
  });
  const villageName = villages.find((v) => v.id === villageId)?.name ?? t("township");
  return (
    <ChartFigure label={t("byVillageQuarter.chartLabel", { village: villageName, year })} note={t("dataInTable")} testId="chart-byVillageQuarter"
      controls={
        <div className="mb-2 max-w-xs">
          <Field id={selectId} label={t("byVillageQuarter.chooseVillage")}>
            <select id={selectId} value={villageId} onChange={(e) => setVillageId(e.target.value)} className={inputClass} data-testid="chart-village">
              <option value="">{t("township")}</option>
              {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </Field>
        </div>
      }>
      <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="name" tick={TICK} />
        <YAxis allowDecimals={false} tick={TICK} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 13 }} formatter={legendText} />
        {CATEGORIES.map(([key, category]) => (
          <Bar key={key} dataKey={key} name={t(`categories.${category}`)} stackId="entries" fill={CATEGORY_FILL[category]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

const sum = (rows: Row[], key: "red" | "yellow" | "black") => rows.reduce((total, r) => total + r[key], 0);
