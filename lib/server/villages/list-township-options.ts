import "server-only";
import { authorize, townshipIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/** Townships the actor may place villages and officials in, for the choices of a form. */
export async function listTownshipOptions(actor: Actor) {
  authorize(actor, "townships.read");
  return db.township.findMany({
    where: actor.role === "ADMIN" ? {} : { id: townshipIdOf(actor) },
    select: { id: true, name: true, code: true },
    orderBy: { code: "asc" },
  });
}
