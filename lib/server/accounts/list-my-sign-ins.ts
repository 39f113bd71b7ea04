import "server-only";
import type { SignInEvent, SignInHistory } from "@/lib/schemas/sign-ins";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

const LIMIT = 20;

/**
 * The actor's own recent sign-ins (time, method, address) and the access codes issued for its
 * account, with who issued each, newest first. A clerk may sign in as a household with a code
 * the clerk issued; this is where the household sees that it happened and who did it.
 */
export async function listMySignIns(actor: Actor): Promise<SignInHistory> {
  authorize(actor, "me.read");
  const [signIns, codes] = await Promise.all([
    db.signInAttempt.findMany({
      where: { accountId: actor.id, succeeded: true },
      orderBy: { createdAt: "desc" }, take: LIMIT, select: { createdAt: true, method: true, ip: true },
    }),
    // The audit record of issuing a code names who issued it (issue-access-code.ts, create-account.ts).
    db.auditLog.findMany({
      where: {
        targetType: "Account", targetId: actor.id,
        OR: [{ action: "account.issueAccessCode" }, { action: "account.create", after: { path: ["accessCodeIssued"], equals: true } }],
      },
      orderBy: { createdAt: "desc" }, take: LIMIT,
      select: {
        createdAt: true,
        actor: { select: { displayName: true, role: true, village: { select: { name: true } }, township: { select: { name: true } } } },
      },
    }),
  ]);
  const items: SignInEvent[] = [
    ...signIns.map((s) => ({ kind: "signIn" as const, at: s.createdAt.toISOString(), method: s.method, address: s.ip })),
    ...codes.map(({ createdAt, actor: issuer }) => ({
      kind: "accessCodeIssued" as const, at: createdAt.toISOString(),
      issuer: issuer && { displayName: issuer.displayName, role: issuer.role, place: issuer.village?.name ?? issuer.township?.name ?? null },
    })),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { items: items.slice(0, LIMIT) };
}
