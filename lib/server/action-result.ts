import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { fieldErrors } from "@/lib/server/api/error-response";
import { AppError } from "@/lib/server/errors";

import type { ActionState } from "@/lib/action-state";

/** Turns an expected failure into form state; anything else is rethrown to error.tsx. */
export async function actionError(error: unknown): Promise<ActionState> {
  const t = await getTranslations();
  const translate = (key: string, values?: Record<string, string | number>) =>
    t.has(key as never) ? t(key as never, values as never) : key;
  if (error instanceof z.ZodError) {
    return { ok: false, message: translate("errors.invalidInput"), fieldErrors: fieldErrors(error, translate) };
  }
  if (error instanceof AppError) {
    const details = error.details && typeof error.details === "object"
      ? Object.fromEntries(Object.entries(error.details).map(([k, v]) => [k, translate(String(v))]))
      : undefined;
    return { ok: false, message: translate(error.message, error.values), ...(details ? { fieldErrors: details } : {}) };
  }
  throw error;
}
