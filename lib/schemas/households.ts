import { z } from "zod";
import { chinaToday } from "@/lib/domain/entry-date";
import { IdSchema, multiLineText, pageOf, pageParams, singleLineText } from "./common";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const HouseholdStatusSchema = z.enum(["ACTIVE", "MOVED_OUT", "INACTIVE"]);
export const MemberRelationSchema = z.enum([
  "HEAD", "SPOUSE", "SON", "DAUGHTER", "DAUGHTER_IN_LAW", "SON_IN_LAW",
  "GRANDSON", "GRANDDAUGHTER", "FATHER", "MOTHER", "SIBLING", "OTHER",
]);
export const GenderSchema = z.enum(["MALE", "FEMALE"]);
export type MemberRelation = z.infer<typeof MemberRelationSchema>;

export const PersonNameSchema = singleLineText()
  .min(1, { error: "validation.personNameRequired" })
  .max(30, { error: "validation.personNameTooLong" });

export const AddressSchema = singleLineText()
  .min(1, { error: "validation.addressRequired" })
  .max(100, { error: "validation.addressTooLong" });

/** Digits only: a mainland mobile (11 digits) or a landline with its area code. */
export const normalizePhone = (raw: string) => raw.replace(/[\s\-()（）]/g, "").replace(/^\+?86(?=1\d{10}$)/, "");
export const isValidPhone = (digits: string) => /^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits);

export const PhoneSchema = singleLineText()
  .transform(normalizePhone)
  .refine((v) => v === "" || isValidPhone(v), { error: "validation.phoneFormat" })
  .transform((v) => v || null);

export const BirthYearSchema = z.coerce.number({ error: "validation.birthYearRange" })
  .int({ error: "validation.birthYearRange" })
  .refine((y) => y >= 1900 && y <= Number(chinaToday(new Date()).slice(0, 4)), { error: "validation.birthYearRange" });

export const RegisteredOnSchema = z.iso.date({ error: "validation.invalidDate" })
  .refine((d) => d >= "1950-01-01" && d <= chinaToday(new Date()), { error: "validation.registeredOnRange" });

export const ReasonSchema = multiLineText("validation.reasonRequired")
  .min(2, { error: "validation.reasonRequired" })
  .max(500, { error: "validation.reasonTooLong" });

export const SearchHouseholdsQuerySchema = z.object({
  q: singleLineText().max(50, { error: "validation.searchTooLong" }).default("")
    .describe("Archive number (prefix), a member's name, phone digits, or the head's pinyin initials"),
  villageId: IdSchema.optional(),
  status: HouseholdStatusSchema.optional(),
  ...pageParams(20),
});
export type SearchHouseholdsQuery = z.infer<typeof SearchHouseholdsQuerySchema>;

export const CreateHouseholdSchema = z.strictObject({
  headName: PersonNameSchema,
  headGender: GenderSchema.nullish(),
  headBirthYear: BirthYearSchema,
  groupId: IdSchema.nullish(),
  address: AddressSchema,
  phone: PhoneSchema.nullish(),
  registeredOn: RegisteredOnSchema,
});
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdSchema>;

export const UpdateHouseholdSchema = z.strictObject({
  headName: PersonNameSchema.optional().describe("A correction of the head's name; the head member is renamed too"),
  groupId: IdSchema.nullish(),
  address: AddressSchema.optional(),
  phone: PhoneSchema.nullish(),
  reason: ReasonSchema,
});
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdSchema>;

export const SetHouseholdStatusSchema = z.strictObject({ status: HouseholdStatusSchema, reason: ReasonSchema });
export type SetHouseholdStatusInput = z.infer<typeof SetHouseholdStatusSchema>;

export const AddMemberSchema = z.strictObject({
  name: PersonNameSchema,
  relation: MemberRelationSchema,
  gender: GenderSchema.nullish(),
  birthYear: BirthYearSchema,
  reason: ReasonSchema.optional().describe("Why the member joins (birth, marriage, moving in)"),
});
export type AddMemberInput = z.infer<typeof AddMemberSchema>;

export const UpdateMemberSchema = z.strictObject({
  name: PersonNameSchema.optional(),
  relation: MemberRelationSchema.optional()
    .describe("HEAD makes this member the head; the former head then takes formerHeadRelation"),
  formerHeadRelation: MemberRelationSchema.exclude(["HEAD"]).optional(),
  gender: GenderSchema.nullish(),
  birthYear: BirthYearSchema.optional(),
  reason: ReasonSchema,
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;

export const DeactivateMemberSchema = z.strictObject({ reason: ReasonSchema });
export type DeactivateMemberInput = z.infer<typeof DeactivateMemberSchema>;

export const MemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: MemberRelationSchema,
  gender: GenderSchema.nullable(),
  birthYear: z.int(),
  active: z.boolean(),
});
export type MemberOutput = z.infer<typeof MemberSchema>;

const PlaceSchema = z.object({ id: z.uuid(), name: z.string() });

export const HouseholdListItemSchema = z.object({
  id: z.uuid(),
  archiveNo: z.string(),
  headName: z.string(),
  phone: z.string().nullable(),
  status: HouseholdStatusSchema,
  village: PlaceSchema,
  group: PlaceSchema.nullable(),
  members: z.int().describe("Active members"),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItemSchema>;

export const HouseholdListSchema = pageOf(HouseholdListItemSchema);

export const HouseholdSchema = HouseholdListItemSchema.omit({ members: true }).extend({
  headInitials: z.string(),
  address: z.string(),
  registeredOn: z.iso.date(),
  township: PlaceSchema,
  members: z.array(MemberSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type HouseholdOutput = z.infer<typeof HouseholdSchema>;

export const MemberResultSchema = MemberSchema.extend({ householdId: z.uuid() });

export const HouseholdHistoryItemSchema = z.object({
  id: z.string(),
  action: z.string().describe("household.create, household.update, household.setStatus, member.add, …"),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  targetType: z.enum(["Household", "Member"]),
  targetId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
});
export type HouseholdHistoryItem = z.infer<typeof HouseholdHistoryItemSchema>;

export const HouseholdHistorySchema = pageOf(HouseholdHistoryItemSchema);
