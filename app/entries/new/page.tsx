import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HouseholdFinder } from "@/components/entries/household-finder";
import { RecordEntryForm } from "@/components/entries/record-entry-form";
import { withNotice } from "@/components/ui/with-notice";
import { chinaToday, dateToDay } from "@/lib/domain/entry-date";
import { IdSchema } from "@/lib/schemas/common";
import { SearchHouseholdsQuerySchema } from "@/lib/schemas/households";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getHouseholdForEntry } from "@/lib/server/entries/get-household-for-entry";
import { listRulesInForce } from "@/lib/server/entries/list-rules-in-force";
import { searchHouseholds } from "@/lib/server/households/search-households";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("entries.new");
  return { title: t("title") };
}

/** Recording a mark in the field: find the household, then fill in one short form. */
export default withNotice(async function NewEntryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("entries.record");
  const params = await searchParams;
  const t = await getTranslations("entries.new");
  const householdId = typeof params.householdId === "string" ? params.householdId : null;
  if (householdId) {
    if (!IdSchema.safeParse(householdId).success) notFound();
    const household = await getHouseholdForEntry(actor, householdId);
    if (!household) notFound();
    const today = chinaToday(new Date());
    const rules = await listRulesInForce(actor, household.villageId, today);
    const idempotencyKey = randomUUID();
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <RecordEntryForm
          // "Record another" comes back with ?after=<entry>: a new, empty form with a new key.
          key={typeof params.after === "string" ? params.after : "first"}
          household={{ ...household, registeredOn: dateToDay(household.registeredOn) }}
          members={household.members}
          today={today}
          initialRules={rules}
          idempotencyKey={idempotencyKey}
        />
      </div>
    );
  }
  // Through the search schema like every search box: a control character finds nothing rather than a 500.
  const search = SearchHouseholdsQuerySchema.shape.q.safeParse(typeof params.q === "string" ? params.q.slice(0, 50) : "");
  const q = search.success ? search.data : "";
  // Only households still in the archive can get new entries.
  const results = q
    ? (await searchHouseholds(actor, { q, villageId: actor.villageId ?? undefined, status: "ACTIVE", page: 1, pageSize: 20 })).items
    : [];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      <p className="text-stone-600">{t("step1")}</p>
      <HouseholdFinder q={q} results={results} />
    </div>
  );
});
