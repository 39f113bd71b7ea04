import { getFormatter, getTranslations } from "next-intl/server";
import { auditFormat, type AuditNames, type Translate } from "@/lib/i18n/audit-format";
import type { AuditRecordView } from "@/lib/schemas/audit-log";
import { AuditRecordCard, type CardWords } from "./audit-record-card";

/** A page of audit records, newest first: one card each, opened one at a time to read it whole. */
export async function AuditLogList({ records, names }: { records: AuditRecordView[]; names: AuditNames }) {
  const [root, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (records.length === 0) return <p className="text-stone-600">{root("audit.empty")}</p>;
  // The catalogue keys of actions, fields and values are built from the record at run time.
  const t = Object.assign((key: string, values?: Record<string, string | number>) => root(key as never, values as never), {
    has: (key: string) => root.has(key as never),
  }) satisfies Translate;
  const read = auditFormat({ t, format, names });
  const words: CardWords = {
    noActor: t("audit.noActor"), actor: t("audit.record.actor"), target: t("audit.record.target"), source: t("audit.record.source"),
    sourceUnknown: t("audit.record.sourceUnknown"), time: t("audit.record.time"), number: t("audit.record.number"),
    changes: t("audit.record.changes"), noChanges: t("audit.record.noChanges"), changedTo: t("audit.record.changedTo"),
    label: (label) => t("audit.record.label", { label }),
  };
  return (
    <ol className="space-y-2" data-testid="audit-log">
      {records.map((record) => (
        <li key={record.id}>
          <AuditRecordCard record={record} read={read} format={format} words={words} />
        </li>
      ))}
    </ol>
  );
}
