"use client";

import { useTranslations } from "next-intl";
import { decideRectificationAction } from "@/app/rectifications/actions";
import { DecisionForm } from "@/components/ui/decision-form";

/** Approve, or decline with the reason the household will read; one tap each. */
export function DecideRectificationForm({ rectificationId }: { rectificationId: string }) {
  const t = useTranslations("rectifications.decide");
  return (
    <DecisionForm action={decideRectificationAction.bind(null, rectificationId)} testId="decide-rectification" done={t("done")}
      reason={{ name: "reason", label: t("reason"), placeholder: t("reasonHint") }}
      decision={{ name: "decision", choices: [
        { value: "APPROVE", label: t("approve"), tone: "confirm" },
        { value: "DECLINE", label: t("decline"), tone: "plain" },
      ] }} />
  );
}
