import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";

describe("GET /api/v1/me", () => {
  it("answers 401 with a JSON error in Chinese when nobody is signed in", async () => {
    const res = await callApi("GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: "请先登录。" });
  });

  it("returns the account as the database has it now, not as the session was issued", async () => {
    const first = await callApi("GET", "/api/v1/me", { as: { username: "clerk-xinhua" } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ username: "clerk-xinhua", role: "CLERK" });
    expect(first.body).not.toHaveProperty("passwordHash");

    await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: false } });
    try {
      const after = await callApi("GET", "/api/v1/me", { as: { username: "clerk-xinhua" } });
      expect(after.status).toBe(401);
    } finally {
      await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: true } });
    }
  });
});
