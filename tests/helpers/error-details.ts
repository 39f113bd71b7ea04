// The API's error details are a list of { field, code, message }; tests mostly ask by field.
export type FieldError = { field: string; code: string; message: string };

/** Field → translated message. */
export const messages = (details: FieldError[] | undefined): Record<string, string> =>
  Object.fromEntries((details ?? []).map((d) => [d.field, d.message]));

/** Field → stable code (the catalogue key). */
export const codes = (details: FieldError[] | undefined): Record<string, string> =>
  Object.fromEntries((details ?? []).map((d) => [d.field, d.code]));

/** The failing fields, sorted. */
export const fields = (details: FieldError[] | undefined): string[] => (details ?? []).map((d) => d.field).sort();
