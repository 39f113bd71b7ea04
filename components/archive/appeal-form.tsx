"use client";

import { lodgeAppealAction } from "@/app/archive-actions";
import { ReasonForm } from "@/components/ui/reason-form";

/** "申诉": the household disputes an entry, in its own words. */
export function AppealForm({ entryId }: { entryId: string }) {
  return <ReasonForm action={lodgeAppealAction.bind(null, entryId)} messages="archive.appeal" maxLength={1000} testId="appeal-form" />;
}
