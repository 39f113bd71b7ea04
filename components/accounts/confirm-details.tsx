import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** A step between a tap and an action that cannot be taken back: opens to confirm. */
export function ConfirmDetails({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="group">
      <summary className={`${buttonClass({ tone: "plain", width: "phone" })} cursor-pointer list-none group-open:hidden [&::-webkit-details-marker]:hidden`}>
        {label}
      </summary>
      <div className="space-y-3">{children}</div>
    </details>
  );
}
