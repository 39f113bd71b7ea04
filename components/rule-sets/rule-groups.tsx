import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export type EntryCategory = "RED" | "YELLOW" | "BLACK";
const CATEGORIES: EntryCategory[] = ["RED", "YELLOW", "BLACK"];

/** Rules under 红榜, 黄榜 and 黑榜, each group with its own heading (and what it means, when given). */
export function RuleGroups<R extends { category: EntryCategory; code: string }>({ rules, intro, render }: {
  rules: R[];
  intro?: (category: EntryCategory) => string;
  render: (rule: R) => ReactNode;
}) {
  const t = useTranslations();
  return (
    <div className="space-y-5">
      {CATEGORIES.map((category) => {
        const group = rules.filter((r) => r.category === category);
        return (
          <section key={category} aria-labelledby={`rules-${category}`} className="space-y-2">
            <h3 id={`rules-${category}`} className="text-lg font-semibold">{t(`entries.category.${category}`)}</h3>
            {intro ? <p className="text-sm text-stone-600">{intro(category)}</p> : null}
            {group.length ? <ul className="space-y-2">{group.map(render)}</ul> : <p className="text-sm text-stone-500">{t("ruleSets.detail.noRules")}</p>}
          </section>
        );
      })}
    </div>
  );
}
