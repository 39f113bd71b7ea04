import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/i18n/locales";
import { chinaToday } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportReport } from "@/lib/schemas/household-import";
import { writeAudit } from "@/lib/server/audit";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { archivePrefix, lockVillageNumbering } from "../archive-numbers";
import { checkAgainstVillage } from "./check-village";
import { groupHouseholds } from "./group-households";
import { parseRows } from "./parse-rows";
import { problemAt, translateProblems, type Problem } from "./problems";
import { readTable, UnreadableFileError } from "./read-table";
import { writeHouseholds } from "./write-households";

// 13,600 households with 45,000 members take seconds; the limit is for a slow disk.
const IMPORT_TIMEOUT_MS = 5 * 60_000;

export type ImportOptions = { dryRun: boolean; locale: Locale };

/**
 * Imports households and members of one village from a spreadsheet. A dry run checks and
 * reports every problem; the import checks again, under the village's lock, and writes
 * everything in one transaction or, with any problem at all, nothing.
 */
export async function importHouseholds(actor: Actor, villageId: string, file: File, options: ImportOptions, context: RequestContext): Promise<ImportReport> {
  authorize(actor, "households.manage");
  const village = await db.village.findUnique({ where: { id: villageId }, select: { id: true, townshipId: true, active: true } });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "households.manage", { townshipId: village.townshipId, villageId });
  if (!village.active) throw new AppError("RULE_VIOLATION", "errors.villageInactiveForHouseholds");

  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const read = await readFile(bytes);
  const report = (found: Problem[], extra: Partial<ImportReport>): ImportReport => ({
    dryRun: options.dryRun, imported: false, fileName: file.name, sha256, rows: read.rows, newHouseholds: 0, newMembers: 0,
    unchangedHouseholds: 0, archiveNos: null, ...extra, problems: translateProblems(found, options.locale),
  });
  if (options.dryRun) {
    const { problems, counts } = await checkFile(db, { id: villageId, prefix: await prefixOf(villageId) }, read);
    return report(problems, counts);
  }
  return db.$transaction(async (tx) => {
    const numbering = (await lockVillageNumbering(tx, villageId))!;
    const { problems, counts, check } = await checkFile(tx, numbering, read);
    if (problems.length) {
      const refused = report(problems, counts);
      throw new AppError("RULE_VIOLATION", "errors.importHasProblems", { count: refused.problems.length }, refused);
    }
    // Everything in the file is already in the archive: nothing to write, nothing to audit.
    if (!check.newHouseholds.length) return report([], counts);
    const written = await writeHouseholds(tx, numbering, check.newHouseholds, chinaToday(new Date()));
    await writeAudit(tx, context, {
      actorId: actor.id, action: "household.import", targetType: "Village", targetId: villageId,
      townshipId: village.townshipId, villageId,
      after: { fileName: file.name, sha256, rows: read.rows, households: written.households, members: written.members,
        unchangedHouseholds: check.unchanged, archiveNos: written.numbered },
    });
    return report([], { ...counts, imported: true, archiveNos: written.numbered });
  }, { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 });
}

type ReadResult = Awaited<ReturnType<typeof readFile>>;

async function checkFile(client: Prisma.TransactionClient, village: { id: string; prefix: string }, read: ReadResult) {
  const check = await checkAgainstVillage(client, village, read.households);
  const counts = {
    newHouseholds: check.newHouseholds.length, unchangedHouseholds: check.unchanged,
    newMembers: check.newHouseholds.reduce((n, h) => n + h.members.length, 0),
  };
  return { problems: [...read.problems, ...check.problems], counts, check };
}

async function readFile(bytes: Uint8Array) {
  try {
    const parsed = parseRows(await readTable(bytes));
    const grouped = groupHouseholds(parsed.rows);
    return { households: grouped.households, rows: parsed.rows.length, problems: [...parsed.problems, ...grouped.problems] };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { households: [], rows: 0, problems: [problemAt(0, null, "unreadable")] };
  }
}

async function prefixOf(villageId: string): Promise<string> {
  const v = await db.village.findUniqueOrThrow({ where: { id: villageId }, select: { code: true, township: { select: { code: true } } } });
  return archivePrefix(v.township.code, v.code);
}
