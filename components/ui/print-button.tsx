"use client";

import { buttonClass } from "./button";

/** Prints the page; not itself printed. The label comes from the page's catalogue. */
export function PrintButton({ label, testId = "print" }: { label: string; testId?: string }) {
  return (
    <button type="button" onClick={() => window.print()} data-testid={testId}
      className={`${buttonClass({ size: "lg", width: "phone" })} print:hidden`}>
      {label}
    </button>
  );
}
