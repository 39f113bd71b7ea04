import { z } from "zod";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const IdSchema = z.uuid({ error: "validation.invalidId" });
export const IdParamsSchema = z.object({ id: IdSchema });

export const PasswordSchema = z
  .string()
  .min(8, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" })
  .regex(/[A-Za-z]/, { error: "validation.passwordNeedsLetter" })
  .regex(/\d/, { error: "validation.passwordNeedsDigit" });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const DateTimeSchema = z.iso.datetime();
