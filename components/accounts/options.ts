import type { Role } from "@/lib/generated/prisma/enums";
import type { VillageOutput } from "@/lib/schemas/villages";
import type { Option } from "./placement-fields";

/** Village choices, named with their township when the chooser sees more than one. */
export function villageOptions(villages: VillageOutput[]): Option[] {
  const townships = new Set(villages.map((v) => v.township.id));
  return villages.map((v) => ({ id: v.id, label: townships.size > 1 ? `${v.township.name} · ${v.name}` : v.name }));
}

export const townshipOptions = (townships: { id: string; name: string }[]): Option[] =>
  townships.map((t) => ({ id: t.id, label: t.name }));

/**
 * Of the roles the actor manages (authz/manage-accounts.ts), those a staff account may be given
 * here; household accounts come with an access code instead.
 */
export const staffRoles = (managed: readonly Role[]): Role[] => managed.filter((role) => role !== "HOUSEHOLD");
