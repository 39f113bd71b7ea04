import { db } from "@/lib/server/db";

// A second township with one village, one household and an official, for "out of scope" tests.
export type OtherTownship = { townshipId: string; villageId: string; householdId: string; officialUsername: string };

export async function createOtherTownship(code = "QT"): Promise<OtherTownship> {
  const demo = await db.account.findUniqueOrThrow({ where: { username: "official" }, select: { passwordHash: true } });
  const township = await db.township.create({ data: { code, name: "秦团镇", county: "石门县" }, select: { id: true } });
  const village = await db.village.create({ data: { townshipId: township.id, code: "A", name: "秦团村", kind: "VILLAGE" }, select: { id: true } });
  const household = await db.household.create({
    data: { villageId: village.id, archiveNo: `${code}-A-00001`, headName: "秦大山", headInitials: "qds", address: "秦团村1组1号", registeredOn: new Date("2018-01-01") },
    select: { id: true },
  });
  const officialUsername = `official-${code.toLowerCase()}`;
  await db.account.create({
    data: { username: officialUsername, displayName: "秦团镇干部", role: "TOWNSHIP_OFFICIAL", townshipId: township.id, passwordHash: demo.passwordHash },
  });
  return { townshipId: township.id, villageId: village.id, householdId: household.id, officialUsername };
}
