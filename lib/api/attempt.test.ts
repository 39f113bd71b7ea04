import { describe, expect, it } from "vitest";
import { readAnswer } from "./attempt";

describe("readAnswer", () => {
  it("takes a 2xx as done, and says whether it was a replay of an earlier attempt", () => {
    expect(readAnswer(201, { id: "e1" }, false)).toEqual({ kind: "done", value: { id: "e1" }, replayed: false });
    expect(readAnswer(201, { id: "e1" }, true)).toEqual({ kind: "done", value: { id: "e1" }, replayed: true });
  });

  it("hands a refusal back with one message per field, the first for a list's items", () => {
    const body = {
      error: {
        code: "INVALID_INPUT", message: "请检查填写的内容。",
        details: [
          { field: "description", message: "请写明事情经过。" },
          { field: "evidenceIds.1", message: "照片重复了。" },
          { field: "evidenceIds.2", message: "另一条" },
        ],
      },
    };
    expect(readAnswer(400, body, false)).toEqual({
      kind: "refused", message: "请检查填写的内容。", fieldErrors: { description: "请写明事情经过。", evidenceIds: "照片重复了。" },
    });
    expect(readAnswer(422, { error: { message: "这一天没有施行中的细则。" } }, false)).toEqual({ kind: "refused", message: "这一天没有施行中的细则。", fieldErrors: {} });
  });

  it("knows nothing after a server failure or an answer that is not the API's", () => {
    expect(readAnswer(500, { error: { message: "服务器出错了。" } }, false)).toEqual({ kind: "unanswered" });
    expect(readAnswer(503, null, false)).toEqual({ kind: "unanswered" });
    expect(readAnswer(403, { blocked: true }, false)).toEqual({ kind: "unanswered" });
    expect(readAnswer(200, null, false)).toEqual({ kind: "unanswered" });
  });
});
