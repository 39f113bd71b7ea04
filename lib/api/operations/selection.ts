import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import {
  DecideNominationSchema, HonourBoardQuerySchema, HonourBoardSchema, NominateSchema, NominationSchema, SelectionPageSchema,
  SelectionQuerySchema, WithdrawAwardSchema, WithdrawNominationSchema,
} from "@/lib/schemas/selection";

export const getSelection = defineOperation({
  id: "getSelection", method: "GET", path: "/selection", tag: "selection", permission: "selection.read",
  summary: "Civilized-family selection of a year: every household in scope with its eligibility and reasons (from the maintained score rows), its nomination or award, and what the caller may do",
  query: SelectionQuerySchema, response: SelectionPageSchema,
});

export const nominateHousehold = defineOperation({
  id: "nominateHousehold", method: "POST", path: "/selection/nominations", tag: "selection", permission: "selection.nominate", status: 201,
  summary: "A clerk nominates an eligible household of the village for a year, with a note; from 1 December of the year; once per household and year; never the clerk's own",
  body: NominateSchema, response: NominationSchema,
});

export const withdrawNomination = defineOperation({
  id: "withdrawNomination", method: "POST", path: "/nominations/{id}/withdraw", tag: "selection", permission: "selection.nominate",
  summary: "A clerk of the village withdraws an undecided nomination, with the reason",
  params: IdParamsSchema, body: WithdrawNominationSchema, response: NominationSchema,
});

export const decideNomination = defineOperation({
  id: "decideNomination", method: "POST", path: "/nominations/{id}/decision", tag: "selection", permission: "selection.decide",
  summary: "An official awards or declines (with a reason) a nomination, once the year has ended in China; an award needs every entry of the year reviewed and the household still eligible (judged again now); the settings and assessment are stored",
  params: IdParamsSchema, body: DecideNominationSchema, response: NominationSchema,
});

export const withdrawAward = defineOperation({
  id: "withdrawAward", method: "POST", path: "/nominations/{id}/withdraw-award", tag: "selection", permission: "selection.decide",
  summary: "An official withdraws an award with the reason (e.g. a black of that year confirmed later); it leaves the honour board",
  params: IdParamsSchema, body: WithdrawAwardSchema, response: NominationSchema,
});

export const getHonourBoard = defineOperation({
  id: "getHonourBoard", method: "GET", path: "/public/honour-board", tag: "selection", permission: null,
  summary: "Public honour board where the township publishes one: awarded families of a year (head's name and village, no archive number) and their confirmed red entries only (404 when not published)",
  query: HonourBoardQuerySchema, response: HonourBoardSchema,
});
