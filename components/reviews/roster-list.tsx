import { getFormatter, getTranslations } from "next-intl/server";
import type { ReviewDetail } from "@/lib/schemas/reviews";

/** The frozen roster and where each representative stands: absent, present, voted (on paper or phone). */
export async function RosterList({ roster }: { roster: ReviewDetail["rosterMembers"] }) {
  const [t, format] = await Promise.all([getTranslations("reviews.roster"), getFormatter()]);
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="roster">
      {roster.map((member) => (
        <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="roster-member">
          <span className="font-medium">{member.displayName}</span>
          <span className="text-sm text-stone-600">
            {member.ballotCastAt
              ? t(member.paperBallot ? "paperBallot" : "phoneBallot", { time: format.dateTime(new Date(member.ballotCastAt), { dateStyle: "short", timeStyle: "short" }) })
              : t(member.attending ? "present" : "absent")}
          </span>
        </li>
      ))}
    </ul>
  );
}
