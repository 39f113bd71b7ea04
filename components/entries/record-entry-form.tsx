"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type FormEvent } from "react";
import { ArchiveNo } from "@/components/ui/archive-no";
import { buttonClass } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field, fieldProps, largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleView, RulesInForce } from "@/lib/schemas/entries";
import { EvidenceUploader } from "./evidence-uploader";
import type { RecordEntryBody } from "./post-entry";
import { RecordSuccess } from "./record-success";
import { RulePicker } from "./rule-picker";
import { UnsentNotice } from "./unsent-notice";
import { useEntrySubmission, type Submission } from "./use-entry-submission";

type Props = {
  household: { id: string; archiveNo: string; headName: string; villageId: string; registeredOn: string };
  members: { id: string; name: string; relation: string }[];
  today: string;
  initialRules: RulesInForce;
  // Made by the server once per form: a double tap or a resent request records one entry. A
  // new form (after a confirmed success, "record another") comes with a new key.
  idempotencyKey: string;
};

export function RecordEntryForm({ household, members, today, initialRules, idempotencyKey }: Props) {
  const t = useTranslations();
  const { submission, submit } = useEntrySubmission();
  // Kept for the life of the form, even if the page renders again with a new one.
  const [submissionKey] = useState(idempotencyKey);
  const [rules, setRules] = useState(initialRules.items);
  const [rule, setRule] = useState<RuleView | null>(null);
  const [uploading, setUploading] = useState(false);
  const latestDate = useRef(today);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const fieldErrors = submission.phase === "editing" ? submission.fieldErrors ?? {} : {};
  const error = (name: string) => fieldErrors[name];
  // Until the server confirms or refuses what was sent, the form shows it unchanged: a retry
  // must send exactly what the first attempt did.
  const locked = submission.phase === "sending" || submission.phase === "unanswered";

  // The rules that apply are those in force on the day it happened, not today's.
  async function changeDate(day: string) {
    latestDate.current = day;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    const response = await fetch(`/api/v1/villages/${household.villageId}/rules?date=${day}`);
    if (!response.ok || latestDate.current !== day) return;
    const next = (await response.json()) as RulesInForce;
    setRules(next.items);
    setRule((chosen) => (chosen && next.items.some((r) => r.id === chosen.id) ? chosen : null));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submission.phase === "sending" || uploading) return;
    submit(entryBody(new FormData(event.currentTarget)));
  }

  if (submission.phase === "recorded") return <RecordSuccess entryId={submission.id} replayed={submission.replayed} household={household} />;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="record-entry-form">
      <input type="hidden" name="idempotencyKey" value={submissionKey} />
      <input type="hidden" name="householdId" value={household.id} />
      <HouseholdCard household={household} />
      <fieldset disabled={locked} className="min-w-0 space-y-5">
        <Field id="occurredOn" label={t("entries.new.occurredOn")} error={error("occurredOn")}>
          <DateField
            {...fieldProps("occurredOn", error("occurredOn"))} name="occurredOn" defaultValue={today} max={today}
            min={household.registeredOn} onChange={(day) => void changeDate(day)}
          />
        </Field>
        <Field id="memberId" label={t("entries.new.member")} error={error("memberId")}>
          <select {...fieldProps("memberId", error("memberId"))} name="memberId" defaultValue="" className={largeInputClass}>
            <option value="">{t("entries.new.wholeHousehold")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {t("entries.new.memberOption", { name: m.name, relation: t(`relations.${m.relation}` as never) })}
              </option>
            ))}
          </select>
        </Field>
        <RulePicker rules={rules} selectedId={rule?.id ?? null} onSelect={setRule} error={error("ruleId")} />
        {rule ? <ChosenRule rule={rule} /> : null}
        <Field id="description" label={t("entries.new.description")} error={error("description")}>
          <textarea
            {...fieldProps("description", error("description"))} name="description" required rows={4} maxLength={1000}
            className={`${largeInputClass} py-2`} placeholder={t("entries.new.descriptionHint")}
          />
        </Field>
        {rule?.category === "BLACK" ? <LegalBasisFields errors={fieldErrors} /> : null}
        <EvidenceUploader onBusyChange={onBusyChange} error={error("evidenceIds")} />
      </fieldset>
      <FormStatus state={submission.phase === "editing" ? submission : {}} />
      <UnsentNotice submission={submission} />
      <div className="sticky bottom-phone-bar -mx-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 sm:static sm:mx-0 sm:border-0 sm:p-0">
        <button type="submit" disabled={submission.phase === "sending" || uploading} className={buttonClass({ size: "lg", width: "always" })}>
          {submitLabel(t, submission, uploading)}
        </button>
      </div>
    </form>
  );
}

function submitLabel(t: ReturnType<typeof useTranslations>, submission: Submission, uploading: boolean): string {
  if (submission.phase === "sending") return t(submission.retrying ? "entries.new.resubmitting" : "entries.new.submitting");
  if (submission.phase === "unanswered") return t("entries.new.resubmit");
  return uploading ? t("entries.new.waitPhotos") : t("entries.new.submit");
}

// A blank optional field means "not given"; a missing rule is sent as "" so that the API says
// which field is missing in the form's words.
function entryBody(form: FormData): RecordEntryBody {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const optional = (name: string) => (text(name).trim() === "" ? null : text(name));
  return {
    idempotencyKey: text("idempotencyKey"), householdId: text("householdId"), memberId: optional("memberId"),
    ruleId: text("ruleId"), occurredOn: text("occurredOn"), description: text("description"),
    legalAuthority: optional("legalAuthority"), legalDocumentNo: optional("legalDocumentNo"),
    evidenceIds: form.getAll("evidenceIds").filter((id): id is string => typeof id === "string"),
  };
}

function HouseholdCard({ household }: { household: Props["household"] }) {
  const t = useTranslations("entries.new");
  return (
    <div className="flex items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white p-3">
      <div>
        <p className="text-lg font-semibold">{t("householdOf", { head: household.headName })}</p>
        <p className="text-sm text-stone-600"><ArchiveNo>{household.archiveNo}</ArchiveNo></p>
      </div>
      <Link href="/entries/new" className="flex min-h-12 items-center px-2 text-red-800">{t("changeHousehold")}</Link>
    </div>
  );
}

function ChosenRule({ rule }: { rule: RuleView }) {
  const t = useTranslations("entries.new");
  return (
    <div className="rounded-md bg-stone-100 p-3 text-sm text-stone-700" data-testid="chosen-rule">
      <p>{rule.description}</p>
      {rule.evidenceHint ? <p className="mt-1">{t("evidenceHint", { hint: rule.evidenceHint })}</p> : null}
    </div>
  );
}

// A black mark rests on a police or court decision (DESIGN.md), so the form asks for it.
function LegalBasisFields({ errors }: { errors: Record<string, string> }) {
  const t = useTranslations("entries.new");
  return (
    <fieldset className="space-y-3 rounded-lg border border-stone-800 p-3" data-testid="legal-basis">
      <legend className="px-1 font-semibold">{t("legalTitle")}</legend>
      <p className="text-sm text-stone-700">{t("legalIntro")}</p>
      <Field id="legalAuthority" label={t("legalAuthority")} error={errors.legalAuthority}>
        <input
          {...fieldProps("legalAuthority", errors.legalAuthority)} name="legalAuthority" required maxLength={100}
          className={largeInputClass} placeholder={t("legalAuthorityHint")}
        />
      </Field>
      <Field id="legalDocumentNo" label={t("legalDocumentNo")} error={errors.legalDocumentNo}>
        <input
          {...fieldProps("legalDocumentNo", errors.legalDocumentNo)} name="legalDocumentNo" required maxLength={100}
          className={largeInputClass} placeholder={t("legalDocumentNoHint")}
        />
      </Field>
    </fieldset>
  );
}
