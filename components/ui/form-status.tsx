import type { ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";

/** What came back from a form's action: the success text once it worked, else its error. */
export function FormStatus({ state, success }: { state: ActionState; success?: ReactNode }) {
  if (state.ok && success) {
    return <div role="status" className="rounded-md bg-green-50 p-3 text-green-800" data-testid="form-success">{success}</div>;
  }
  if (!state.ok && state.message) {
    return <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800" data-testid="form-error">{state.message}</p>;
  }
  return null;
}
