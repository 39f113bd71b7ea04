import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { NoticeDocument } from "@/components/reviews/notice-document";
import { withNotice } from "@/components/ui/with-notice";
import { IdSchema } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";
import { publicOrigin } from "@/lib/server/public-origin";
import { getReviewNotice } from "@/lib/server/reviews/get-review-notice";
import "./print.css";

type Params = Promise<{ id: string }>;

// Read once per request: the title and the page both need it.
const load = cache(async (rawId: string) => {
  const id = IdSchema.safeParse(rawId);
  if (!id.success) throw new AppError("NOT_FOUND", "errors.notFound");
  return getReviewNotice(id.data);
});

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("notice");
  try {
    const notice = await load((await params).id);
    return { title: t("title", { village: notice.village.name, year: notice.year, quarter: notice.quarter }) };
  } catch {
    return { title: t("pageTitle") };
  }
}

/** The public notice of a closed review: no sign-in, as posted on the village board (DESIGN.md "Public notice"). */
export default withNotice(async function NoticePage({ params }: { params: Params }) {
  const { id } = await params;
  const notice = await load(id);
  const url = `${publicOrigin(await headers())}/notices/${notice.reviewId}`;
  return <NoticeDocument notice={notice} url={url} />;
});
