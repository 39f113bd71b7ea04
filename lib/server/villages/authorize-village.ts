import "server-only";
import { authorize, authorizeIn, type Actor, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** For use cases addressed to one village: the role's permission, then the village's scope (404 outside it). */
export async function authorizeVillage(actor: Actor, permission: Permission, villageId: string): Promise<void> {
  authorize(actor, permission);
  const village = await db.village.findUnique({ where: { id: villageId }, select: { townshipId: true } });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, permission, { townshipId: village.townshipId, villageId });
}
