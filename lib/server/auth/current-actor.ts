import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authorize, type Permission } from "@/lib/server/authz";
import { resolveActor, type AuthenticatedActor } from "./resolve-actor";
import { sessionCookieName } from "./session";

/**
 * The signed-in account of the page being rendered, or null. Read once per request: the layout
 * and the page both ask, and each ask would otherwise be another database read.
 */
export const getCurrentActor = cache(async (): Promise<AuthenticatedActor | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return resolveActor(headerStore.get("authorization"), cookieStore.get(sessionCookieName())?.value);
});

/**
 * For pages and Server Actions: the actor, or a redirect to sign in (or to choose a password
 * after signing in with an access code). With a permission, a missing one is a 403 page.
 */
export async function requireActor(permission?: Permission): Promise<AuthenticatedActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/account/password");
  if (permission) authorize(actor, permission);
  return actor;
}
