"use client";

/**
 * A determinate bar while the file is being sent (the browser knows how much has gone), then an
 * indeterminate one while the server works (nobody knows how far it is, so it does not pretend).
 */
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  return (
    <div className="space-y-1" data-testid="import-progress">
      <p role="status" className="text-sm text-stone-700">{label}</p>
      <div className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
        role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
        {fraction === null
          ? <div className="h-full w-full rounded-full bg-red-800/70 motion-safe:animate-pulse" />
          : <div className="h-full rounded-full bg-red-800 transition-[width]" style={{ width: `${Math.round(fraction * 100)}%` }} />}
      </div>
    </div>
  );
}
