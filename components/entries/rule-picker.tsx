"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { largeInputClass } from "@/components/ui/field";
import type { RuleView } from "@/lib/schemas/entries";

const CATEGORIES = ["RED", "YELLOW", "BLACK"] as const;
const heading = { RED: "text-red-800", YELLOW: "text-yellow-700", BLACK: "text-stone-900" } as const;

type Props = { rules: RuleView[]; selectedId: string | null; onSelect: (rule: RuleView) => void; error?: string };

/**
 * The village's rules in force on the chosen day, grouped red, yellow, black, with a filter.
 * Rules filtered out stay in the form (hidden), so a chosen rule is never lost by typing.
 */
export function RulePicker({ rules, selectedId, onSelect, error }: Props) {
  const t = useTranslations("entries");
  const [filter, setFilter] = useState("");
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const needle = filter.trim().toLowerCase();
  const matches = (rule: RuleView) =>
    !needle || [rule.code, rule.title, rule.description].some((text) => text.toLowerCase().includes(needle));
  // The error is read out with the group and with each rule, as a field's is with its input.
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined} aria-describedby={errorId}>
      <legend className="mb-1 font-medium">{t("new.rule")}</legend>
      <input
        type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t("new.ruleFilter")}
        aria-label={t("new.ruleFilter")} className={largeInputClass}
      />
      {rules.length === 0 ? <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("new.noRules")}</p> : null}
      {CATEGORIES.map((category) => {
        const group = rules.filter((rule) => rule.category === category);
        if (group.length === 0) return null;
        return (
          <div key={category} hidden={!group.some(matches)}>
            <h3 className={`mt-3 mb-1 font-semibold ${heading[category]}`}>{t(`category.${category}`)}</h3>
            <ul className="space-y-1">
              {group.map((rule) => (
                <li key={rule.id} hidden={!matches(rule)}>
                  <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 has-[:checked]:border-red-700 has-[:checked]:bg-red-50">
                    <input
                      type="radio" name="ruleId" value={rule.id} checked={selectedId === rule.id}
                      onChange={() => onSelect(rule)} aria-describedby={errorId} className="size-5 shrink-0 accent-red-800"
                    />
                    <span className="flex-1">{rule.title}</span>
                    <span className="shrink-0 text-sm text-stone-500">{t("new.marks", { marks: rule.marks })}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {needle && !rules.some(matches) ? <p className="text-stone-600">{t("new.noRuleMatches")}</p> : null}
      {error ? <p id={errorId} className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
