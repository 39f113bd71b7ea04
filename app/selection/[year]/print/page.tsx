import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AwardListDocument } from "@/components/selection/award-list-document";
import { PrintButton } from "@/components/ui/print-button";
import { withNotice } from "@/components/ui/with-notice";
import { YearSchema } from "@/lib/schemas/selection";
import { requireActor } from "@/lib/server/auth/current-actor";
import { AppError } from "@/lib/server/errors";
import { getAwardList } from "@/lib/server/selection/get-award-list";
import "./print.css";

type Params = Promise<{ year: string }>;

export async function generateMetadata() {
  const t = await getTranslations("selection.printList");
  return { title: t("pageTitle") };
}

/** The printable list of the year's civilized families, grouped by village (A4). */
export default withNotice(async function AwardListPrintPage({ params }: { params: Params }) {
  const actor = await requireActor("selection.read");
  const year = YearSchema.safeParse((await params).year);
  if (!year.success) throw new AppError("NOT_FOUND", "errors.notFound");
  const [list, t] = await Promise.all([getAwardList(actor, year.data), getTranslations("selection.printList")]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t("print")} />
        <Link href={`/selection?year=${list.year}`} className="inline-flex min-h-11 items-center text-red-800 underline">{t("back")}</Link>
      </div>
      <AwardListDocument list={list} />
    </div>
  );
});
