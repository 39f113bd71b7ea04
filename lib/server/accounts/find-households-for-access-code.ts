import "server-only";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { searchConditions } from "@/lib/server/households/search-households";

const LIMIT = 20;

/**
 * Households of the actor's village(s) matching the search text (the households search's own
 * rules: archive number, names, phone, pinyin), with the state of their sign-in.
 */
export async function findHouseholdsForAccessCode(actor: Actor, q: string) {
  authorize(actor, "accounts.issueAccessCode");
  const rows = await db.household.findMany({
    where: { AND: [householdWhere(actor), { OR: searchConditions(q) }] },
    select: {
      id: true, archiveNo: true, headName: true, status: true,
      village: { select: { name: true } },
      accounts: { where: { role: "HOUSEHOLD" }, take: 1, select: { active: true, accessCodeExpiresAt: true, lastSeenAt: true } },
    },
    orderBy: { archiveNo: "asc" },
    take: LIMIT,
  });
  const now = new Date();
  return rows.map(({ accounts, village, ...household }) => {
    const account = accounts[0];
    return {
      ...household,
      villageName: village.name,
      hasAccount: !!account,
      accountActive: account?.active ?? false,
      pendingCodeExpiresAt: account?.accessCodeExpiresAt && account.accessCodeExpiresAt > now ? account.accessCodeExpiresAt : null,
      lastSeenAt: account?.lastSeenAt ?? null,
    };
  });
}

export type HouseholdForAccessCode = Awaited<ReturnType<typeof findHouseholdsForAccessCode>>[number];
