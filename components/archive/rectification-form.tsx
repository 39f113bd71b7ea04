"use client";

import { useState } from "react";
import { requestRectificationAction } from "@/app/archive-actions";
import { EvidenceUploader } from "@/components/entries/evidence-uploader";
import { ReasonForm } from "@/components/ui/reason-form";

/** "申请整改销号": what was done to correct a yellow, with photos if there are any. */
export function RectificationForm({ entryId }: { entryId: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <ReasonForm action={requestRectificationAction.bind(null, entryId)} messages="archive.rectify" field="note" maxLength={1000}
      testId="rectification-form" busy={busy}>
      <EvidenceUploader onBusyChange={setBusy} endpoint="/api/v1/rectifications/evidence" namespace="archive.rectify" />
    </ReasonForm>
  );
}
