import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// The sign-in limits and why (docs/decisions/0009). They live in PostgreSQL, so they hold
// across restarts and app instances. An attempt is recorded as a failure before its secret is
// checked and turned into a success afterwards, so a burst of parallel guesses is counted in
// full instead of each seeing the count from before the burst. "Address" here is the network
// the limits count (lib/domain/client-address.ts addressNetwork): an IPv4 address, an IPv6 /64.
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  accountFailures: 5, // failures for one account from one address; then that address is locked out of it…
  lockMs: 15 * 60_000, // …for this long
  ipFailures: 30, // failures from one address, over all accounts
  accountCeiling: 100, // failures for one account, over all addresses; then it is locked everywhere…
  knownAddressDays: 90, // …except where it signed in successfully within this many days
} as const;

export type LimitRefusal = { reason: "IP_LIMITED" | "LOCKED" | "ACCOUNT_LIMITED"; retryAt: Date };
type Tx = Prisma.TransactionClient;
// lockedUntil: the account-wide lock, as read under lockSignInSubject.
type Subject = { accountId: string | null; lockedUntil: Date | null; network: string; now: Date };

const windowStart = (now: Date) => new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
const later = (a: Date, b: Date | null | undefined) => (b && b > a ? b : a);
const lockEnd = (now: Date) => new Date(now.getTime() + SIGN_IN_LIMITS.lockMs);
// A lock still running has forgiven nothing yet; one that has ended (or a reset) has.
const ended = (lock: Date | null, now: Date) => (lock && lock <= now ? lock : null);

/**
 * Serialises attempts from one address, and for one account, so that counting and recording an
 * attempt cannot interleave with another's. Taken at the start of each sign-in transaction;
 * returns the account's lock as it is now that nobody else can change it.
 */
export async function lockSignInSubject(tx: Tx, { accountId, network }: Pick<Subject, "accountId" | "network">): Promise<Date | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${network}`}))`;
  if (!accountId) return null;
  await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${accountId}::uuid FOR UPDATE`;
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { lockedUntil: true } });
  return account?.lockedUntil ?? null;
}

/** The latest lock of this account for this address that began within the window, if any. */
async function pairLock(tx: Tx, accountId: string, network: string, now: Date): Promise<Date | null> {
  const row = await tx.signInAttempt.findFirst({
    where: { accountId, network, locksUntil: { gt: windowStart(now) } },
    orderBy: { locksUntil: "desc" }, select: { locksUntil: true },
  });
  return row?.locksUntil ?? null;
}

const pairFailures = (tx: Tx, accountId: string, network: string, since: Date) =>
  tx.signInAttempt.count({ where: { accountId, network, succeeded: false, createdAt: { gt: since } } });
const accountFailures = (tx: Tx, accountId: string, since: Date) =>
  tx.signInAttempt.count({ where: { accountId, succeeded: false, createdAt: { gt: since } } });

/**
 * Whether the account signed in successfully from this address within knownAddressDays: most
 * likely its holder, at home, who keeps access while the account is locked everywhere else.
 */
async function isKnownAddress(tx: Tx, accountId: string, network: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressDays * 86_400_000);
  const row = await tx.signInAttempt.findFirst({
    where: { accountId, network, succeeded: true, createdAt: { gt: since } }, select: { id: true },
  });
  return row !== null;
}

/**
 * Where counting starts: the window, or the end of an earlier lock if later — failures before it
 * have been paid for already. The account's lockedUntil also marks where a reset forgave them.
 */
const countFrom = (now: Date, ...locks: (Date | null)[]) => locks.reduce<Date>((from, lock) => later(from, lock), windowStart(now));

/** The address's own lock on the account (5 failures there), which holds even where the account-wide one spares it. */
async function pairRefusal(tx: Tx, accountId: string, lockedUntil: Date | null, network: string, now: Date): Promise<LimitRefusal | null> {
  const lock = await pairLock(tx, accountId, network, now);
  if (lock && lock > now) return { reason: "LOCKED", retryAt: lock };
  if ((await pairFailures(tx, accountId, network, countFrom(now, ended(lockedUntil, now), lock))) >= SIGN_IN_LIMITS.accountFailures) {
    return { reason: "LOCKED", retryAt: lockEnd(now) };
  }
  return null;
}

/** Whether an attempt is refused before any secret is checked: by address, account-wide, or for this account from this address. */
export async function checkSignInLimits(tx: Tx, { accountId, lockedUntil, network, now }: Subject): Promise<LimitRefusal | null> {
  const ipFailures = await tx.signInAttempt.findMany({
    where: { network, succeeded: false, createdAt: { gt: windowStart(now) } },
    orderBy: { createdAt: "asc" }, select: { createdAt: true }, take: SIGN_IN_LIMITS.ipFailures,
  });
  if (ipFailures.length >= SIGN_IN_LIMITS.ipFailures) {
    return { reason: "IP_LIMITED", retryAt: new Date(ipFailures[0]!.createdAt.getTime() + SIGN_IN_LIMITS.windowMs) };
  }
  if (!accountId) return null;
  // Attempts still being checked count as failures; their own lock is set when they finish.
  const accountLock = lockedUntil && lockedUntil > now ? lockedUntil
    : (await accountFailures(tx, accountId, countFrom(now, lockedUntil))) >= SIGN_IN_LIMITS.accountCeiling ? lockEnd(now)
    : null;
  if (accountLock && !(await isKnownAddress(tx, accountId, network, now))) return { reason: "ACCOUNT_LIMITED", retryAt: accountLock };
  return pairRefusal(tx, accountId, lockedUntil, network, now);
}

// isNew: this attempt set the lock (rather than a concurrent one that finished first).
export type Lockout = { scope: "address" | "account"; failures: number; lockedUntil: Date; isNew: boolean };

/**
 * After a failed attempt (already recorded): locks the account for this address once it has
 * reached its failures there, or everywhere once it has reached the ceiling. Returns the lock
 * that now refuses this address (null when none) and the account-wide lock this attempt set,
 * which refuses every address but the ones the account is known at.
 */
export async function applyLockout(
  tx: Tx, attemptId: string, { accountId, lockedUntil, network, now }: Subject & { accountId: string },
): Promise<{ refusal: Lockout | null; accountLock: Lockout | null }> {
  const overall = await accountFailures(tx, accountId, countFrom(now, lockedUntil));
  let accountLock: Lockout | null = null;
  if (overall >= SIGN_IN_LIMITS.accountCeiling) {
    const until = lockEnd(now);
    await tx.account.update({ where: { id: accountId }, data: { lockedUntil: until }, select: { id: true } });
    accountLock = { scope: "account", failures: overall, lockedUntil: until, isNew: true };
    if (!(await isKnownAddress(tx, accountId, network, now))) return { refusal: accountLock, accountLock };
  }
  const lock = await pairLock(tx, accountId, network, now);
  if (lock && lock > now) {
    return { refusal: { scope: "address", failures: SIGN_IN_LIMITS.accountFailures, lockedUntil: lock, isNew: false }, accountLock };
  }
  const failures = await pairFailures(tx, accountId, network, countFrom(now, ended(lockedUntil, now), lock));
  if (failures < SIGN_IN_LIMITS.accountFailures) return { refusal: null, accountLock };
  const until = lockEnd(now);
  await tx.signInAttempt.update({ where: { id: attemptId }, data: { locksUntil: until }, select: { id: true } });
  return { refusal: { scope: "address", failures, lockedUntil: until, isNew: true }, accountLock };
}

/**
 * Lifts every sign-in lock of an account (a password reset, a new access code: the holder is
 * starting afresh). Locks are ended now rather than erased: the account's lockedUntil = now marks
 * every failure before it as paid for, so the next mistake does not lock the account again.
 */
export async function liftSignInLocks(tx: Tx, accountId: string, now: Date): Promise<void> {
  await tx.signInAttempt.updateMany({ where: { accountId, locksUntil: { gt: now } }, data: { locksUntil: now } });
  await tx.account.update({ where: { id: accountId }, data: { lockedUntil: now }, select: { id: true } });
}
