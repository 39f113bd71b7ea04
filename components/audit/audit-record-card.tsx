import type { AuditFormat, Formatter } from "@/lib/i18n/audit-format";
import type { AuditRecordView } from "@/lib/schemas/audit-log";
import { AuditLines } from "./audit-lines";
import { Chevron } from "./chevron";

export type CardWords = {
  noActor: string; actor: string; target: string; source: string; sourceUnknown: string; time: string; number: string;
  changes: string; noChanges: string; changedTo: string; label: (label: string) => string;
};

type Props = { record: AuditRecordView; read: AuditFormat; format: Formatter; words: CardWords };

/**
 * One record: who did what to what, and when, in one or two lines; opened, what it recorded and
 * where it came from. A native disclosure, so it opens by keyboard and says so to a screen reader.
 */
export function AuditRecordCard({ record, read, format, words }: Props) {
  const at = new Date(record.createdAt);
  const actor = record.actor ? read.account({ text: record.actor.displayName, username: record.actor.username }) : words.noActor;
  const targetName = read.targetName(record);
  // A sign-in's target is the account that signed in: named once, as the actor.
  const sameAsActor = record.targetType === "Account" && !!record.actor && targetName === actor;
  const lines = read.lines(record);
  const details: [string, string][] = [
    [words.actor, actor],
    [words.target, [read.targetType(record.targetType), read.targetRef(record)].filter(Boolean).join(" ")],
    [words.source, read.source(record.ip, record.userAgent) ?? words.sourceUnknown],
    [words.time, format.dateTime(at, { dateStyle: "long", timeStyle: "medium" })],
    [words.number, record.id],
  ];
  return (
    <details className="group rounded-lg border border-stone-200 bg-white shadow-sm open:border-stone-300" data-testid="audit-row">
      <summary className="flex min-h-11 cursor-pointer list-none items-start gap-2 rounded-lg px-3 py-2 hover:bg-stone-50 [&::-webkit-details-marker]:hidden">
        <span className="flex min-w-0 flex-1 flex-col sm:flex-row sm:items-baseline sm:gap-4">
          <span className="min-w-0 font-medium break-words sm:order-2 sm:flex-1" data-testid="audit-what">
            {read.action(record.action)}
            {targetName && !sameAsActor ? <span className="font-normal text-stone-700"> · {targetName}</span> : null}
          </span>
          <span className="text-sm text-stone-600 sm:order-1 sm:w-64 sm:shrink-0">
            {record.actor?.displayName ?? words.noActor} · <time dateTime={record.createdAt}>{format.dateTime(at, { dateStyle: "short", timeStyle: "short" })}</time>
          </span>
        </span>
        <Chevron />
      </summary>
      <div className="space-y-3 border-t border-stone-200 px-3 py-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {details.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-stone-600">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <div data-testid="audit-changes">
          <p className="mb-1 font-medium">{words.changes}</p>
          {lines.length ? <AuditLines lines={lines} words={words} /> : <p className="text-stone-600">{words.noChanges}</p>}
        </div>
      </div>
    </details>
  );
}
