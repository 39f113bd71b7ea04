import "server-only";
import type { z } from "zod";

// How every Server Action reads its form: the schema the action parses with says which fields
// there are and what a blank one means, so a form and the API take the same input.
//
// - A repeated field (the schema wants an array: checkboxes, photo ids) is the list of its
//   non-blank values.
// - A boolean is a checkbox or a yes/no radio: "on" or "true" is true, anything else false.
// - A blank field is "not given": null where the schema takes null (clearing a phone number),
//   absent where it may be left out. A blank number box is absent, never 0 (z.coerce would
//   read "" as 0). A blank required text stays "" so that its schema names what is missing.
// - A field the form does not send at all is absent (a list is empty, a checkbox unchecked).

type Kind = "list" | "checkbox" | "number" | "text";
type Blank = "null" | "absent" | "typed";
type Field = { kind: Kind; blank: Blank };

// What the reader looks at in a zod schema's definition (zod 4: `schema.def`).
type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  shape?: Record<string, z.ZodType>;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** The wrappers around a schema, outermost first, and what it finally checks a value with. */
function unwrap(schema: z.ZodType, wrappers: string[] = []): { wrappers: string[]; core: Def } {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return unwrap(def.innerType, [...wrappers, def.type]);
  if (def.type === "pipe" && def.in) return unwrap(def.in, wrappers);
  return { wrappers, core: def };
}

/** The object shapes a form's schema can take: one, or one per option of a union. */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const { core } = unwrap(schema);
  if (core.type === "object" && core.shape) return [core.shape];
  if (core.type === "union" && core.options) return core.options.flatMap(shapesOf);
  throw new Error(`A form is read by an object schema or a union of them, not "${core.type}"`);
}

const KINDS: Record<string, Kind> = { array: "list", boolean: "checkbox", number: "number" };

// Read from the schema's structure, not by parsing null or undefined: z.coerce.number() would
// take null as 0.
function fieldsOf(schema: z.ZodType): Map<string, Field> {
  const shapes = shapesOf(schema);
  const names = new Set(shapes.flatMap((shape) => Object.keys(shape)));
  return new Map([...names].map((name) => {
    const variants = shapes.map((shape) => (shape[name] ? unwrap(shape[name]) : undefined));
    const declared = variants.filter((variant) => variant !== undefined);
    const kind = KINDS[declared[0]!.core.type] ?? "text";
    const takesNull = declared.some(({ wrappers }) => wrappers.includes("nullable"));
    // A field of only some options of a union (a clerk's village, not an admin's) may be left out.
    const mayBeLeftOut = variants.some((variant) => !variant || variant.wrappers.some((w) => w === "optional" || w === "default" || w === "prefault"));
    const blank: Blank = takesNull ? "null" : kind === "number" || mayBeLeftOut ? "absent" : "typed";
    return [name, { kind, blank }];
  }));
}

const isFilled = (value: FormDataEntryValue): value is string => typeof value === "string" && value.trim() !== "";

/** The fields `schema` names, from a submitted form, as the schema takes them (see above). */
export function formFields(form: FormData, schema: z.ZodType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, { kind, blank }] of fieldsOf(schema)) {
    if (kind === "list") {
      out[name] = form.getAll(name).filter(isFilled);
      continue;
    }
    const value = form.get(name);
    if (kind === "checkbox") {
      out[name] = value === "on" || value === "true";
      continue;
    }
    if (typeof value !== "string") continue;
    if (isFilled(value)) out[name] = value;
    else if (blank === "null") out[name] = null;
    else if (blank === "typed") out[name] = value;
  }
  return out;
}

/** The single-value fields `schema` names: what a refused form shows again. */
export function formFieldNames(schema: z.ZodType): string[] {
  return [...fieldsOf(schema)].filter(([, field]) => field.kind !== "list").map(([name]) => name);
}

/**
 * What was typed into the named fields, exactly, for a refused form to show again (React resets
 * a form after its action). A password is never sent back.
 */
export function typedValues(form: FormData, names: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string" && !/password/i.test(name)) out[name] = value;
  }
  return out;
}
