import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { actionError } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { rememberWrite } from "@/lib/server/read-routing/remember-write";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import type { Permission } from "@/lib/server/authz";
import { requestContextFrom, type RequestContext } from "@/lib/server/request-context";
import { formFieldNames, formFields, typedValues } from "./form-fields";

// The one way to write a Server Action (docs/ARCHITECTURE.md, "Layers", app/**/actions.ts):
// authenticate with a permission, parse the bound arguments and the form with zod, call the use
// case, revalidate or redirect, and answer { ok } or translated field errors — never records.

const NO_ARGS = z.tuple([]);
type ArgsSchema = z.ZodType<readonly unknown[], readonly unknown[]>;

/** Who calls, with what: the parsed bound arguments and the submitted form. */
export type ActionRequest<Args> = { actor: AuthenticatedActor; args: Args; form: FormData };
/** …and, once parsed, the input and where the call came from (for the audit log). */
export type ActionCall<Args, Input> = ActionRequest<Args> & { input: Input; context: RequestContext };

/** A path to revalidate; `{ layout }` refreshes every page under it. */
export type Revalidation = string | { layout: string };

type Values = { values?: Record<string, string> };
/** What the form gets back: ActionState, the extra fields of a success, and what a refusal adds. */
export type ActionResultState<Extra, Refusal> = ActionState & Partial<Extra> & Partial<Omit<Refusal, keyof ActionState>> & Values;

type Definition<A extends ArgsSchema, S extends z.ZodType, R, Extra, Refusal> = {
  /** The permission the caller must hold; a function of the arguments when they decide it. */
  permission: Permission | ((args: z.output<A>) => Permission);
  /** requireActor by default, which sends whoever must still choose a password to do so. */
  authenticate?: (permission: Permission | undefined) => Promise<AuthenticatedActor>;
  /**
   * The bound arguments (`action.bind(null, id)`). They arrive from the client like any field
   * (an action can be called with whatever its caller likes), so they are parsed too.
   */
  args?: A;
  /** The input's schema, read from the form (./form-fields.ts); a function of the arguments when they choose it. */
  schema?: S | ((args: z.output<A>) => S);
  /** The input as the schema takes it, when it is more than the form's fields (bound ids, a ballot's objections). */
  input?: (fields: Record<string, unknown>, request: ActionRequest<z.output<A>>) => unknown;
  run: (call: ActionCall<z.output<A>, z.output<S>>) => Promise<R>;
  /** Extra fields of a success, e.g. the id of what was recorded; never a whole record. */
  answer?: (result: R, call: ActionCall<z.output<A>, z.output<S>>) => Extra | Promise<Extra>;
  revalidate?: readonly Revalidation[] | ((result: R, call: ActionCall<z.output<A>, z.output<S>>) => readonly Revalidation[]);
  redirect?: (result: R, call: ActionCall<z.output<A>, z.output<S>>) => string | undefined;
  /** Send back what was typed when the form is refused: the schema's fields (true) or the ones named. */
  keep?: boolean | readonly string[];
  /** Adjusts a refusal, e.g. to name a failing field as the form does. */
  refused?: (state: ActionState & Values, request: ActionRequest<z.output<A>>) => Refusal | Promise<Refusal>;
};

/**
 * Defines a Server Action for `useActionState`: `(...args, previousState, form) => state`.
 *
 *   export const voidEntryAction = defineAction({
 *     permission: "entries.void",
 *     args: z.tuple([IdSchema]),
 *     schema: VoidEntrySchema,
 *     run: ({ actor, args: [entryId], input, context }) => voidEntry(actor, entryId, input, context),
 *     revalidate: (_, { args: [entryId] }) => [`/entries/${entryId}`],
 *   });
 *
 * Expected failures (a zod error, an AppError) come back as form state through actionError;
 * anything else is thrown to error.tsx.
 */
export function defineAction<
  A extends ArgsSchema = typeof NO_ARGS, S extends z.ZodType = z.ZodUndefined, R = unknown, Extra = object, Refusal = ActionState,
>(definition: Definition<A, S, R, Extra, Refusal>) {
  type State = ActionResultState<Extra, Refusal>;
  type Args = z.output<A>;
  const authenticate = definition.authenticate ?? requireActor;

  return async (...all: [...z.input<A>, State, FormData]): Promise<State> => {
    const last = all.at(-1);
    const form = last instanceof FormData ? last : new FormData();
    const parsedArgs = (definition.args ?? NO_ARGS).safeParse(all.slice(0, -2));
    const { permission } = definition;
    // Authentication comes first even when the arguments are malformed; without valid
    // arguments a permission chosen by them cannot be known, so only a signed-in caller passes.
    const actor = await authenticate(typeof permission !== "function" ? permission : parsedArgs.success ? permission(parsedArgs.data as Args) : undefined);
    if (!parsedArgs.success) return (await actionError(parsedArgs.error)) as State;
    const request: ActionRequest<Args> = { actor, args: parsedArgs.data as Args, form };
    const schema = typeof definition.schema === "function" ? definition.schema(request.args) : definition.schema;

    let call: ActionCall<Args, z.output<S>>;
    let result: R;
    let extra: Extra | undefined;
    try {
      const fields = schema ? formFields(form, schema) : {};
      const input = schema ? schema.parse(definition.input ? await definition.input(fields, request) : fields) : undefined;
      call = { ...request, input: input as z.output<S>, context: requestContextFrom(await headers()) };
      result = await definition.run(call);
      await rememberWrite(actor);
      extra = await definition.answer?.(result, call);
    } catch (error) {
      const kept = definition.keep === true ? (schema ? formFieldNames(schema) : []) : definition.keep || [];
      const state = { ...(await actionError(error)), ...(kept.length > 0 ? { values: typedValues(form, kept) } : {}) };
      return (definition.refused ? await definition.refused(state, request) : state) as State;
    }

    const paths = typeof definition.revalidate === "function" ? definition.revalidate(result, call) : definition.revalidate ?? [];
    for (const path of paths) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.layout, "layout");
    }
    const target = definition.redirect?.(result, call);
    if (target) redirect(target);
    return { ok: true, ...extra } as State;
  };
}
