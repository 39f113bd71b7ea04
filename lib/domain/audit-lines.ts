// What an audit record's before and after say, field by field: a field both hold and that
// differs is a change ("before → after"); any other field is a fact of the record (the reason
// given, what was created, what was removed) and is read as it stands.

export type AuditLine =
  | { field: string; kind: "change"; before: unknown; after: unknown }
  | { field: string; kind: "value"; value: unknown };

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The lines of a record, its fields in the given order (PostgreSQL's jsonb keeps none of its
 * own), fields not in it last. A record whose halves are not objects is one line without a
 * field; a record with neither has none.
 */
export function auditLines(before: unknown, after: unknown, order: readonly string[] = []): AuditLine[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    if (before == null && after == null) return [];
    if (before == null) return [{ field: "", kind: "value", value: after }];
    if (after == null) return [{ field: "", kind: "value", value: before }];
    return same(before, after) ? [{ field: "", kind: "value", value: after }] : [{ field: "", kind: "change", before, after }];
  }
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => rank(x) - rank(y));
  return fields.map((field): AuditLine => {
    const inBefore = field in b;
    const inAfter = field in a;
    if (inBefore && inAfter && !same(b[field], a[field])) return { field, kind: "change", before: b[field], after: a[field] };
    return { field, kind: "value", value: inAfter ? a[field] : b[field] };
  });
}
