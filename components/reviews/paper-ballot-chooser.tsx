"use client";

import { useTranslations } from "next-intl";
import { largeInputClass } from "@/components/ui/field";

export type PaperVoter = { id: string; displayName: string; attending: boolean };

type Props = { voters: PaperVoter[]; value: string; onChange: (id: string) => void; error: string | undefined };

/** Whose paper ballot the clerk is entering: the representatives of the roster without a ballot yet. */
export function PaperBallotChooser({ voters, value, onChange, error }: Props) {
  const t = useTranslations("reviews.paper");
  return (
    <div className="space-y-1">
      <label htmlFor="representativeId" className="block font-medium">{t("representative")}</label>
      <select id="representativeId" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby="representativeId-note"
        className={largeInputClass}>
        <option value="">{t("choose")}</option>
        {voters.map((voter) => (
          <option key={voter.id} value={voter.id}>
            {voter.attending ? voter.displayName : t("notAttending", { name: voter.displayName })}
          </option>
        ))}
      </select>
      <p id="representativeId-note" className={`text-sm ${error ? "text-red-700" : "text-stone-500"}`}>{error ?? t("hint")}</p>
    </div>
  );
}
