"use client";

import { useTranslations } from "next-intl";
import { decideNominationAction } from "@/app/selection/actions";
import { DecisionForm } from "@/components/ui/decision-form";

/** The township awards a nomination, or declines it with the reason the village will read. */
export function DecideForm({ awardId }: { awardId: string }) {
  const t = useTranslations("selection.decide");
  return (
    <DecisionForm action={decideNominationAction.bind(null, awardId)} testId="decide-form" done={t("done")}
      reason={{ name: "reason", label: t("reason") }}
      decision={{ name: "decision", choices: [
        { value: "AWARD", label: t("award"), tone: "confirm" },
        { value: "DECLINE", label: t("decline"), tone: "plain" },
      ] }} />
  );
}
