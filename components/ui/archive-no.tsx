import type { ReactNode } from "react";

/**
 * An archive number (JS-XH-00001) kept on one line: a browser may otherwise break it after a
 * hyphen on a narrow screen, and "JS-XH- / 00001" reads as two numbers.
 */
export function ArchiveNo({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <span className={`whitespace-nowrap ${className}`.trim()}>{children}</span>;
}
