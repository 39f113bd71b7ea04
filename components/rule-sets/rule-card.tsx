import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CategoryBadge } from "@/components/entries/entry-badges";
import type { RuleView } from "@/lib/schemas/entries";
import type { EntryCategory } from "./rule-groups";

type Rule = Omit<RuleView, "id" | "category"> & { category: EntryCategory };

/** One rule as the village reads it: code, title, marks, when it applies, what evidence to keep. */
export function RuleCard({ rule, children }: { rule: Rule; children?: ReactNode }) {
  const t = useTranslations("ruleSets.detail");
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3" data-testid="rule" data-code={rule.code}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm text-stone-500">{rule.code}</span>
        <span className="font-semibold">{rule.title}</span>
        <CategoryBadge category={rule.category} />
        <span className="text-sm text-stone-700">{t("marks", { marks: rule.marks })}</span>
      </p>
      <p className="mt-1 whitespace-pre-line text-stone-800">{rule.description}</p>
      {rule.evidenceHint ? <p className="mt-1 text-sm text-stone-600">{t("evidence", { hint: rule.evidenceHint })}</p> : null}
      {children}
    </li>
  );
}
