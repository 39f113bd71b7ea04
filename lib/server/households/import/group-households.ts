import "server-only";
import { STATUS_LABELS, type ImportColumn, type ImportRow } from "@/lib/schemas/household-import";
import type { MemberRelation } from "@/lib/schemas/households";
import type { ParsedRow } from "./parse-rows";
import { problemAt, type Problem } from "./problems";

export type PlannedMember = { row: number; name: string; relation: MemberRelation; gender: "MALE" | "FEMALE" | null; birthYear: number };

/** One household of the file: its first row's household columns and one member per row. */
export type PlannedHousehold = {
  firstRow: number;
  archiveNo: string; // "" for a new household to be numbered
  headName: string;
  group: string;
  address: string;
  phone: string;
  registeredOn: string;
  status: ImportRow["status"];
  members: PlannedMember[];
};

const HOUSEHOLD_COLUMNS = ["headName", "group", "address", "phone", "registeredOn", "status"] as const satisfies readonly ImportColumn[];

// A household's rows are the consecutive rows with its archive number, or, for a new household
// without one, with its head's name and address.
const keyOf = (row: ParsedRow) => row.raw.archiveNo.toUpperCase() || `${row.raw.headName}\u0000${row.raw.address}`;

/**
 * Gathers the rows into households and checks what no single row can show: a household's rows
 * agree with each other, each household has one head whose name is the head's name, and no
 * archive number (or new household) turns up twice.
 */
export function groupHouseholds(rows: ParsedRow[]): { households: PlannedHousehold[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const households: { plan: PlannedHousehold; heads: number[]; valid: boolean; firstValid: boolean }[] = [];
  const firstRowOfKey = new Map<string, number>();
  let previousKey: string | null = null;
  for (const row of rows) {
    const key = keyOf(row);
    const current = households.at(-1);
    if (key !== previousKey && firstRowOfKey.has(key)) {
      problems.push(duplicate(row, firstRowOfKey.get(key)!));
      continue;
    }
    if (key !== previousKey || !current) {
      firstRowOfKey.set(key, row.row);
      previousKey = key;
      households.push({ plan: planOf(row), heads: [], valid: row.value !== null, firstValid: row.value !== null });
    } else if (current.firstValid) {
      problems.push(...disagreements(row, current.plan));
    }
    const household = households.at(-1)!;
    if (!row.value) {
      household.valid = false;
      continue;
    }
    const { memberName: name, relation, gender, birthYear } = row.value;
    household.plan.members.push({ row: row.row, name, relation, gender, birthYear });
    if (relation === "HEAD") household.heads.push(row.row);
    if (relation === "HEAD" && name !== household.plan.headName) {
      problems.push(problemAt(row.row, "memberName", "headNameMismatch", { head: household.plan.headName }));
    }
  }
  for (const { plan, heads, valid } of households) {
    if (heads.length === 0 && valid) problems.push(problemAt(plan.firstRow, "relation", "missingHead", { head: plan.headName }));
    for (const extra of heads.slice(1)) problems.push(problemAt(extra, "relation", "twoHeads", { first: heads[0]! }));
  }
  return { households: households.map((h) => h.plan), problems };
}

function planOf(row: ParsedRow): PlannedHousehold {
  const v = row.value;
  return {
    firstRow: row.row, archiveNo: row.raw.archiveNo.toUpperCase(), headName: v?.headName ?? row.raw.headName,
    group: v?.group ?? row.raw.group, address: v?.address ?? row.raw.address, phone: v?.phone ?? row.raw.phone,
    registeredOn: v?.registeredOn ?? row.raw.registeredOn, status: v?.status ?? "ACTIVE", members: [],
  };
}

function duplicate(row: ParsedRow, first: number): Problem {
  return row.raw.archiveNo
    ? problemAt(row.row, "archiveNo", "duplicateArchiveNo", { archiveNo: row.raw.archiveNo.toUpperCase(), first })
    : problemAt(row.row, "headName", "duplicateNewHousehold", { first });
}

/** A later row of a household repeats its household columns; a blank cell is taken as "same". */
function disagreements(row: ParsedRow, plan: PlannedHousehold): Problem[] {
  if (!row.value) return [];
  const out: Problem[] = [];
  for (const column of HOUSEHOLD_COLUMNS) {
    const mine = column === "status" && !row.raw.status ? plan.status : row.value[column];
    if (row.raw[column] === "" && column !== "headName") continue;
    if (mine !== plan[column]) {
      out.push(problemAt(row.row, column, "householdMismatch", { first: plan.firstRow, value: displayValue(plan, column) }));
    }
  }
  return out;
}

const displayValue = (plan: PlannedHousehold, column: (typeof HOUSEHOLD_COLUMNS)[number]) =>
  column === "status" ? STATUS_LABELS[plan.status] : plan[column];
