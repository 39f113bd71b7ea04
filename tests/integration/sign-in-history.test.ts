import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { authOptions } from "@/lib/server/auth/auth-options";
import { resolveActor } from "@/lib/server/auth/resolve-actor";
import { issueSessionToken, readSessionToken, sessionCookieName } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";

// Staff may sign in as a household with an access code they issued (issue 7, point 11). It stays
// possible, but visible: the session remembers it began with a code, and the household's account
// page lists its sign-ins (time, method, address) and who issued each code.

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const jwt = authOptions.callbacks!.jwt! as unknown as (args: { token: object; user?: object }) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Signs in through next-auth's credentials provider and its jwt callback, as the sign-in form does. */
async function signInAs(username: string, password: string, address: string): Promise<string> {
  const user = await authorize({ username, password }, { headers: { [CLIENT_ADDRESS_HEADER]: address, "user-agent": "vitest" } });
  const claims = await jwt({ token: {}, user: user! });
  const read = { accountId: claims.sub as string, signedInAt: new Date(claims.signedInAt as number), viaAccessCode: claims.viaAccessCode === true };
  return issueSessionToken(read);
}

describe("a session begun with an access code", () => {
  it("is marked as such on the actor, and a password session is not", async () => {
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    const household = await db.household.findFirstOrThrow({
      where: { villageId: xinhua.id, status: "ACTIVE", accounts: { none: {} }, residents: { none: {} } },
      orderBy: { archiveNo: "desc" }, select: { id: true, archiveNo: true },
    });
    const issued = await callApi("POST", `/api/v1/households/${household.id}/access-code`, { as: { username: "clerk-xinhua" } });
    expect(issued.status).toBe(200);

    const viaCode = await signInAs(household.archiveNo, issued.body.accessCode.code, "198.51.100.31");
    expect((await resolveActor(null, viaCode))?.viaAccessCode).toBe(true);
    expect(await readSessionToken(viaCode)).toMatchObject({ viaAccessCode: true });

    const viaPassword = await signInAs("JS-XH-00001", "demo1234", "198.51.100.32");
    expect((await resolveActor(null, viaPassword))?.viaAccessCode).toBe(false);
  });
});

describe("a session begun with a temporary password staff set", () => {
  it("is marked like an access-code session, and the household sees who reset the password", async () => {
    const household = await db.household.findFirstOrThrow({ where: { archiveNo: "JS-XH-00003" }, select: { id: true, archiveNo: true } });
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true, townshipId: true } });
    const account = await db.account.upsert({
      where: { username: household.archiveNo }, update: {}, select: { id: true },
      create: { username: household.archiveNo, displayName: "户主", role: "HOUSEHOLD", householdId: household.id, townshipId: xinhua.townshipId, villageId: xinhua.id },
    });
    const official = await db.account.findUniqueOrThrow({ where: { username: "official" }, select: { displayName: true } });
    const reset = await callApi("POST", `/api/v1/accounts/${account.id}/reset-password`, { as: { username: "official" } });
    expect(reset.status).toBe(200);

    const viaTemporary = await signInAs(household.archiveNo, reset.body.temporaryPassword, "198.51.100.61");
    expect((await resolveActor(null, viaTemporary))?.viaAccessCode).toBe(true);
    // The temporary password must be replaced before anything else; the session keeps its mark.
    const changed = await callApi("POST", "/api/v1/me/password", {
      headers: { cookie: `${sessionCookieName()}=${viaTemporary}` },
      body: { newPassword: "Family-2026", confirmPassword: "Family-2026" },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const history = await callApi("GET", "/api/v1/me/sign-ins", { as: { username: household.archiveNo } });
    expect(history.status).toBe(200);
    expect(history.body.items.slice(0, 2)).toEqual([
      { kind: "signIn", at: expect.any(String), method: "TEMPORARY_PASSWORD", address: "198.51.100.61" },
      { kind: "passwordReset", at: expect.any(String), issuer: { displayName: official.displayName, role: "TOWNSHIP_OFFICIAL", place: "夹山镇" } },
    ]);

    // Signing in with the password the household chose itself is an ordinary sign-in.
    const own = await signInAs(household.archiveNo, "Family-2026", "198.51.100.62");
    expect((await resolveActor(null, own))?.viaAccessCode).toBe(false);
  });
});

describe("GET /api/v1/me/sign-ins", () => {
  it("lists the household's sign-ins with method and address, and who issued each access code", async () => {
    const household = await db.household.findFirstOrThrow({ where: { archiveNo: "JS-XH-00002" }, select: { id: true, archiveNo: true } });
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { displayName: true } });
    const issued = await callApi("POST", `/api/v1/households/${household.id}/access-code`, { as: { username: "clerk-xinhua" } });
    expect(issued.status).toBe(200);
    await signInAs(household.archiveNo, issued.body.accessCode.code, "198.51.100.41");
    await db.account.update({ where: { username: household.archiveNo }, data: { mustChangePassword: false } });
    // Someone else's sign-in, from an address that must not show up in this household's list.
    await signInAs("JS-XH-00001", "demo1234", "198.51.100.99");

    const res = await callApi("GET", "/api/v1/me/sign-ins", { as: { username: household.archiveNo } });
    expect(res.status).toBe(200);
    expect(res.body.items.slice(0, 2)).toEqual([
      { kind: "signIn", at: expect.any(String), method: "ACCESS_CODE", address: "198.51.100.41" },
      { kind: "accessCodeIssued", at: expect.any(String), issuer: { displayName: clerk.displayName, role: "CLERK", place: "新花村" } },
    ]);
    expect(JSON.stringify(res.body)).not.toContain("198.51.100.99");
  });

  it("shows staff their own sign-ins with the password method", async () => {
    await signInAs("clerk-yangping", "demo1234", "198.51.100.51");
    const res = await callApi("GET", "/api/v1/me/sign-ins", { as: { username: "clerk-yangping" } });
    expect(res.body.items[0]).toEqual({ kind: "signIn", at: expect.any(String), method: "PASSWORD", address: "198.51.100.51" });
  });
});
