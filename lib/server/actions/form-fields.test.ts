import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateAccountSchema } from "@/lib/schemas/accounts";
import { RecordEntrySchema } from "@/lib/schemas/entries";
import { AddMemberSchema, UpdateHouseholdSchema } from "@/lib/schemas/households";
import { DecideRectificationSchema } from "@/lib/schemas/rectifications";
import { AddRuleSchema } from "@/lib/schemas/rule-sets";
import { ChangeTownshipSettingsSchema } from "@/lib/schemas/township-settings";
import { UpdateVillageSchema } from "@/lib/schemas/villages";
import { formFieldNames, formFields, typedValues } from "./form-fields";

const HOUSEHOLD = "0190a0b0-0000-7000-8000-000000000001";
const PHOTO_A = "0190a0b0-0000-7000-8000-00000000000a";
const PHOTO_B = "0190a0b0-0000-7000-8000-00000000000b";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

/** The catalogue key the schema answers for one field of the form. */
function messageFor(schema: z.ZodType, data: FormData, field: string): string | undefined {
  const result = schema.safeParse(formFields(data, schema));
  return result.error?.issues.find((issue) => issue.path.join(".") === field)?.message;
}

describe("reading a form the way every action reads it", () => {
  it("takes a blank optional choice as none where the schema takes null, and leaves other blanks out", () => {
    const fields = formFields(form([["householdId", HOUSEHOLD], ["memberId", ""], ["legalAuthority", "  "], ["idempotencyKey", ""]]), RecordEntrySchema);
    expect(fields).toMatchObject({ householdId: HOUSEHOLD, memberId: null, legalAuthority: null });
    expect(fields).not.toHaveProperty("idempotencyKey");
    expect(fields).not.toHaveProperty("legalDocumentNo"); // not sent at all
  });

  it("clears a phone number emptied on the edit form, but leaves an emptied address unchanged", () => {
    const input = UpdateHouseholdSchema.parse(formFields(form([["phone", ""], ["address", ""], ["reason", "户主更正"]]), UpdateHouseholdSchema));
    expect(input).toEqual({ phone: null, reason: "户主更正" });
  });

  it("keeps a blank required text so that the schema names what is missing", () => {
    const data = form([["name", ""], ["relation", "SON"], ["birthYear", "2001"]]);
    expect(messageFor(AddMemberSchema, data, "name")).toBe("validation.personNameRequired");
  });

  it("never reads an empty number box as 0", () => {
    const data = form([["effectiveFrom", "2030-01-01"], ["weightRed", ""], ["reason", "调整"]]);
    expect(formFields(data, ChangeTownshipSettingsSchema)).not.toHaveProperty("weightRed");
    expect(messageFor(ChangeTownshipSettingsSchema, data, "weightRed")).toBe("validation.settingsWeight");
    // …and a number with a default takes it when the box is left empty.
    expect(AddRuleSchema.parse(formFields(form([["code", "R9"], ["category", "RED"], ["title", "t"], ["description", "d"], ["marks", ""]]), AddRuleSchema)).marks).toBe(1);
  });

  it("reads a repeated field as its list of values, without blanks, and none as an empty list", () => {
    expect(formFields(form([["evidenceIds", PHOTO_A], ["evidenceIds", ""], ["evidenceIds", PHOTO_B]]), RecordEntrySchema).evidenceIds).toEqual([PHOTO_A, PHOTO_B]);
    expect(formFields(form([]), RecordEntrySchema).evidenceIds).toEqual([]);
  });

  it("reads a checkbox or a yes/no radio as a boolean, unchecked as false", () => {
    expect(formFields(form([["active", "on"]]), UpdateVillageSchema).active).toBe(true);
    expect(formFields(form([]), UpdateVillageSchema).active).toBe(false);
    const flags = formFields(form([["honourBoardEnabled", "true"], ["noticeHidesNegativeDetail", "false"]]), ChangeTownshipSettingsSchema);
    expect(flags).toMatchObject({ honourBoardEnabled: true, noticeHidesNegativeDetail: false });
  });

  it("leaves out a blank field that only some options of a union require", () => {
    // A declined rectification needs a reason; an approved one may go without.
    expect(formFields(form([["decision", "APPROVE"], ["reason", ""]]), DecideRectificationSchema)).toEqual({ decision: "APPROVE" });
    expect(messageFor(DecideRectificationSchema, form([["decision", "DECLINE"], ["reason", ""]]), "reason")).toBe("validation.decisionReasonRequired");
    // An administrator's account has no village: the empty village choice must not be sent.
    const admin = form([["role", "ADMIN"], ["username", "admin-2"], ["displayName", "管理员"], ["password", "Secret-2026"], ["villageId", ""]]);
    expect(CreateAccountSchema.safeParse(formFields(admin, CreateAccountSchema)).success).toBe(true);
  });
});

describe("what a refused form shows again", () => {
  it("is what was typed, blanks included, and never a password", () => {
    const data = form([["username", " Clerk-9 "], ["displayName", ""], ["password", "Secret-2026"]]);
    expect(typedValues(data, ["username", "displayName", "password", "villageId"])).toEqual({ username: " Clerk-9 ", displayName: "" });
  });

  it("covers the schema's single-value fields, not its lists", () => {
    expect(formFieldNames(RecordEntrySchema)).not.toContain("evidenceIds");
    expect(formFieldNames(RecordEntrySchema)).toContain("description");
  });
});
