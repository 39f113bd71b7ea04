import "server-only";
import { isPlainObject } from "@/lib/domain/audit-lines";
import { isUuid } from "@/lib/domain/uuid";
import type { AuditNames } from "@/lib/i18n/audit-format";
import type { AuditRecordView } from "@/lib/schemas/audit-log";
import { db } from "@/lib/server/db";

/** Every id a page of records mentions: its targets and the ids in their before and after. */
function idsIn(records: AuditRecordView[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string" && isUuid(value)) ids.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) Object.values(value).forEach(visit);
  };
  for (const record of records) {
    visit(record.targetId);
    visit(record.before);
    visit(record.after);
  }
  return [...ids];
}

/**
 * What the ids of a page of audit records stand for: archive numbers for households and their
 * entries, names for accounts, villages, villager groups and members. Not authorized again: the
 * records were read within the caller's scope (listAuditLog), and a name says no more than the
 * record that mentions it. One query by primary key per kind of row, whatever the page holds.
 */
export async function unsafeNamesIn(records: AuditRecordView[]): Promise<AuditNames> {
  const ids = idsIn(records);
  if (ids.length === 0) return {};
  const where = { id: { in: ids } };
  const [households, entries, accounts, villages, townships, groups, members] = await Promise.all([
    db.household.findMany({ where, select: { id: true, archiveNo: true } }),
    db.entry.findMany({ where, select: { id: true, household: { select: { archiveNo: true } } } }),
    db.account.findMany({ where, select: { id: true, displayName: true, username: true } }),
    db.village.findMany({ where, select: { id: true, name: true } }),
    db.township.findMany({ where, select: { id: true, name: true } }),
    db.villagerGroup.findMany({ where, select: { id: true, name: true } }),
    db.member.findMany({ where, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([
    ...households.map((h) => [h.id, { text: h.archiveNo }]),
    ...entries.map((e) => [e.id, { text: e.household.archiveNo }]),
    ...accounts.map((a) => [a.id, { text: a.displayName, username: a.username }]),
    ...[...villages, ...townships, ...groups, ...members].map((row) => [row.id, { text: row.name }]),
  ]);
}
