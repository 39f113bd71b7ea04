import type { ReactNode } from "react";

/**
 * A chart with its description for screen readers; the table under it carries the same figures,
 * so the drawing itself is hidden from them (its controls are not).
 */
export function ChartFigure({ label, note, controls, children, testId }: {
  label: string; note: string; controls?: ReactNode; children: ReactNode; testId: string;
}) {
  return (
    <figure className="min-w-0 rounded-lg border border-stone-200 bg-white p-2 shadow-sm sm:p-3" data-testid={testId}>
      <figcaption className="mb-1 text-sm font-medium text-stone-700">
        {label}
        <span className="sr-only"> {note}</span>
      </figcaption>
      {controls}
      <div aria-hidden="true" className="w-full min-w-0">{children}</div>
    </figure>
  );
}
