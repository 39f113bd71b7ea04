import type { ReactNode } from "react";

/** A form folded under a large button: one tap opens it, nothing is sent until it is submitted. */
export function Disclosure({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <details className={`group rounded-md ${wide ? "w-full" : "sm:min-w-0 sm:flex-1"}`}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-center rounded-md border border-stone-300 bg-white px-4 font-medium text-stone-800 group-open:bg-stone-100 [&::-webkit-details-marker]:hidden">
        {label}
      </summary>
      <div className="mt-2 rounded-md border border-stone-200 bg-stone-50 p-3">{children}</div>
    </details>
  );
}
