// How an "approve all except …" ballot travels in a form: one `objection` field per entry the
// representative objects to, and its reason in `reason.<entryId>`. The ballot form (client) and
// the actions (server) both use these names.

export const OBJECTION_FIELD = "objection";
export const reasonField = (entryId: string) => `reason.${entryId}`;

export type Objection = { entryId: string; decision: "REJECT"; reason: string | undefined };

export function objectionsFrom(form: FormData): Objection[] {
  const ids = form.getAll(OBJECTION_FIELD).filter((id): id is string => typeof id === "string");
  return [...new Set(ids)].map((entryId) => {
    const reason = form.get(reasonField(entryId));
    return { entryId, decision: "REJECT", reason: typeof reason === "string" && reason.trim() !== "" ? reason : undefined };
  });
}

/**
 * The schema names a failing objection by its position ("exceptions.3.reason"); the form shows
 * it under its entry, so the key becomes the entry's field name.
 */
export function withEntryKeys<State extends { fieldErrors?: Record<string, string> }>(state: State, objections: readonly Objection[]): State {
  if (!state.fieldErrors) return state;
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([key, message]) => {
    const match = /^exceptions\.(\d+)\.(\w+)$/.exec(key);
    const objection = match ? objections[Number(match[1])] : undefined;
    return [objection ? reasonField(objection.entryId) : key, message];
  }));
  return { ...state, fieldErrors };
}
