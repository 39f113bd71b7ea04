import { createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { usernameKey } from "../../lib/domain/username-key";
import type { HouseholdInfo, SeedContext } from "./context";
import { DEMO_PASSWORD } from "./demo-accounts";
import { fullName, surname } from "./names";
import type { Rng } from "./random";
import { atBeijing, utcDate } from "./time";
import type { AccountRow, MemberRow, VillageRow } from "./types";
import type { VillageSpec } from "./villages";

/**
 * Every demo account shares one password, hashed ONCE here and reused: argon2id is slow on
 * purpose (~50 ms and 19 MiB per hash), and hashing it for thousands of accounts would take
 * minutes. The salt is derived from the seed so the same options give byte-identical rows;
 * the password is public anyway, so a reproducible salt hides nothing.
 */
export async function hashDemoPassword(seedKey: string): Promise<string> {
  const salt = createHash("sha256").update(`demo-password-salt:${seedKey}`).digest().subarray(0, 16);
  return hash(DEMO_PASSWORD, { salt }); // @node-rs/argon2 defaults to argon2id (m=19456, t=2, p=1)
}

/** Staff accounts set up for the archive at the end of 2018, before the rule votes. */
const STAFF_SINCE = utcDate(2018, 11, 5);

export function townshipAccounts(ctx: SeedContext, townshipId: string, passwordHash: string): AccountRow[] {
  const rng = ctx.rng.fork("township-accounts");
  const account = (name: string, displayName: string, role: AccountRow["role"], n: number): AccountRow => {
    const at = atBeijing(STAFF_SINCE, 9, n);
    const username = role === "ADMIN" ? name : `${ctx.township.accountPrefix}${name}`;
    return {
      id: ctx.uuid(`account:${username}`, at), username, usernameKey: usernameKey(username), displayName, role,
      townshipId: role === "ADMIN" ? null : townshipId, villageId: null, householdId: null,
      homeHouseholdId: null, passwordHash, createdAt: at, updatedAt: at,
    };
  };
  const officer = () => fullName(rng, surname(rng), rng.chance(0.5) ? "MALE" : "FEMALE", rng.int(1970, 1990));
  const admin = account("admin", "系统管理员", "ADMIN", 0);
  return [
    ...(ctx.township.hasAdmin ? [admin] : []),
    account("official", `${officer()}（镇文明办）`, "TOWNSHIP_OFFICIAL", 1),
    account("official-2", `${officer()}（镇综治办）`, "TOWNSHIP_OFFICIAL", 2),
  ];
}

/**
 * Two clerks and the representatives of a village: one representative per 5 to 15 households
 * (at least 3), each living in a different household of the village that existed before the
 * rule vote of December 2018.
 */
export function villageStaff(
  ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, households: HouseholdInfo[],
  passwordHash: string,
): { clerks: AccountRow[]; reps: AccountRow[] } {
  const homes = rng.shuffle(
    households.filter((h) => !h.featured && h.row.status === "ACTIVE" && h.registered < utcDate(2018, 11, 30)),
  );
  const repCount = Math.max(3, Math.round(households.length / rng.int(7, 13)));
  const year = ctx.today.getUTCFullYear();
  const holder = (h: HouseholdInfo): MemberRow => {
    const adults = h.members.filter((m) => year - m.birthYear >= 25 && year - m.birthYear <= 68);
    return adults.includes(h.head) ? h.head : (adults[0] ?? h.head);
  };
  const account = (name: string, role: "CLERK" | "REPRESENTATIVE", home: HouseholdInfo | undefined, n: number): AccountRow => {
    const at = atBeijing(STAFF_SINCE, 10 + Math.floor(n / 60), n % 60);
    const username = `${ctx.township.accountPrefix}${name}`;
    return {
      id: ctx.uuid(`account:${username}`, at), username, usernameKey: usernameKey(username),
      displayName: home ? holder(home).name : username, role,
      townshipId: village.townshipId, villageId: village.id, householdId: null,
      homeHouseholdId: home?.row.id ?? null, passwordHash, createdAt: at, updatedAt: at,
    };
  };
  const clerks = [account(`clerk-${spec.slug}`, "CLERK", homes[0], 0), account(`clerk-${spec.slug}-2`, "CLERK", homes[1], 1)];
  const reps = Array.from({ length: repCount }, (_, i) => account(`rep-${spec.slug}-${i + 1}`, "REPRESENTATIVE", homes[i + 2], i + 2));
  return { clerks, reps };
}

/** The sign-in of one household: its archive number. */
export function householdAccount(
  ctx: SeedContext, village: VillageRow, household: HouseholdInfo, passwordHash: string,
): AccountRow {
  const at = household.row.createdAt;
  return {
    id: ctx.uuid(`account:${household.row.archiveNo}`, at), username: household.row.archiveNo,
    usernameKey: usernameKey(household.row.archiveNo), displayName: household.row.headName, role: "HOUSEHOLD", townshipId: village.townshipId,
    villageId: village.id, householdId: household.row.id, homeHouseholdId: null, passwordHash,
    createdAt: at, updatedAt: at,
  };
}
