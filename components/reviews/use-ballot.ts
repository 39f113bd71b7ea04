"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { reasonField } from "@/lib/schemas/review-ballot-form";
import { CastBallotSchema, EnterPaperBallotSchema, type ReviewItem } from "@/lib/schemas/reviews";

/**
 * The client state of an "approve all except …" ballot: which entries are objected to and why,
 * and the errors of the last check. The check is the contract's own schema, so what the phone
 * accepts is what the server accepts.
 */
export function useBallot(items: ReviewItem[], paper: boolean) {
  const translate = useTranslations();
  const [objections, setObjections] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  // A clerk's own household does not matter on a paper ballot: the representative's does, and the server applies it.
  const isRecused = useCallback((item: ReviewItem) => !paper && item.recusedForMe, [paper]);
  const exceptions = useMemo(() => items.filter((item) => item.entry.id in objections && !isRecused(item))
    .map((item) => ({ entryId: item.entry.id, decision: "REJECT" as const, reason: objections[item.entry.id]!.trim() || undefined })),
  [items, objections, isRecused]);

  // A changed objection takes its old error with it; the next check says what is still wrong.
  const clearError = useCallback((entryId: string) => setErrors((current) => {
    const { [reasonField(entryId)]: stale, ...rest } = current;
    return stale === undefined ? current : rest;
  }), []);
  const onToggle = useCallback((entryId: string) => {
    clearError(entryId);
    setObjections((current) => {
      const { [entryId]: removed, ...rest } = current;
      return removed === undefined ? { ...current, [entryId]: "" } : rest;
    });
  }, [clearError]);
  const onReason = useCallback((entryId: string, reason: string) => {
    clearError(entryId);
    setObjections((current) => ({ ...current, [entryId]: reason }));
  }, [clearError]);

  /** Whether the ballot may go to confirmation; otherwise shows why and moves to the first problem. */
  function check(representativeId: string): boolean {
    const parsed = paper
      ? EnterPaperBallotSchema.safeParse({ representativeId, defaultDecision: "APPROVE", exceptions })
      : CastBallotSchema.safeParse({ defaultDecision: "APPROVE", exceptions });
    if (parsed.success) {
      setErrors({});
      return true;
    }
    const found: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      const key = field === "exceptions" ? reasonField(exceptions[Number(index)]!.entryId) : String(field);
      found[key] ??= translate.has(issue.message as never) ? translate(issue.message as never) : issue.message;
    }
    setErrors(found);
    document.getElementById(Object.keys(found)[0]!.replace(/^reason\./, "reason-"))?.focus();
    return false;
  }

  return {
    objections, exceptions, errors, setErrors, isRecused, onToggle, onReason, check,
    recusedCount: items.filter(isRecused).length,
    reset: () => setObjections({}),
  };
}
