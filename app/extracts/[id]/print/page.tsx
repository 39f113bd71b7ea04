import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ExtractDocument } from "@/components/extracts/extract-document";
import { withNotice } from "@/components/ui/with-notice";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { AppError } from "@/lib/server/errors";
import { getExtract } from "@/lib/server/extracts/list-extracts";
import { publicOrigin } from "@/lib/server/public-origin";
import "./print.css";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("extracts.document");
  return { title: t("title") };
}

/** The printable extract, for its household and the township (and the village's clerks). */
export default withNotice(async function ExtractPrintPage({ params }: { params: Params }) {
  const actor = await requireActor("extracts.read");
  const id = IdSchema.safeParse((await params).id);
  if (!id.success) throw new AppError("NOT_FOUND", "errors.notFound");
  const extract = await getExtract(actor, id.data, publicOrigin(await headers()));
  if (!extract.content || !extract.verificationUrl) throw new AppError("NOT_FOUND", "errors.extractNotIssued");
  return <ExtractDocument content={extract.content} url={extract.verificationUrl} revoked={extract.status === "REVOKED"} />;
});
