import { z } from "zod";
import { DateTimeSchema, IdSchema, pageOf, PageQuerySchema, PasswordSchema, singleLineText } from "./common";
import { RoleSchema } from "./me";

// The shape of an archive number: township code, village code, 5-digit serial ("JS-XH-00001",
// lib/server/households/archive-numbers.ts). Names like "clerk-xinhua-2" are not archive numbers.
const ARCHIVE_NO_SHAPE = /^[a-z]+-[a-z0-9]+-\d{5}$/i;

// Staff usernames are stored in lower case: sign-in matches case-insensitively, and households
// sign in with their archive number ("JS-XH-00001"), which a staff name must never shadow — not
// even one whose household does not exist yet: the name would take its sign-in key.
export const UsernameSchema = singleLineText()
  .toLowerCase()
  .min(3, { error: "validation.usernameTooShort" })
  .max(40, { error: "validation.usernameTooLong" })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "validation.usernameFormat" })
  .refine((name) => !ARCHIVE_NO_SHAPE.test(name), { error: "validation.usernameLooksLikeArchiveNo" });

export const DisplayNameSchema = singleLineText()
  .min(1, { error: "validation.displayNameRequired" })
  .max(60, { error: "validation.displayNameTooLong" });

const staff = { username: UsernameSchema, displayName: DisplayNameSchema, password: PasswordSchema };

export const CreateAccountSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("ADMIN"), ...staff }),
  // Defaults to the official's own township; an admin must name one.
  z.strictObject({ role: z.literal("TOWNSHIP_OFFICIAL"), ...staff, townshipId: IdSchema.optional() }),
  z.strictObject({
    role: z.enum(["CLERK", "REPRESENTATIVE"]),
    ...staff,
    villageId: IdSchema,
    homeHouseholdId: IdSchema.nullish(),
  }),
  // The username is the household's archive number; it signs in first with a one-time code.
  z.strictObject({ role: z.literal("HOUSEHOLD"), householdId: IdSchema, displayName: DisplayNameSchema.optional() }),
]);
export type CreateAccountInput = z.infer<typeof CreateAccountSchema>;

export const UpdateAccountSchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  role: RoleSchema.optional(),
  townshipId: IdSchema.optional(),
  villageId: IdSchema.optional(),
  // Omitted while the village changes: the home household is cleared.
  homeHouseholdId: IdSchema.nullish(),
});
export type UpdateAccountInput = z.infer<typeof UpdateAccountSchema>;

export const ListAccountsQuerySchema = PageQuerySchema.extend({
  role: RoleSchema.optional(),
  villageId: IdSchema.optional(),
  q: singleLineText().max(50, { error: "validation.searchTooLong" }).optional(),
  active: z.stringbool().optional(),
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuerySchema>;

const PlaceRefSchema = z.object({ id: z.uuid(), name: z.string() });
const HouseholdRefSchema = z.object({ id: z.uuid(), archiveNo: z.string(), headName: z.string() });

// Never the password or access-code hashes: only whether a code is outstanding, and until when.
export const AccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  township: PlaceRefSchema.nullable(),
  village: PlaceRefSchema.nullable(),
  household: HouseholdRefSchema.nullable(),
  homeHousehold: HouseholdRefSchema.nullable(),
  hasAccessCode: z.boolean(),
  accessCodeExpiresAt: DateTimeSchema.nullable(),
  lockedUntil: DateTimeSchema.nullable(),
  lastSeenAt: DateTimeSchema.nullable(),
  createdAt: DateTimeSchema,
});
export type AccountOutput = z.infer<typeof AccountSchema>;

export const AccountListSchema = pageOf(AccountSchema);

const IssuedCodeSchema = z.object({ code: z.string(), expiresAt: DateTimeSchema });

export const CreateAccountResultSchema = z.object({
  account: AccountSchema,
  // HOUSEHOLD accounts only; shown once and never retrievable again.
  accessCode: IssuedCodeSchema.nullable(),
});

export const ResetPasswordResultSchema = z.object({
  account: AccountSchema,
  temporaryPassword: z.string(),
});

export const IssueAccessCodeResultSchema = z.object({
  accessCode: IssuedCodeSchema,
  accountCreated: z.boolean(),
  account: z.object({ id: z.uuid(), username: z.string() }),
  household: HouseholdRefSchema.extend({ village: PlaceRefSchema, township: PlaceRefSchema }),
});
export type IssueAccessCodeResult = z.infer<typeof IssueAccessCodeResultSchema>;

export const HouseholdSearchSchema = z.object({
  q: singleLineText().min(1, { error: "validation.searchRequired" }).max(50, { error: "validation.searchTooLong" }),
});
