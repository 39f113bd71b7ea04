// What a Server Action returns to its form: success, or translated messages — never records.
// Here, outside lib/server, so that client forms take the type without importing server code.
export type ActionState = { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };
