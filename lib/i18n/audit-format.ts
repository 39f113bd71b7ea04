import type { createFormatter } from "use-intl/core";
import { normalizeAddress } from "@/lib/domain/client-address";
import { enumLabelsOf } from "@/lib/domain/audit-enum-labels";
import { auditLines, isPlainObject } from "@/lib/domain/audit-lines";
import {
  AUDIT_FIELDS, auditActionKey, auditFieldLabelKey, auditTargetKey, isAuditAction, isAuditField, isAuditTargetType, type AuditTargetType,
} from "@/lib/domain/audit-vocabulary";
import { chinaDayStart } from "@/lib/domain/entry-date";
import { describeUserAgent } from "@/lib/domain/user-agent";
import { isUuid } from "@/lib/domain/uuid";

// An audit record as a person reads it: actions, targets and fields in words, values as the
// rest of the app writes them (roles, statuses, dates in China time), ids as the names the page
// loader found for them. Anything this code does not know (a record older than a label) is shown
// as stored rather than hidden.

export type Formatter = ReturnType<typeof createFormatter>;
export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
/** What an id stands for: a household's archive number, a village's name, an account. */
export type AuditName = { text: string; username?: string };
export type AuditNames = Record<string, AuditName>;

export type ReadValue = { text: string } | { lines: ReadLine[] };
export type ReadLine =
  | { label: string | null; kind: "change"; before: ReadValue; after: ReadValue }
  | { label: string | null; kind: "value"; value: ReadValue };

type RecordLike = { action: string; targetType: string; targetId: string | null; before: unknown; after: unknown };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LONG_HEX = /[0-9a-f]{32,}/gi;
const ADDRESS_FIELDS = new Set(["network", "sparedAddress"]);
// A household's name for itself is its archive number; these fields name what a record is about.
const NAMING_FIELDS = ["archiveNo", "username", "name", "title"] as const;

const shortId = (id: string) => `${id.slice(0, 8)}…`;

/** An address as people write it (`::ffff:10.0.0.1` is 10.0.0.1); null when none was known. */
export function readableAddress(raw: string | null | undefined): string | null {
  if (!raw || raw === "unknown") return null;
  return normalizeAddress(raw) ?? raw.replace(/^::ffff:/i, "");
}

export function auditFormat({ t, format, names }: { t: Translate; format: Formatter; names: AuditNames }) {
  const empty = (): ReadValue => ({ text: t("audit.value.empty") });
  const nameOf = (name: AuditName) => (name.username ? t("audit.accountName", { name: name.text, username: name.username }) : name.text);

  function text(field: string, value: string, targetType: AuditTargetType | null): string {
    const labels = isAuditField(field) ? enumLabelsOf(field, targetType) : undefined;
    if (labels && t.has(labels.key(value))) return t(labels.key(value));
    if (ADDRESS_FIELDS.has(field)) return readableAddress(value) ?? t("audit.value.empty");
    if (isUuid(value)) return names[value] ? nameOf(names[value]) : shortId(value);
    if (INSTANT.test(value)) return format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
    if (DAY.test(value)) return format.dateTime(chinaDayStart(value), { dateStyle: "medium" });
    return value.replace(LONG_HEX, (hex) => `${hex.slice(0, 12)}…`);
  }

  function read(field: string, value: unknown, targetType: AuditTargetType | null): ReadValue {
    if (value === null || value === undefined || value === "") return empty();
    if (typeof value === "boolean") return { text: t(value ? "audit.value.yes" : "audit.value.no") };
    if (typeof value === "number") {
      if (field === "bytes") return { text: format.number(value / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 }) };
      return { text: String(value) };
    }
    if (typeof value === "string") return { text: text(field, value, targetType) };
    if (Array.isArray(value)) {
      if (value.length === 0) return empty();
      if (field === "reasons") return { text: value.map((reason) => ineligibility(reason)).join(t("audit.value.sentenceSeparator")) };
      if (value.every((v) => !isPlainObject(v))) return { text: format.list(value.map((v) => readText(field, v, targetType))) };
      return { lines: value.map((v) => ({ label: null, kind: "value" as const, value: read(field, v, targetType) })) };
    }
    if (isPlainObject(value)) return { lines: lines(value, null, targetType) };
    return { text: String(value) };
  }

  const readText = (field: string, value: unknown, targetType: AuditTargetType | null) => {
    const v = read(field, value, targetType);
    return "text" in v ? v.text : "…";
  };

  function ineligibility(reason: unknown): string {
    if (!isPlainObject(reason) || typeof reason.code !== "string") return String(reason);
    const key = `selection.reason.${reason.code}`;
    const values = Object.fromEntries(Object.entries(reason).filter((e): e is [string, number] => typeof e[1] === "number"));
    return t.has(key) ? t(key, values) : reason.code;
  }

  const label = (field: string, targetType: AuditTargetType | null) => {
    if (field === "") return null;
    const key = isAuditField(field) ? auditFieldLabelKey(field, targetType) : null;
    return key && t.has(key) ? t(key) : field;
  };

  /** The record's fields as labelled lines; nested objects become lines of their own. */
  function lines(before: unknown, after: unknown, targetType: AuditTargetType | null): ReadLine[] {
    return auditLines(before, after, AUDIT_FIELDS).map((line) =>
      line.kind === "change"
        ? { label: label(line.field, targetType), kind: "change", before: read(line.field, line.before, targetType), after: read(line.field, line.after, targetType) }
        : { label: label(line.field, targetType), kind: "value", value: read(line.field, line.value, targetType) });
  }

  const targetTypeOf = (record: RecordLike) => (isAuditTargetType(record.targetType) ? record.targetType : null);

  /** The target's name: what the page found for its id, else what the record says of it. */
  function targetName(record: RecordLike): string | null {
    const id = record.targetId;
    if (!id) return null;
    if (record.targetType === "ClientAddress") return readableAddress(id);
    if (names[id]) return nameOf(names[id]);
    for (const half of [record.after, record.before]) {
      if (!isPlainObject(half)) continue;
      for (const ref of ["householdId", "entryId"]) {
        const value = half[ref];
        if (typeof value === "string" && names[value]) return nameOf(names[value]);
      }
      if (record.targetType === "Rule" && typeof half.code === "string") return [half.code, half.title].filter(Boolean).join(" ");
      const naming = NAMING_FIELDS.map((f) => half[f]).find((v): v is string => typeof v === "string" && v !== "");
      if (naming) return naming;
    }
    return null;
  }

  return {
    action: (action: string) => (isAuditAction(action) ? t(auditActionKey(action)) : action),
    targetType: (type: string) => (isAuditTargetType(type) ? t(auditTargetKey(type)) : type),
    lines: (record: RecordLike) => lines(record.before, record.after, targetTypeOf(record)),
    targetName,
    /** The target as the record's details name it: by name, else by a short id. */
    targetRef(record: RecordLike): string | null {
      const id = record.targetId;
      return targetName(record) ?? (id && isUuid(id) ? shortId(id) : id);
    },
    source(ip: string | null, userAgent: string | null): string | null {
      const software = describeUserAgent(userAgent);
      const program = software?.program ?? null;
      const parts = [
        readableAddress(ip),
        ...(software?.browser ? [t(`audit.software.${software.browser}`)] : []),
        ...(software?.system ? [t(`audit.software.${software.system}`)] : []),
        ...(program ? [program] : []),
      ].filter((p): p is string => !!p);
      return parts.length ? parts.join(" · ") : null;
    },
    account: nameOf,
  };
}

export type AuditFormat = ReturnType<typeof auditFormat>;
