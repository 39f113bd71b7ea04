import "server-only";
import type { Locale } from "@/i18n/locales";
import { chinaToday, dateToDay } from "@/lib/domain/entry-date";
import { translatorFor } from "@/lib/i18n/translator";
import { GENDER_LABELS, RELATION_LABELS, STATUS_LABELS } from "@/lib/schemas/household-import";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { headFirst, memberOrder } from "../household-record";
import { buildWorkbook, type FileRow } from "./workbook";

/**
 * The households of a village with their current members, one row per member, in the import's
 * layout: the file can be kept, corrected elsewhere, or imported again.
 */
export async function exportHouseholds(actor: Actor, villageId: string, locale: Locale) {
  authorize(actor, "households.search");
  const village = await db.village.findUnique({ where: { id: villageId }, select: { id: true, name: true, townshipId: true } });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "households.search", { townshipId: village.townshipId, villageId });
  // Members in one query joined on the village, not an IN list of every household's id.
  const [households, members] = await Promise.all([
    db.household.findMany({
      where: { villageId }, orderBy: { archiveNo: "asc" },
      select: { id: true, archiveNo: true, headName: true, address: true, phone: true, status: true, registeredOn: true, group: { select: { name: true } } },
    }),
    db.member.findMany({
      where: { active: true, household: { villageId } }, orderBy: memberOrder,
      select: { householdId: true, name: true, relation: true, gender: true, birthYear: true, active: true },
    }),
  ]);
  const byHousehold = new Map<string, typeof members>();
  for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
  const rows: FileRow[] = households.flatMap((h) => headFirst(byHousehold.get(h.id) ?? []).map((m) => ({
    archiveNo: h.archiveNo, headName: h.headName, group: h.group?.name ?? "", address: h.address, phone: h.phone ?? "",
    registeredOn: dateToDay(h.registeredOn), status: STATUS_LABELS[h.status],
    memberName: m.name, relation: RELATION_LABELS[m.relation], gender: m.gender ? GENDER_LABELS[m.gender] : "", birthYear: m.birthYear,
  })));
  const t = translatorFor(locale);
  const today = chinaToday(new Date());
  return {
    bytes: await buildWorkbook(t("householdImport.file.sheetName"), rows),
    fileName: t("householdImport.file.exportName", { village: village.name, date: today }),
    households: households.length,
  };
}
