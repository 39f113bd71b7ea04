import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PublicRules } from "@/components/rule-sets/public-rules";
import { IdSchema } from "@/lib/schemas/common";
import { isAppError } from "@/lib/server/errors";
import { getPublicRules } from "@/lib/server/rule-sets/get-public-rules";

type Params = Promise<{ id: string }>;

// Read once per request: the title and the page both need it.
const load = cache(async (id: string) => {
  if (!IdSchema.safeParse(id).success) notFound();
  try {
    return await getPublicRules(id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }) {
  const [rules, t] = await Promise.all([load((await params).id), getTranslations("publicRules")]);
  return { title: t("title", { village: rules.village.name }) };
}

/** Public, no sign-in: the village's rules in force, and when and how its representatives adopted them. */
export default async function PublicRulesPage({ params }: { params: Params }) {
  return <PublicRules rules={await load((await params).id)} />;
}
