import { getTranslations } from "next-intl/server";
import { HonourBoardView } from "@/components/selection/honour-board";
import { HonourBoardQuerySchema, type HonourBoard, type HonourBoardChoices } from "@/lib/schemas/selection";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import { isAppError } from "@/lib/server/errors";
import { getHonourBoard, getHonourBoardChoices } from "@/lib/server/selection/get-honour-board";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("honour");
  return { title: t("title") };
}

/**
 * The public honour board (光荣榜), without signing in: the families the township awarded and
 * their red entries. Where the township has not published one, a plain notice and nothing else.
 */
export default async function HonourPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  const parsed = HonourBoardQuerySchema.safeParse({ year: one("year"), villageId: one("village"), page: one("page"), pageSize: 30 });
  const query = parsed.success ? parsed.data : HonourBoardQuerySchema.parse({ pageSize: 30 });
  const t = await getTranslations("honour");
  let board: HonourBoard;
  let choices: HonourBoardChoices;
  try {
    const reader = await getCurrentActor();
    [board, choices] = await Promise.all([getHonourBoard(query, reader), getHonourBoardChoices(reader)]);
  } catch (error) {
    if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
    return (
      <div className="mx-auto max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6" data-testid="honour-not-published">
        <h1 className="text-xl font-bold">{t("notPublishedTitle")}</h1>
        <p className="text-stone-700">{t("notPublished")}</p>
      </div>
    );
  }
  return <HonourBoardView board={board} choices={choices} villageId={query.villageId ?? null} />;
}
