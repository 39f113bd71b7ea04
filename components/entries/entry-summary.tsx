import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";

type Props = {
  household: { id: string; headName: string; archiveNo: string };
  entry: { id: string; occurredOn: string; description: string; rule: { code: string; title: string } };
};

/** The household and the entry a request or appeal is about, as listed in the clerks' queues. */
export async function EntrySummary({ household, entry }: Props) {
  const t = await getTranslations("entries");
  return (
    <>
      <Link href={`/households/${household.id}`} className="flex min-h-12 items-center text-lg font-semibold text-red-800 underline-offset-2 hover:underline">
        {t("new.householdOf", { head: household.headName })} · <ArchiveNo>{household.archiveNo}</ArchiveNo>
      </Link>
      <p>
        <Link href={`/entries/${entry.id}`} className="text-stone-900 underline-offset-2 hover:underline">
          {entry.rule.code} {entry.rule.title}
        </Link>
        <span className="ml-2 text-sm text-stone-500">{t("list.occurredOn", { date: entry.occurredOn })}</span>
      </p>
      <p className="text-stone-600">{entry.description}</p>
    </>
  );
}
