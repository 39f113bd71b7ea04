import Link from "next/link";

export type EmptyAction = { href: string; label: string; primary?: boolean };

/**
 * What an empty list shows: why it is empty (`message`), what changes that (`hint`), and the
 * way to do it where the viewer may (`actions`). Kept out of components/ui while that folder is
 * being built; it has no feature of its own.
 */
export function EmptyState({ message, hint, actions = [], testId }: { message: string; hint?: string; actions?: EmptyAction[]; testId?: string }) {
  return (
    <div className="space-y-2 rounded-md bg-stone-100 p-4 text-stone-800" data-testid={testId ?? "empty-state"}>
      <p className="font-medium">{message}</p>
      {hint ? <p className="text-stone-700">{hint}</p> : null}
      {actions.length ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {actions.map((a) => (
            <Link key={a.href} href={a.href}
              className={`inline-flex min-h-11 items-center rounded-md px-4 font-semibold ${a.primary ? "bg-red-800 text-white" : "border border-stone-400 bg-white text-stone-800"}`}>
              {a.label}
            </Link>
          ))}
        </div>
      ) : null}
    </div>
  );
}
