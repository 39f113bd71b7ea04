import { getTranslations } from "next-intl/server";
import type { ReviewItem } from "@/lib/schemas/reviews";
import { EntryFacts } from "./entry-facts";

/** The entries of an open review for those who follow it without voting (township staff). */
export async function ReviewEntries({ items }: { items: ReviewItem[] }) {
  const t = await getTranslations("reviews.detail");
  if (items.length === 0) return <p className="rounded-md bg-stone-100 p-4 text-stone-700">{t("noEntries")}</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.entry.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-entry-id={item.entry.id}>
          <EntryFacts item={item} />
          {item.objections.length > 0 ? <p className="text-sm text-amber-800">{t("objectionsSoFar", { count: item.objections.length })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
