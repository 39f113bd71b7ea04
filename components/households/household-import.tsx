"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { IMPORT_MAX_BYTES, type ImportReport } from "@/lib/schemas/household-import";
import { ImportReportView } from "./import-report";
import { ProgressBar } from "./progress-bar";
import { uploadFile } from "./upload";

type Step = "check" | "import";
type Phase =
  | { kind: "idle" }
  | { kind: "sending"; step: Step; fraction: number; sent: boolean }
  | { kind: "report"; report: ImportReport; message?: string }
  | { kind: "done"; report: ImportReport }
  | { kind: "failed"; message: string };

type ErrorBody = { error?: { message?: string; report?: unknown } };
const isReport = (value: unknown): value is ImportReport => !!value && typeof value === "object" && "problems" in value;

/** Choose a file, check it (dry run), then import it: the server checks again and writes all or nothing. */
export function HouseholdImport({ villageId }: { villageId: string }) {
  const t = useTranslations("householdImport");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "sending";

  async function send(step: Step) {
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) return setPhase({ kind: "failed", message: t("tooLarge") });
    setPhase({ kind: "sending", step, fraction: 0, sent: false });
    const url = `/api/v1/villages/${villageId}/households/import?dryRun=${step === "check"}`;
    try {
      const { status, body } = await uploadFile(url, file, {
        locale,
        onProgress: (fraction) => setPhase({ kind: "sending", step, fraction, sent: false }),
        onSent: () => setPhase({ kind: "sending", step, fraction: 1, sent: true }),
      });
      const error = (body as ErrorBody | null)?.error;
      if (status === 200 && isReport(body)) setPhase(body.imported ? { kind: "done", report: body } : { kind: "report", report: body });
      else if (isReport(error?.report)) setPhase({ kind: "report", report: error.report, message: error.message });
      else setPhase({ kind: "failed", message: error?.message ?? t("networkError") });
    } catch {
      setPhase({ kind: "failed", message: t("networkError") });
    }
  }

  const progress = phase.kind === "sending" ? (
    phase.sent
      ? <ProgressBar fraction={null} label={t(phase.step === "check" ? "checking" : "importing")} />
      : <ProgressBar fraction={phase.fraction} label={t("uploading", { percent: Math.round(phase.fraction * 100) })} />
  ) : null;
  const ready = phase.kind === "report" && !phase.report.problems.length && phase.report.newHouseholds > 0;

  return (
    <div className="space-y-4">
      <section className={`space-y-3 ${cardClass}`} aria-labelledby="upload-title">
        <h2 id="upload-title" className="text-lg font-semibold">{t("uploadTitle")}</h2>
        <label htmlFor="import-file" className="block font-medium">{t("fileLabel")}</label>
        <input id="import-file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={busy} className={`${inputClass} py-2`} data-testid="import-file"
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPhase({ kind: "idle" }); }} />
        <button type="button" disabled={!file || busy} onClick={() => send("check")} data-testid="import-check"
          className={buttonClass({ size: "lg", width: "phone" })}>
          {t("check")}
        </button>
        {progress}
      </section>
      {phase.kind === "failed" ? <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">{t("failed", { message: phase.message })}</p> : null}
      {phase.kind === "report" ? (
        <div className={`space-y-3 ${cardClass}`}>
          {phase.message ? <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">{phase.message}</p> : null}
          <ImportReportView report={phase.report} />
          {ready ? (
            <div className="space-y-2 border-t border-stone-200 pt-3">
              <h2 className="text-lg font-semibold">{t("confirmTitle")}</h2>
              <button type="button" onClick={() => send("import")} data-testid="import-confirm"
                className={buttonClass({ size: "lg", width: "phone" })}>
                {t("confirm", { households: phase.report.newHouseholds })}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {phase.kind === "done" ? (
        <div role="status" className="space-y-1 rounded-lg bg-green-50 p-4 text-green-900" data-testid="import-done">
          <h2 className="text-lg font-semibold">{t("importedTitle")}</h2>
          <p>{t("imported", { households: phase.report.newHouseholds, members: phase.report.newMembers })}</p>
          {phase.report.archiveNos ? <p>{t("importedNumbers", phase.report.archiveNos)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
