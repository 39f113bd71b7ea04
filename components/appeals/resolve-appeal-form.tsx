"use client";

import { useTranslations } from "next-intl";
import { resolveAppealAction } from "@/app/appeals/actions";
import { DecisionForm } from "@/components/ui/decision-form";

/** Uphold (the entry is voided) or dismiss, always with the reason the household will read. */
export function ResolveAppealForm({ appealId }: { appealId: string }) {
  const t = useTranslations("appeals.resolve");
  return (
    <DecisionForm action={resolveAppealAction.bind(null, appealId)} testId="resolve-appeal" done={t("done")} note={t("upheldMeans")}
      reason={{ name: "resolution", label: t("resolution"), placeholder: t("resolutionHint"), required: true, rows: 3 }}
      decision={{ name: "outcome", choices: [
        { value: "UPHELD", label: t("uphold"), tone: "dark" },
        { value: "DISMISSED", label: t("dismiss"), tone: "plain" },
      ] }} />
  );
}
