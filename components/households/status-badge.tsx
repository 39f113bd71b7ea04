import { getTranslations } from "next-intl/server";
import type { HouseholdOutput } from "@/lib/schemas/households";

const tones: Record<HouseholdOutput["status"], string> = {
  ACTIVE: "bg-green-50 text-green-800 ring-green-200",
  MOVED_OUT: "bg-amber-50 text-amber-900 ring-amber-200",
  INACTIVE: "bg-stone-100 text-stone-700 ring-stone-300",
};

export async function StatusBadge({ status }: { status: HouseholdOutput["status"] }) {
  const t = await getTranslations("households.status");
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm ring-1 ${tones[status]}`}>{t(status)}</span>;
}
