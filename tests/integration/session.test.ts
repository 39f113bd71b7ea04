import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
});

describe("session tokens", () => {
  it("are renewed for another 12 hours and expire after 12 hours without a request", async () => {
    const { readSessionToken, renewSessionToken, SESSION_MAX_AGE_S } = await import("@/lib/server/auth/session");
    expect(SESSION_MAX_AGE_S).toBe(12 * 60 * 60);
    const secret = process.env.NEXTAUTH_SECRET!;
    const signedInAt = Date.now() - 3600_000;
    const fresh = await encode({ token: { sub: "a1", signedInAt, viaAccessCode: true }, secret, maxAge: 60 });
    expect(await readSessionToken(fresh)).toEqual({ accountId: "a1", signedInAt: new Date(signedInAt), viaAccessCode: true });

    const renewed = await renewSessionToken(fresh);
    const { decode } = await import("next-auth/jwt");
    const payload = await decode({ token: renewed!, secret });
    expect((payload!.exp as number) - Date.now() / 1000).toBeGreaterThan(SESSION_MAX_AGE_S - 5);
    expect(payload!.signedInAt).toBe(signedInAt); // renewal keeps the original sign-in time…
    expect(payload!.viaAccessCode).toBe(true); // …and whether it began with an access code

    const idle = await encode({ token: { sub: "a1" }, secret, maxAge: -60 }) // beyond next-auth's 15 s clock tolerance;
    expect(await readSessionToken(idle)).toBeNull();
    expect(await renewSessionToken(idle)).toBeNull();
    expect(await readSessionToken("not-a-token")).toBeNull();
  });
});
