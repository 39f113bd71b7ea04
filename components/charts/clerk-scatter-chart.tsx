"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { FILL, GRID, INK, legendText, TICK } from "./chart-colors";
import { percentTicks } from "./chart-scale";
import { ChartFigure } from "./chart-figure";

type Point = { name: string; entries: number; share: number; flagged: boolean };

/**
 * Each clerk as a point: entries recorded across, share of yellow and black up, the township's
 * share as a dashed line. Clerks worth a second look are triangles with their own legend entry,
 * not only another colour.
 */
export function ClerkScatterChart({ points, norm, year }: { points: Point[]; norm: number | null; year: number }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const pct = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const ticks = percentTicks(Math.max(...points.map((p) => p.share), norm ?? 0));
  return (
    <ChartFigure label={t("clerks.chartLabel", { year })} note={t("dataInTable")} testId="chart-clerks">
      <ScatterChart responsive accessibilityLayer={false} style={{ width: "100%", height: 280 }} margin={{ top: 16, right: 16, bottom: 8, left: -8 }}>
        <CartesianGrid stroke={GRID} />
        <XAxis type="number" dataKey="entries" name={t("clerks.axisEntries")} tick={TICK} allowDecimals={false}
          label={{ value: t("clerks.axisEntries"), position: "insideBottomRight", offset: -4, fill: INK, fontSize: 12 }} />
        <YAxis type="number" dataKey="share" name={t("clerks.axisShare")} tick={TICK} tickFormatter={pct} domain={[0, ticks.at(-1)!]} ticks={ticks} width={48} />
        <Tooltip content={({ active, payload }) => {
          const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
          return point ? (
            <p className="rounded border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 shadow">
              {t("clerks.tooltip", { name: point.name, entries: point.entries, share: pct(point.share) })}
            </p>
          ) : null;
        }} />
        <Legend wrapperStyle={{ fontSize: 13 }} formatter={legendText} />
        {norm !== null ? (
          <ReferenceLine y={norm} stroke={INK} strokeDasharray="4 3"
            label={{ value: t("clerks.normLabel", { share: pct(norm) }), position: "insideTopRight", fill: INK, fontSize: 12 }} />
        ) : null}
        <Scatter name={t("clerks.notFlagged")} data={points.filter((p) => !p.flagged)} fill={FILL.neutral} shape="circle" isAnimationActive={false} />
        <Scatter name={t("clerks.flagged")} data={points.filter((p) => p.flagged)} fill={FILL.flagged} shape="triangle" isAnimationActive={false} />
      </ScatterChart>
    </ChartFigure>
  );
}
