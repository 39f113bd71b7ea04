import type { ChainVerification } from "@/lib/schemas/chains";

// What a Server Action returns to its form: success, or translated messages — never records.
// Here, outside lib/server, so that client forms take the type without importing server code.
export type ActionState = { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };

/** A form that shows again what was typed when it is refused (React resets a form after its action). */
export type FormValuesState = ActionState & { values?: Record<string, string> };

export type HouseholdFormState = FormValuesState;
export type RuleSetFormState = FormValuesState;
export type DraftFormState = FormValuesState;
export type SettingsFormState = FormValuesState;
export type VillageFormState = FormValuesState & { name?: string };
/** After a success the form keeps the role and place in `values`, ready for the next account. */
export type AccountFormState = FormValuesState & { accountId?: string; displayName?: string };
export type ResetPasswordState = ActionState & { temporaryPassword?: string };
export type TokenActionState = FormValuesState & { token?: string }; // the new token, shown this once
export type VerifyChainsState = ActionState & { result?: ChainVerification };

/** What the printed household card shows; the code is never shown again. */
export type HouseholdCard = {
  archiveNo: string;
  headName: string;
  villageName: string;
  townshipName: string;
  code: string;
  expiresOn: string;
  signInUrl: string;
};
export type IssueCodeState = ActionState & { card?: HouseholdCard };
