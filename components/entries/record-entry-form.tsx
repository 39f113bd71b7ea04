"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useCallback, useRef, useState, type FormEvent } from "react";
import { recordEntryAction, type RecordEntryState } from "@/app/entries/actions";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { RuleView, RulesInForce } from "@/lib/schemas/entries";
import { EvidenceUploader } from "./evidence-uploader";
import { RecordSuccess } from "./record-success";
import { RulePicker } from "./rule-picker";

type Props = {
  household: { id: string; archiveNo: string; headName: string; villageId: string; registeredOn: string };
  members: { id: string; name: string; relation: string }[];
  today: string;
  initialRules: RulesInForce;
  // Made by the server once per form: a double tap or a resent request records one entry.
  idempotencyKey: string;
};

const field = "min-h-12 w-full rounded-md border border-stone-300 bg-white px-3 text-lg";
const label = "mb-1 block font-medium";

export function RecordEntryForm({ household, members, today, initialRules, idempotencyKey }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RecordEntryState, FormData>(recordEntryAction, {});
  // Kept for the life of the form, even if the page renders again with a new one.
  const [submissionKey] = useState(idempotencyKey);
  const [rules, setRules] = useState(initialRules.items);
  const [rule, setRule] = useState<RuleView | null>(null);
  const [uploading, setUploading] = useState(false);
  const latestDate = useRef(today);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const error = (name: string) => state.fieldErrors?.[name];

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

  // Submitted by hand so that the fields keep what was typed when the server refuses.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || uploading) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  if (state.recorded) return <RecordSuccess entryId={state.recorded.id} replayed={state.recorded.replayed} household={household} />;
  return (
    <form onSubmit={submit} className="space-y-5" noValidate data-testid="record-entry-form">
      <input type="hidden" name="idempotencyKey" value={submissionKey} />
      <input type="hidden" name="householdId" value={household.id} />
      <HouseholdCard household={household} />
      <label className="block">
        <span className={label}>{t("entries.new.occurredOn")}</span>
        <input
          name="occurredOn" type="date" defaultValue={today} max={today} min={household.registeredOn} required
          onChange={(event) => void changeDate(event.target.value)} className={field}
        />
        <FieldError message={error("occurredOn")} />
      </label>
      <label className="block">
        <span className={label}>{t("entries.new.member")}</span>
        <select name="memberId" defaultValue="" className={field}>
          <option value="">{t("entries.new.wholeHousehold")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>{m.name}（{t(`relations.${m.relation}` as never)}）</option>
          ))}
        </select>
        <FieldError message={error("memberId")} />
      </label>
      <RulePicker rules={rules} selectedId={rule?.id ?? null} onSelect={setRule} error={error("ruleId")} />
      {rule ? <ChosenRule rule={rule} /> : null}
      <label className="block">
        <span className={label}>{t("entries.new.description")}</span>
        <textarea name="description" required rows={4} maxLength={1000} className={`${field} py-2`} placeholder={t("entries.new.descriptionHint")} />
        <FieldError message={error("description")} />
      </label>
      {rule?.category === "BLACK" ? <LegalBasisFields errors={state.fieldErrors ?? {}} /> : null}
      <EvidenceUploader onBusyChange={onBusyChange} error={error("evidenceIds")} />
      {state.message ? <p className="rounded-md bg-red-50 p-3 text-red-800" role="alert" data-testid="form-error">{state.message}</p> : null}
      <div className="sticky bottom-0 -mx-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 sm:static sm:mx-0 sm:border-0 sm:p-0">
        <button type="submit" disabled={pending || uploading} className="min-h-12 w-full rounded-md bg-red-800 text-lg font-semibold text-white disabled:opacity-60">
          {pending ? t("entries.new.submitting") : uploading ? t("entries.new.waitPhotos") : t("entries.new.submit")}
        </button>
      </div>
    </form>
  );
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

function FieldError({ message }: { message?: string }) {
  return message ? <span className="mt-1 block text-sm text-red-700">{message}</span> : null;
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
      <label className="block">
        <span className={label}>{t("legalAuthority")}</span>
        <input name="legalAuthority" required maxLength={100} className={field} placeholder={t("legalAuthorityHint")} />
        <FieldError message={errors.legalAuthority} />
      </label>
      <label className="block">
        <span className={label}>{t("legalDocumentNo")}</span>
        <input name="legalDocumentNo" required maxLength={100} className={field} placeholder={t("legalDocumentNoHint")} />
        <FieldError message={errors.legalDocumentNo} />
      </label>
    </fieldset>
  );
}
