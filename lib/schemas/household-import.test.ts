import { describe, expect, it } from "vitest";
import { ImportRowSchema } from "./household-import";

const row = { archiveNo: "", headName: "王五", group: "", address: "新花村三组", phone: "", registeredOn: "2020-01-01", status: "在册",
  memberName: "王五", relation: "户主", gender: "男", birthYear: "1970" };

describe("the registration day of an imported row", () => {
  it.each(["2026-13-01", "2026-00-10", "2026-01-32", "0000-00-00", "2026-02-30", "2025-02-29"])("%s, a day that does not exist, is a problem of its cell", (day) => {
    const result = ImportRowSchema.safeParse({ ...row, registeredOn: day });
    expect(result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["registeredOn: householdImport.problem.dateFormat"]);
  });

  it.each(["2020-01-01", "2020/1/1", "2020年1月1日", "2024-02-29", ""])("%s is taken", (day) => {
    expect(ImportRowSchema.safeParse({ ...row, registeredOn: day }).success).toBe(true);
  });
});
