"use client";

import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { GRID, INK, TICK } from "./chart-colors";
import { ChartFigure } from "./chart-figure";
import { percentTicks } from "./chart-scale";

type Item = { label: string; value: number };
type Props = {
  label: string;
  note: string;
  testId: string;
  items: Item[];
  kind: "count" | "percent"; // percent: value is a share, 0..1
  fill: string;
  reference?: { value: number; label: string };
};

const ROW = 30;

/**
 * One bar per village (or per age bucket), lying down so that Chinese names stay level and every
 * bar carries its figure as text at its end: readable on a phone without colour.
 */
export function HorizontalBarChart({ label, note, testId, items, kind, fill, reference }: Props) {
  const format = useFormatter();
  const show = (value: number) => (kind === "percent" ? format.number(value, { style: "percent", maximumFractionDigits: 1 }) : format.number(value));
  const max = Math.max(...items.map((i) => i.value), reference?.value ?? 0);
  const axis = kind === "percent" ? { domain: [0, percentTicks(max).at(-1)!], ticks: percentTicks(max) } : { domain: [0, "auto"] as [number, "auto"] };
  return (
    <ChartFigure label={label} note={note} testId={testId}>
      <BarChart responsive accessibilityLayer={false} layout="vertical" data={items} style={{ width: "100%", height: items.length * ROW + 48 }}
        margin={{ top: reference ? 20 : 4, right: 48, bottom: 4, left: 0 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" {...axis} tick={TICK} tickFormatter={show} allowDecimals={kind === "percent"} />
        <YAxis type="category" dataKey="label" width={76} tick={TICK} interval={0} />
        <Tooltip formatter={(value) => show(Number(value))} />
        <Bar dataKey="value" fill={fill} barSize={18} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" formatter={(value) => show(Number(value))} fill={INK} fontSize={12} />
        </Bar>
        {reference ? (
          <ReferenceLine x={reference.value} stroke={INK} strokeDasharray="4 3"
            label={{ value: reference.label, position: "top", fill: INK, fontSize: 12 }} />
        ) : null}
      </BarChart>
    </ChartFigure>
  );
}

