"use client";

import { useTranslations } from "next-intl";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import type { RuleView } from "@/lib/schemas/entries";
import { RULE_MARKS_MAX } from "@/lib/schemas/rule-sets";

/** The inputs of a rule, shared by "add a rule" and "edit this rule". */
type Props = { idPrefix: string; rule?: RuleView; values?: Record<string, string>; errors: Record<string, string> };

export function RuleFields({ idPrefix, rule, values = {}, errors }: Props) {
  const t = useTranslations();
  const id = (name: string) => `${idPrefix}-${name}`;
  // What was typed survives a refusal (React resets the form after its action).
  const value = (name: keyof RuleView) => values[name] ?? (rule ? String(rule[name] ?? "") : undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={id("code")} label={t("ruleSets.edit.code")} hint={t("ruleSets.edit.codeHint")} error={errors.code}>
        <input {...fieldProps(id("code"), errors.code, true)} name="code" required maxLength={10} autoCapitalize="characters" autoComplete="off"
          defaultValue={value("code")} className={`${inputClass} font-mono uppercase`} />
      </Field>
      <Field id={id("category")} label={t("ruleSets.edit.category")} error={errors.category}>
        <select {...fieldProps(id("category"), errors.category)} name="category" required defaultValue={value("category") ?? "RED"} className={inputClass}>
          {(["RED", "YELLOW", "BLACK"] as const).map((c) => <option key={c} value={c}>{t(`entries.category.${c}`)}</option>)}
        </select>
      </Field>
      <Field id={id("title")} label={t("ruleSets.edit.ruleTitle")} error={errors.title}>
        <input {...fieldProps(id("title"), errors.title)} name="title" required maxLength={60} defaultValue={value("title")} className={inputClass} />
      </Field>
      <Field id={id("marks")} label={t("ruleSets.edit.marksLabel")} error={errors.marks}>
        <input {...fieldProps(id("marks"), errors.marks)} name="marks" type="number" inputMode="numeric" min={1} max={RULE_MARKS_MAX} required
          defaultValue={value("marks") ?? 1} className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <Field id={id("description")} label={t("ruleSets.edit.description")} error={errors.description}>
          <textarea {...fieldProps(id("description"), errors.description)} name="description" required rows={2} maxLength={500}
            defaultValue={value("description")} className={`${inputClass} py-2`} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={id("evidenceHint")} label={t("ruleSets.edit.evidenceHint")} error={errors.evidenceHint}>
          <input {...fieldProps(id("evidenceHint"), errors.evidenceHint)} name="evidenceHint" maxLength={200} defaultValue={value("evidenceHint")} className={inputClass} />
        </Field>
      </div>
    </div>
  );
}
