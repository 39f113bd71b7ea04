import { getTranslations } from "next-intl/server";
import type { HouseholdArchive } from "@/lib/schemas/archive";

type Score = HouseholdArchive["thisYear"];

const dot = { RED: "bg-red-700", YELLOW: "bg-yellow-400", BLACK: "bg-stone-900" } as const;

/** This year's and the cumulative score, with what they are made of. */
export async function ScoreCards({ archive }: { archive: HouseholdArchive }) {
  const t = await getTranslations("archive.score");
  const year = Number(archive.asOf.slice(0, 4));
  const { weightRed, weightYellow, weightBlack } = archive.settings;
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-2">
        <ScoreCard title={t("thisYear", { year })} score={archive.thisYear} testId="score-this-year" />
        <ScoreCard title={t("cumulative")} score={archive.cumulative} testId="score-cumulative" />
      </div>
      <p className="text-sm text-stone-600">{t("formula", { red: weightRed, yellow: weightYellow, black: weightBlack })}</p>
    </div>
  );
}

async function ScoreCard({ title, score, testId }: { title: string; score: Score; testId: string }) {
  const t = await getTranslations("archive.score");
  const pending = score.entries.RED.PENDING + score.entries.YELLOW.PENDING + score.entries.BLACK.PENDING;
  const rows = [
    { key: "RED", label: t("red", { count: score.red }) },
    { key: "YELLOW", label: t("yellow", { count: score.activeYellow, rectified: score.marks.YELLOW.RECTIFIED }) },
    { key: "BLACK", label: t("black", { count: score.black }) },
  ] as const;
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4" data-testid={testId}>
      <p className="text-stone-600">{title}</p>
      <p className="text-4xl font-bold tabular-nums text-stone-900" data-testid={`${testId}-value`}>{score.score}</p>
      <ul className="mt-2 space-y-1">
        {rows.map((row) => (
          <li key={row.key} className="flex items-center gap-2">
            <span className={`inline-block size-3 rounded-full ${dot[row.key]}`} aria-hidden />
            {row.label}
          </li>
        ))}
      </ul>
      {pending ? <p className="mt-2 text-sm text-amber-800">{t("pending", { count: pending })}</p> : null}
    </div>
  );
}
