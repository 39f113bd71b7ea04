"use client";

/** Prints the page; not itself printed. The label comes from the page's catalogue. */
export function PrintButton({ label, testId = "print" }: { label: string; testId?: string }) {
  return (
    <button type="button" onClick={() => window.print()} data-testid={testId}
      className="min-h-12 w-full rounded-md bg-red-800 px-6 text-lg font-semibold text-white sm:w-auto print:hidden">
      {label}
    </button>
  );
}
