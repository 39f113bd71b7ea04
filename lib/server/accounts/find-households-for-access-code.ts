import "server-only";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

const LIMIT = 20;

/**
 * Households of the actor's village(s) matching an archive number, the head's name or the
 * pinyin initials of that name, with the state of their sign-in, for issuing access codes.
 */
export async function findHouseholdsForAccessCode(actor: Actor, q: string) {
  authorize(actor, "accounts.issueAccessCode");
  const text = q.trim();
  const rows = await db.household.findMany({
    where: {
      village: villageWhere(actor),
      OR: [
        { archiveNo: { contains: text, mode: "insensitive" } },
        { headName: { contains: text } },
        { headInitials: { startsWith: text.toLowerCase() } },
      ],
    },
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
