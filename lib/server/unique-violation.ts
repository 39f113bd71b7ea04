import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A unique constraint refused the write. Use cases check for duplicates first to name the field;
 * this catches the race where two requests pass that check together.
 */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
