import type { HouseholdInfo, SeedContext } from "./context";
import { fullName, initialsOf, mobile, surname } from "./names";
import type { Rng } from "./random";
import { addDays, atBeijing, day, daysBetween, maxDate, minDate, utcDate } from "./time";
import type { Gender, GroupRow, HouseholdRow, MemberRow, Relation, VillageRow } from "./types";
import { groupName, groupSizes, type VillageSpec } from "./villages";

type Person = { name: string; relation: Relation; gender: Gender; birthYear: number };

/** The groups, households and members of one village. */
export function buildHouseholds(
  ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, count: number,
): { groups: GroupRow[]; households: HouseholdInfo[] } {
  const groups: GroupRow[] = [];
  const households: HouseholdInfo[] = [];
  let serial = 0;
  for (const [index, size] of groupSizes(rng, count).entries()) {
    const number = index + 1;
    const group: GroupRow = {
      id: ctx.uuid(`group:${spec.code}:${number}`, village.createdAt),
      villageId: village.id, number, name: groupName(spec.kind, number),
    };
    groups.push(group);
    let houseNo = 0;
    for (let i = 0; i < size; i++) {
      serial++;
      houseNo += rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
      households.push(buildHousehold(ctx, rng, spec, village, group, serial, houseNo));
    }
  }
  return { groups, households };
}

function buildHousehold(
  ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, group: GroupRow,
  serial: number, houseNo: number,
): HouseholdInfo {
  const featured = serial === 1;
  const year = ctx.today.getUTCFullYear();
  const age = featured ? rng.int(50, 60) : Math.round(Math.min(90, Math.max(24, rng.gauss(56, 13))));
  const gender: Gender = featured || rng.chance(0.86) ? "MALE" : "FEMALE";
  const headBirth = year - age;
  const family = surname(rng);
  const headName = fullName(rng, family, gender, headBirth);

  // Most households were registered long before the archive began; some split off or moved in since.
  const earliest = Math.max(headBirth + 21, 1982);
  const before2019 = featured || (earliest <= 2018 && rng.chance(0.88));
  const lastDay = addDays(ctx.today, -20);
  const from = before2019 ? utcDate(earliest, 1, 1) : maxDate(ctx.launch, utcDate(earliest, 1, 1));
  const until = before2019 ? utcDate(2018, 12, 31) : lastDay;
  const registered = minDate(addDays(from, rng.int(0, Math.max(0, daysBetween(from, until)))), until);
  const createdDay = before2019 ? addDays(ctx.launch, rng.int(1, 80)) : addDays(registered, rng.int(0, 10));
  const createdAt = atBeijing(maxDate(createdDay, registered), rng.int(8, 17), rng.int(0, 59));

  const status: HouseholdRow["status"] = featured
    ? "ACTIVE"
    : rng.weighted([["ACTIVE", 96.5], ["MOVED_OUT", 2.3], ["INACTIVE", 1.2]] as const);
  const hasPhone = rng.chance(status !== "ACTIVE" ? 0.5 : age > 75 ? 0.7 : 0.94);
  const archiveNo = `${ctx.township.code}-${spec.code}-${String(serial).padStart(5, "0")}`;
  const id = ctx.uuid(`household:${archiveNo}`, createdAt);

  const people = familyOf(rng, { name: headName, relation: "HEAD", gender, birthYear: headBirth }, family, year);
  const members: MemberRow[] = people.map((p, i) => ({
    id: ctx.uuid(`member:${archiveNo}:${i}`, createdAt), householdId: id, name: p.name, relation: p.relation,
    gender: p.gender, birthYear: p.birthYear, active: true, createdAt, updatedAt: createdAt,
  }));
  const row: HouseholdRow = {
    id, villageId: village.id, groupId: group.id, archiveNo, headName, headInitials: initialsOf(headName),
    address: `${ctx.township.name}${spec.name}${group.number}组${houseNo}号`,
    phone: hasPhone ? mobile(rng) : null, status, registeredOn: day(registered),
    createdAt, updatedAt: createdAt, chainLength: 0, chainHead: null,
  };
  const activity = featured ? 6 : status === "ACTIVE" ? -Math.log(1 - rng.float()) : 0.4;
  return { row, members, head: members[0] as MemberRow, registered, featured, activity };
}

/** Head, spouse, children (some with their own families), parents: at most six people. */
function familyOf(rng: Rng, head: Person, family: string, year: number): Person[] {
  const people: Person[] = [head];
  const add = (p: Person) => people.length < 6 && people.push(p);
  const age = year - head.birthYear;
  const other: Gender = head.gender === "MALE" ? "FEMALE" : "MALE";
  let childFamily = family;
  if (age >= 24 && rng.chance(age > 75 ? 0.55 : 0.88)) {
    const spouseFamily = surname(rng, family);
    const birth = head.birthYear + Math.round(rng.gauss(head.gender === "MALE" ? 2 : -2, 2));
    add({ name: fullName(rng, spouseFamily, other, birth), relation: "SPOUSE", gender: other, birthYear: birth });
    if (head.gender === "FEMALE") childFamily = spouseFamily;
  }
  if (age < 52 && rng.chance(0.3)) {
    const birth = head.birthYear - rng.int(22, 32);
    if (year - birth <= 92) add({ name: fullName(rng, family, "MALE", birth), relation: "FATHER", gender: "MALE", birthYear: birth });
  }
  if (age < 55 && rng.chance(0.4)) {
    const birth = head.birthYear - rng.int(20, 30);
    if (year - birth <= 95) add({ name: fullName(rng, surname(rng, family), "FEMALE", birth), relation: "MOTHER", gender: "FEMALE", birthYear: birth });
  }
  const children = head.birthYear < 1960 ? rng.int(1, 4) : head.birthYear < 1982 ? rng.int(1, 3) : rng.int(0, 2);
  let born = head.birthYear + rng.int(22, 28);
  for (let i = 0; i < children && born <= year; i++, born += rng.int(2, 6)) {
    const g: Gender = rng.chance(0.53) ? "MALE" : "FEMALE";
    const childAge = year - born;
    const stays = childAge < 25 ? 0.95 : childAge < 40 ? (g === "MALE" ? 0.55 : 0.2) : g === "MALE" ? 0.15 : 0.04;
    if (!rng.chance(stays)) continue;
    add({ name: fullName(rng, childFamily, g, born), relation: g === "MALE" ? "SON" : "DAUGHTER", gender: g, birthYear: born });
    if (g !== "MALE" || childAge < 25 || !rng.chance(0.7)) continue;
    const inLaw = born + Math.round(rng.gauss(1, 2));
    add({ name: fullName(rng, surname(rng, childFamily), "FEMALE", inLaw), relation: "DAUGHTER_IN_LAW", gender: "FEMALE", birthYear: inLaw });
    for (let k = rng.int(0, 2), gb = born + rng.int(23, 30); k > 0 && gb <= year; k--, gb += rng.int(2, 5)) {
      const gg: Gender = rng.chance(0.52) ? "MALE" : "FEMALE";
      add({ name: fullName(rng, childFamily, gg, gb), relation: gg === "MALE" ? "GRANDSON" : "GRANDDAUGHTER", gender: gg, birthYear: gb });
    }
  }
  return people;
}
