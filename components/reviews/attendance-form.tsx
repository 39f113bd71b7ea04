"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { recordAttendanceAction } from "@/app/reviews/actions";
import type { ActionState } from "@/lib/action-state";
import type { ReviewDetail } from "@/lib/schemas/reviews";

type Props = { reviewId: string; roster: ReviewDetail["rosterMembers"] };

/**
 * The clerk ticks who came to the meeting, from the roster frozen when the review opened.
 * Attendance cannot be withdrawn, so those already recorded stay ticked and locked.
 */
export function AttendanceForm({ reviewId, roster }: Props) {
  const t = useTranslations("reviews.attendance");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, action, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const result = await recordAttendanceAction(reviewId, previous, form);
    if (result.ok) setSelected(new Set());
    return result;
  }, {});
  const toggle = (id: string) => setSelected((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const absent = roster.filter((member) => !member.attending);
  return (
    <form action={action} className="space-y-3" data-testid="attendance-form">
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">{t("legend")}</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {roster.map((member) => (
            <li key={member.id}>
              <label className="flex min-h-12 items-center gap-3 rounded-md border border-stone-200 px-3">
                <input type="checkbox" name="representativeIds" value={member.id} className="size-6 accent-red-800"
                  checked={member.attending || selected.has(member.id)} disabled={member.attending} onChange={() => toggle(member.id)} />
                <span className="flex-1">{member.displayName}</span>
                {member.attending ? <span className="text-sm text-green-800">{t("present")}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {state.fieldErrors?.representativeIds ? <p className="text-sm text-red-700">{state.fieldErrors.representativeIds}</p> : null}
      {state.message ? <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">{state.message}</p> : null}
      {state.ok ? <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">{t("saved")}</p> : null}
      {absent.length > 0 ? (
        <button type="submit" disabled={pending || selected.size === 0}
          className="min-h-12 w-full rounded-md bg-red-800 px-5 text-lg font-semibold text-white disabled:opacity-60 sm:w-auto">
          {pending ? t("submitting") : t("submit", { count: selected.size })}
        </button>
      ) : <p className="text-stone-600">{t("allPresent")}</p>}
    </form>
  );
}
