import type { ReactNode } from "react";

/** A step between a tap and an action that cannot be taken back: opens to confirm. */
export function ConfirmDetails({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 w-full cursor-pointer list-none items-center justify-center rounded-md border border-stone-400 bg-white px-5 font-semibold text-stone-800 group-open:hidden sm:w-auto [&::-webkit-details-marker]:hidden">
        {label}
      </summary>
      <div className="space-y-3">{children}</div>
    </details>
  );
}
