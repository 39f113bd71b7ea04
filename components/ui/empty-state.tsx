import Link from "next/link";
import { buttonClass } from "./button";

export type EmptyAction = { href: string; label: string; primary?: boolean };

/**
 * What an empty list shows: why it is empty (`message`), what changes that (`hint`), and the
 * way to do it where the viewer may (`actions`).
 */
export function EmptyState({ message, hint, actions = [], testId }: { message: string; hint?: string; actions?: EmptyAction[]; testId?: string }) {
  return (
    <div className="space-y-2 rounded-md bg-stone-100 p-4 text-stone-800" data-testid={testId ?? "empty-state"}>
      <p className="font-medium">{message}</p>
      {hint ? <p className="text-stone-700">{hint}</p> : null}
      {actions.length ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {actions.map((a) => (
            <Link key={a.href} href={a.href} className={buttonClass({ tone: a.primary ? "primary" : "plain" })}>
              {a.label}
            </Link>
          ))}
        </div>
      ) : null}
    </div>
  );
}
