import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { voidEntryAction } from "@/app/entries/actions";
import { EntryDetail } from "@/components/entries/entry-detail";
import { ReasonForm } from "@/components/ui/reason-form";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can, canOn } from "@/lib/server/authz";
import { getEntry } from "@/lib/server/entries/get-entry";
import { isAppError } from "@/lib/server/errors";

export async function generateMetadata() {
  const t = await getTranslations("entries.detail");
  return { title: t("title") };
}

export default async function EntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("entries.read");
  const { id } = await params;
  if (!IdSchema.safeParse(id).success) notFound();
  const entry = await getEntry(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("entries");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {can(actor, "entries.list") ? (
        <Link href="/entries" className="inline-flex min-h-11 items-center text-red-800">← {t("detail.back")}</Link>
      ) : null}
      <EntryDetail entry={entry} />
      {canOn(actor, "entries.void", entry.household.id) && entry.status !== "VOIDED" ? (
        <section className="space-y-2 border-t border-stone-200 pt-4">
          <h2 className="font-semibold">{t("void.title")}</h2>
          {/* Withdrawing cannot be undone: it asks for the reason and a second tap. */}
          <ReasonForm action={voidEntryAction.bind(null, entry.id)} messages="entries.void" tone="dark" testId="void-form" />
        </section>
      ) : null}
    </div>
  );
}
