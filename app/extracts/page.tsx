import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/extracts/extract-forms";
import { ExtractFacts, ExtractStatusBadge } from "@/components/extracts/extract-status";
import { buttonClass } from "@/components/ui/button";
import { ArchiveNo } from "@/components/ui/archive-no";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { ReasonForm } from "@/components/ui/reason-form";
import { withNotice } from "@/components/ui/with-notice";
import { ListExtractsQuerySchema } from "@/lib/schemas/extracts";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { listTownshipExtracts } from "@/lib/server/extracts/list-extracts";
import { changeExtractAction, issueExtractAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("extracts");
  return { title: t("queueTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const PAGE_SIZE = 30;

/** The township's extracts: requested ones to issue or decline, issued ones to print or revoke. */
export default withNotice(async function ExtractsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("extracts.list");
  const raw = await searchParams;
  const query = ListExtractsQuerySchema.parse({ page: typeof raw.page === "string" ? raw.page : undefined, pageSize: PAGE_SIZE });
  const [list, t, tc] = await Promise.all([listTownshipExtracts(actor, query), getTranslations("extracts"), getTranslations("extracts.queue")]);
  const mayIssue = can(actor, "extracts.issue");
  const mayRevoke = can(actor, "extracts.revoke");
  const waiting = list.items.filter((e) => e.status === "REQUESTED").length;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("queueTitle")}</h1>
        <p className="text-stone-600">{tc("intro")}</p>
        <p className="mt-1 font-medium" data-testid="extracts-waiting">{tc("waiting", { count: waiting })}</p>
      </div>
      {list.items.length === 0 ? <EmptyState testId="extracts-empty" message={t("none")} hint={tc("emptyHint")} /> : (
        <ul className="space-y-3">
          {list.items.map((extract) => (
            <li key={extract.id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="extract-queue-item" data-extract-id={extract.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <Link href={`/households/${extract.household.id}`} className="font-semibold text-red-800 underline">
                    {extract.household.village} · {extract.household.headName} <ArchiveNo className="font-mono text-sm">{extract.household.archiveNo}</ArchiveNo>
                  </Link>
                  <ExtractFacts extract={extract} />
                </div>
                <ExtractStatusBadge status={extract.status} />
              </div>
              {extract.status === "REQUESTED" && mayIssue ? (
                <div className="flex flex-wrap gap-3">
                  <ActionButton action={issueExtractAction.bind(null, extract.id)} label={tc("issue")} doneLabel={tc("issued")} testId="extract-issue" />
                  <ReasonForm action={changeExtractAction.bind(null, extract.id, "decline")} messages="extracts.queue.decline" testId="extract-decline" />
                </div>
              ) : null}
              {extract.status === "ISSUED" ? (
                <div className="flex flex-wrap gap-3">
                  <Link href={`/extracts/${extract.id}/print`} className={buttonClass({ size: "lg" })} data-testid="extract-print-link">{t("print")}</Link>
                  <a href={`/api/v1/extracts/${extract.id}/jws`} download className={buttonClass({ tone: "plain", size: "lg" })}>{t("download")}</a>
                  {mayRevoke ? (
                    <ReasonForm action={changeExtractAction.bind(null, extract.id, "revoke")} messages="extracts.queue.revoke" testId="extract-revoke" />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => `/extracts?page=${page}`} />
    </div>
  );
});
