import { z } from "zod";
import { PasswordSchema, textSchema } from "./common";

export const RoleSchema = z.enum(["ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"]);

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  townshipId: z.uuid().nullable(),
  villageId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  homeHouseholdId: z.uuid().nullable(),
  mustChangePassword: z.boolean(),
});

export const ChangePasswordSchema = z
  .object({
    // Absent right after signing in with a one-time access code: the code was the proof.
    currentPassword: textSchema({ trim: false }).max(128).optional(),
    newPassword: PasswordSchema,
    confirmPassword: textSchema({ trim: false }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "validation.passwordsDiffer" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
