import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddRuleForm } from "@/components/rule-sets/add-rule-form";
import { RuleCard } from "@/components/rule-sets/rule-card";
import { RuleEditor } from "@/components/rule-sets/rule-editor";
import { RuleGroups } from "@/components/rule-sets/rule-groups";
import { RuleSetHeading } from "@/components/rule-sets/rule-set-heading";
import { VotePanel } from "@/components/rule-sets/vote-panel";
import { withNotice } from "@/components/ui/with-notice";
import { chinaToday } from "@/lib/domain/entry-date";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { getRuleSet } from "@/lib/server/rule-sets/get-rule-set";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("ruleSets");
  return { title: t("title") };
}

/** One version of the village's rules: its rules by category, its vote, and — for a clerk, while a draft — its editing. */
export default withNotice(async function RuleSetPage({ params }: { params: Params }) {
  const actor = await requireActor("ruleSets.read");
  const { id } = await params;
  if (!IdSchema.safeParse(id).success) notFound();
  const [ruleSet, t] = await Promise.all([getRuleSet(actor, id), getTranslations("ruleSets")]);
  const canManage = can(actor, "ruleSets.manage");
  const editable = canManage && ruleSet.status === "DRAFT";
  const back = actor.villageId ? "/rule-sets" : `/rule-sets?villageId=${ruleSet.village.id}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={back} className="inline-flex min-h-11 items-center text-red-800 underline-offset-2 hover:underline">{t("detail.back")}</Link>
      <RuleSetHeading ruleSet={ruleSet} editable={editable} />
      <VotePanel ruleSet={ruleSet} canManage={canManage} canVote={can(actor, "ruleSets.vote")} today={chinaToday(new Date())} />
      <section aria-labelledby="rules-title" className="space-y-3">
        <h2 id="rules-title" className="text-xl font-semibold">{t("detail.rules")}</h2>
        <RuleGroups rules={ruleSet.rules} render={(rule) => (
          <RuleCard key={rule.id} rule={rule}>{editable ? <RuleEditor ruleSetId={ruleSet.id} rule={rule} /> : null}</RuleCard>
        )} />
        {editable ? <AddRuleForm ruleSetId={ruleSet.id} /> : null}
      </section>
    </div>
  );
});
