import "server-only";
import type { SignInEvent, SignInHistory } from "@/lib/schemas/sign-ins";
import { authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { slicePage, type Paging } from "@/lib/server/paging";

const LIMIT = 20;

/**
 * The actor's own recent sign-ins (time, method, address), the access codes issued for its
 * account and the resets of its password, with who did each, newest first. A clerk may sign in
 * as a household with a code the clerk issued, an official with a temporary password the
 * official set; this is where the household sees that it happened and who did it.
 */
export async function listMySignIns(actor: Actor, paging: Paging = {}): Promise<SignInHistory> {
  authorize(actor, "me.read");
  const [signIns, secrets] = await Promise.all([
    db.signInAttempt.findMany({
      where: { accountId: actor.id, succeeded: true },
      orderBy: { createdAt: "desc" }, take: LIMIT, select: { createdAt: true, method: true, ip: true },
    }),
    // The audit record of issuing a code or resetting the password names who did it
    // (issue-access-code.ts, create-account.ts, reset-password.ts).
    db.auditLog.findMany({
      where: {
        targetType: "Account", targetId: actor.id,
        OR: [
          { action: "account.issueAccessCode" }, { action: "account.resetPassword" },
          { action: "account.create", after: { path: ["accessCodeIssued"], equals: true } },
        ],
      },
      orderBy: { createdAt: "desc" }, take: LIMIT,
      select: {
        createdAt: true, action: true,
        actor: { select: { displayName: true, role: true, village: { select: { name: true } }, township: { select: { name: true } } } },
      },
    }),
  ]);
  const items: SignInEvent[] = [
    ...signIns.map((s) => ({ kind: "signIn" as const, at: s.createdAt.toISOString(), method: s.method, address: s.ip })),
    ...secrets.map(({ createdAt, action, actor: issuer }) => ({
      kind: action === "account.resetPassword" ? "passwordReset" as const : "accessCodeIssued" as const, at: createdAt.toISOString(),
      issuer: issuer && { displayName: issuer.displayName, role: issuer.role, place: issuer.village?.name ?? issuer.township?.name ?? null },
    })),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return slicePage(items.slice(0, LIMIT), paging);
}
