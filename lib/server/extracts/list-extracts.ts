import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtractList, ExtractView, ListExtractsQuery } from "@/lib/schemas/extracts";
import { authorize, townshipIdOf, type Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { pageEnvelope, pageWindow, type Paging } from "@/lib/server/paging";
import { loadExtractTarget } from "./extract-target";
import { extractSelect, toExtractViews, unsafeGetExtractView } from "./extract-views";

/** A household's extracts, newest first: for the household itself, its village's clerks and the township. */
export async function listHouseholdExtracts(actor: Actor, householdId: string, paging: Paging = {}): Promise<ExtractList> {
  await loadHouseholdTarget(actor, "extracts.read", householdId);
  const where = { householdId };
  const [rows, total] = await Promise.all([
    db.archiveExtract.findMany({ where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], select: extractSelect, ...pageWindow(paging) }),
    db.archiveExtract.count({ where }),
  ]);
  return pageEnvelope(await toExtractViews(rows), total, paging);
}

/**
 * The township's queue: requested extracts first (oldest first, as they wait), then the others
 * (latest first). Extracts still awaiting the household's consent are not the township's yet.
 */
export async function listTownshipExtracts(actor: Actor, query: Partial<ListExtractsQuery> = {}): Promise<ExtractList> {
  authorize(actor, "extracts.list");
  const scope: Prisma.ArchiveExtractWhereInput = actor.role === "ADMIN" ? {} : { townshipId: townshipIdOf(actor) };
  const paging = { page: query.page, pageSize: query.pageSize };
  const where: Prisma.ArchiveExtractWhereInput = { ...scope, ...(query.status ? { status: query.status } : { status: { not: "AWAITING_CONSENT" } }) };
  const total = await db.archiveExtract.count({ where });
  const { skip = 0, take = total } = pageWindow(paging);
  // Two ordered parts, paged as one list.
  const requestedWhere = { ...where, AND: [{ status: "REQUESTED" as const }] };
  const requested = query.status && query.status !== "REQUESTED" ? 0 : await db.archiveExtract.count({ where: requestedWhere });
  const rows = [];
  if (skip < requested) {
    rows.push(...await db.archiveExtract.findMany({ where: requestedWhere, orderBy: [{ requestedAt: "asc" }, { id: "asc" }], skip, take, select: extractSelect }));
  }
  const restTake = take - rows.length;
  if (restTake > 0) {
    rows.push(...await db.archiveExtract.findMany({
      where: { ...where, AND: [{ status: { not: "REQUESTED" } }] }, orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      skip: Math.max(0, skip - requested), take: restTake, select: extractSelect,
    }));
  }
  return pageEnvelope(await toExtractViews(rows), total, paging);
}

/** `origin`: where the QR code's URL points (the page passes the address it was asked at without PUBLIC_URL). */
export async function getExtract(actor: Actor, extractId: string, origin?: string): Promise<ExtractView> {
  await loadExtractTarget(actor, "extracts.read", extractId);
  return unsafeGetExtractView(extractId, origin);
}

/** The signed extract (电子版) as a file: the compact JWS, for the offline verifier. */
export async function getExtractJws(actor: Actor, extractId: string): Promise<{ code: string; jws: string }> {
  await loadExtractTarget(actor, "extracts.read", extractId);
  const row = await db.archiveExtract.findUniqueOrThrow({ where: { id: extractId }, select: { code: true, jws: true } });
  if (!row.jws) throw new AppError("NOT_FOUND", "errors.extractNotIssued");
  return { code: row.code, jws: row.jws };
}
