// Appeals and rectification requests are rows of their own, but every step of them is a chained
// event on the household's chain (lodged, dismissed or upheld; requested, declined or approved).
// The rows must say what their events say: otherwise an appeal's text, author or outcome could
// be edited in the database without breaking any hash. This compares them, as
// findStatusMismatch compares Entry.status with the events.

export type EventFacts = {
  id: string; entryId: string; type: string; reason: string | null; actorId: string | null;
  appealId: string | null; rectificationId: string | null; createdAt: Date; chainSeq: number;
};

export type AppealFacts = {
  id: string; entryId: string; householdId: string; villageId: string; lodgedById: string; reason: string;
  createdAt: Date; status: string; resolvedById: string | null; resolvedAt: Date | null; resolution: string | null;
};

export type RectificationFacts = {
  id: string; entryId: string; householdId: string; requestedById: string; note: string; createdAt: Date;
  status: string; decidedById: string | null; decidedAt: Date | null; decisionReason: string | null;
};

/** Where the household's entries are (their villageId is hashed, an appeal's is not). */
export type EntryPlace = { id: string; householdId: string; villageId: string };

export type FilingKind = "appeal" | "rectification";
export type FilingMismatch = { kind: FilingKind; recordId: string; chainSeq: number; column: string };

// Which event files a request, which decide it (and the status each gives), and which columns
// of the row hold the filer, the filed text and the decision.
const KINDS = {
  appeal: {
    filed: "APPEAL_LODGED", decided: { APPEAL_DISMISSED: "DISMISSED", VOIDED: "UPHELD" } as Record<string, string>, open: "OPEN",
    columns: { filer: "lodgedById", text: "reason", decider: "resolvedById", decidedAt: "resolvedAt", decision: "resolution" },
  },
  rectification: {
    filed: "RECTIFICATION_REQUESTED", decided: { RECTIFICATION_DECLINED: "DECLINED", RECTIFIED: "APPROVED" } as Record<string, string>, open: "REQUESTED",
    columns: { filer: "requestedById", text: "note", decider: "decidedById", decidedAt: "decidedAt", decision: "decisionReason" },
  },
} as const;

type Row = { kind: FilingKind; id: string; values: Record<string, unknown> };

/**
 * The first appeal or rectification request of one household (in chain order) whose row
 * disagrees with its chained events, has none, or is named by an event but not the
 * household's; with the column that disagrees. `entries`, `events`, `appeals` and
 * `rectifications` are the household's.
 */
export function findFilingMismatch(
  householdId: string, entries: EntryPlace[], events: EventFacts[], appeals: AppealFacts[], rectifications: RectificationFacts[],
): FilingMismatch | null {
  const villageOf = new Map(entries.map((e) => [e.id, e.villageId]));
  const rows: Row[] = [
    ...appeals.map((a) => ({ kind: "appeal" as const, id: a.id, values: a })),
    ...rectifications.map((r) => ({ kind: "rectification" as const, id: r.id, values: r })),
  ];
  const found: FilingMismatch[] = [];
  for (const row of rows) {
    const own = events.filter((e) => idOf(row.kind, e) === row.id);
    const mismatch = compare(householdId, row, own, villageOf);
    if (mismatch) found.push(mismatch);
  }
  const known = new Set(rows.map((r) => `${r.kind}:${r.id}`));
  for (const event of events) {
    for (const kind of ["appeal", "rectification"] as const) {
      const id = idOf(kind, event);
      if (id && !known.has(`${kind}:${id}`)) found.push({ kind, recordId: id, chainSeq: event.chainSeq, column: "id" });
    }
  }
  return found.sort((a, b) => a.chainSeq - b.chainSeq)[0] ?? null;
}

const idOf = (kind: FilingKind, event: EventFacts) => (kind === "appeal" ? event.appealId : event.rectificationId);

function compare(householdId: string, row: Row, events: EventFacts[], villageOf: Map<string, string>): FilingMismatch | null {
  const { filed: filedType, decided: decidedTypes, open, columns: c } = KINDS[row.kind];
  const at = (chainSeq: number, column: string): FilingMismatch => ({ kind: row.kind, recordId: row.id, chainSeq, column });
  const filed = events.filter((e) => e.type === filedType);
  const decided = events.filter((e) => e.type in decidedTypes);
  const first = filed[0];
  // Every event naming the row is its filing or its one decision, in that order, on one entry.
  if (!first || filed.length > 1) return at(first?.chainSeq ?? events[0]?.chainSeq ?? 0, "status");
  const decision = decided[0];
  if (decided.length > 1 || events.length !== 1 + decided.length || (decision && decision.chainSeq < first.chainSeq)) {
    return at(first.chainSeq, "status");
  }
  if (decision && decision.entryId !== first.entryId) return at(decision.chainSeq, "entryId");
  const filing: Record<string, unknown> = {
    entryId: first.entryId, householdId, [c.filer]: first.actorId, [c.text]: first.reason, createdAt: first.createdAt,
    ...(row.kind === "appeal" ? { villageId: villageOf.get(first.entryId) } : {}),
  };
  const outcome: Record<string, unknown> = {
    status: decision ? decidedTypes[decision.type] : open,
    [c.decider]: decision?.actorId ?? null, [c.decidedAt]: decision?.createdAt ?? null, [c.decision]: decision?.reason ?? null,
  };
  for (const [column, value] of Object.entries(filing)) if (!same(row.values[column], value)) return at(first.chainSeq, column);
  for (const [column, value] of Object.entries(outcome)) if (!same(row.values[column], value)) return at(decision?.chainSeq ?? first.chainSeq, column);
  return null;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
