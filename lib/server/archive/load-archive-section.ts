import "server-only";
import type { HouseholdArchive } from "@/lib/schemas/archive";
import type { ExtractView } from "@/lib/schemas/extracts";
import { can, canOn, type Actor } from "@/lib/server/authz";
import { listHouseholdExtracts } from "@/lib/server/extracts/list-extracts";
import { getHouseholdArchive } from "./get-household-archive";

/** A household's extracts as its archive shows them, with what the reader may do about them. */
export type ExtractsSection = {
  householdId: string;
  items: ExtractView[];
  isOwn: boolean;
  mayConsent: boolean;
  mayRequest: boolean;
  /** A clerk who lives in the household: he may not ask for its extracts (recusal). */
  isRecused: boolean;
};

/** What the archive section of a household shows, to the household itself or to staff. */
export type ArchiveSection = {
  archive: HouseholdArchive;
  isOwn: boolean;
  may: { rectify: boolean; appeal: boolean };
  /** null for a reader who may not see extracts. */
  extracts: ExtractsSection | null;
};

const EXTRACTS_SHOWN = 20;

/**
 * The archive section's data, read once for the page that shows it: the archive and the
 * extracts, each by its use case (which authorizes it as the API does), in parallel.
 */
export async function loadArchiveSection(actor: Actor, householdId: string): Promise<ArchiveSection> {
  const isOwn = actor.role === "HOUSEHOLD";
  const [archive, extracts] = await Promise.all([
    getHouseholdArchive(actor, householdId),
    can(actor, "extracts.read") ? listHouseholdExtracts(actor, householdId, { page: 1, pageSize: EXTRACTS_SHOWN }) : null,
  ]);
  const mayRequest = canOn(actor, "extracts.request", householdId);
  return {
    archive,
    isOwn,
    may: { rectify: can(actor, "rectifications.request"), appeal: can(actor, "appeals.lodge") },
    extracts: extracts && {
      householdId,
      items: extracts.items,
      isOwn,
      mayConsent: isOwn && can(actor, "extracts.consent"),
      mayRequest,
      isRecused: can(actor, "extracts.request") && !mayRequest,
    },
  };
}
