import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema, PageQuerySchema } from "@/lib/schemas/common";
import { XLSX_TYPE } from "@/lib/schemas/exports";
import {
  FileResponseSchema, ImportFormSchema, ImportQuerySchema, ImportReportSchema, TemplateQuerySchema,
} from "@/lib/schemas/household-import";
import {
  AddMemberSchema, CreateHouseholdSchema, DeactivateMemberSchema, HouseholdHistorySchema, HouseholdListSchema,
  HouseholdSchema, MemberResultSchema, SearchHouseholdsQuerySchema, SetHouseholdStatusSchema, UpdateHouseholdSchema,
  UpdateMemberSchema,
} from "@/lib/schemas/households";

export const searchHouseholds = defineOperation({
  id: "searchHouseholds", method: "GET", path: "/households", tag: "households", permission: "households.search",
  summary: "Households within the caller's scope, found by archive number, name, phone or pinyin initials",
  query: SearchHouseholdsQuerySchema, response: HouseholdListSchema,
});

export const getHousehold = defineOperation({
  id: "getHousehold", method: "GET", path: "/households/{id}", tag: "households", permission: "households.read",
  summary: "A household with its members (a household account reads its own)",
  params: IdParamsSchema, response: HouseholdSchema,
});

export const createHousehold = defineOperation({
  id: "createHousehold", method: "POST", path: "/households", tag: "households", permission: "households.manage", status: 201,
  summary: "Open the archive of a new household in the clerk's village; the head becomes its first member",
  body: CreateHouseholdSchema, response: HouseholdSchema,
});

export const updateHousehold = defineOperation({
  id: "updateHousehold", method: "PATCH", path: "/households/{id}", tag: "households", permission: "households.manage",
  summary: "Correct the head's name, address, phone or group, with a reason",
  params: IdParamsSchema, body: UpdateHouseholdSchema, response: HouseholdSchema,
});

export const setHouseholdStatus = defineOperation({
  id: "setHouseholdStatus", method: "POST", path: "/households/{id}/status", tag: "households", permission: "households.manage",
  summary: "Move out, deregister or restore a household, with a reason (households are never deleted)",
  params: IdParamsSchema, body: SetHouseholdStatusSchema, response: HouseholdSchema,
});

export const addMember = defineOperation({
  id: "addMember", method: "POST", path: "/households/{id}/members", tag: "households", permission: "households.manage", status: 201,
  summary: "Add a member to a household",
  params: IdParamsSchema, body: AddMemberSchema, response: MemberResultSchema,
});

export const updateMember = defineOperation({
  id: "updateMember", method: "PATCH", path: "/members/{id}", tag: "households", permission: "households.manage",
  summary: "Correct a member's name, relation, gender or year of birth, or make the member head, with a reason",
  params: IdParamsSchema, body: UpdateMemberSchema, response: MemberResultSchema,
});

export const deactivateMember = defineOperation({
  id: "deactivateMember", method: "POST", path: "/members/{id}/deactivate", tag: "households", permission: "households.manage",
  summary: "Record that a member has left the household, with a reason (members are never deleted)",
  params: IdParamsSchema, body: DeactivateMemberSchema, response: MemberResultSchema,
});

export const householdHistory = defineOperation({
  id: "householdHistory", method: "GET", path: "/households/{id}/history", tag: "households", permission: "households.read",
  summary: "Every change to a household and its members, newest first: who, when, what and why",
  params: IdParamsSchema, query: PageQuerySchema, response: HouseholdHistorySchema,
});

export const importHouseholds = defineOperation({
  id: "importHouseholds", method: "POST", path: "/villages/{id}/households/import", tag: "households", permission: "households.manage",
  summary: "Check (dryRun=true) or import (dryRun=false) a village's households from an .xlsx or .csv file, all or nothing",
  params: IdParamsSchema, query: ImportQuerySchema, body: ImportFormSchema, multipart: true, response: ImportReportSchema,
});

export const exportHouseholds = defineOperation({
  id: "exportHouseholds", method: "GET", path: "/villages/{id}/households/export", tag: "households", permission: "households.search",
  summary: "The village's households and current members as an .xlsx file in the import's layout",
  params: IdParamsSchema, response: FileResponseSchema, produces: XLSX_TYPE,
});

export const householdImportTemplate = defineOperation({
  id: "householdImportTemplate", method: "GET", path: "/villages/{id}/households/template", tag: "households", permission: "households.manage",
  summary: "The empty import file for a village, .xlsx (with notes on each column and the village's groups) or .csv",
  params: IdParamsSchema, query: TemplateQuerySchema, response: FileResponseSchema, produces: XLSX_TYPE,
});
