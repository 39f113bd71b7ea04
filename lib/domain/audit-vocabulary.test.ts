import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { ALL_ENUM_LABELS } from "./audit-enum-labels";
import {
  AUDIT_ACTIONS, AUDIT_AREAS, AUDIT_FIELDS, AUDIT_TARGET_TYPES, auditActionKey, auditAreaKey, auditFieldKey, auditTargetKey,
  PERSON_NAME_KEY,
} from "./audit-vocabulary";
import { BROWSERS, SYSTEMS } from "./user-agent";

const catalogues = { "zh-CN": zhCN, en } as const;

function lookup(messages: object, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** The keys that have no text in a catalogue. */
const missing = (messages: object, keys: string[]) => keys.filter((key) => {
  const text = lookup(messages, key);
  return typeof text !== "string" || text.trim() === "";
});

describe.each(Object.entries(catalogues))("the audit log's words in %s", (_locale, messages) => {
  it("label every action a use case can record", () => {
    expect(missing(messages, AUDIT_ACTIONS.map(auditActionKey))).toEqual([]);
  });

  it("label every group of actions the filter offers", () => {
    expect(missing(messages, AUDIT_AREAS.map(auditAreaKey))).toEqual([]);
  });

  it("label every kind of target", () => {
    expect(missing(messages, AUDIT_TARGET_TYPES.map(auditTargetKey))).toEqual([]);
  });

  it("label every field a record's before and after may hold", () => {
    expect(missing(messages, [...AUDIT_FIELDS.map(auditFieldKey), PERSON_NAME_KEY])).toEqual([]);
  });

  it("have a word for every value of every coded field (roles, statuses, categories…)", () => {
    expect(missing(messages, ALL_ENUM_LABELS.flatMap((labels) => labels.values.map(labels.key)))).toEqual([]);
  });

  it("name every browser and system the log tells apart", () => {
    expect(missing(messages, [...BROWSERS, ...SYSTEMS].map(([name]) => `audit.software.${name}`))).toEqual([]);
  });
});

describe("the vocabulary", () => {
  it("lists each action, target and field once", () => {
    for (const list of [AUDIT_ACTIONS, AUDIT_TARGET_TYPES, AUDIT_FIELDS] as readonly (readonly string[])[]) {
      expect(list.filter((item, i) => list.indexOf(item) !== i)).toEqual([]);
    }
  });

  it("gives actions that differ only after a dot keys that differ (auth.signIn and auth.signIn.failed)", () => {
    const keys = AUDIT_ACTIONS.map(auditActionKey);
    expect(new Set(keys).size).toBe(AUDIT_ACTIONS.length);
  });
});
