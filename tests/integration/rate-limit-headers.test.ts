import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST as uploadEvidence } from "@/app/api/v1/evidence/route";
import { errorResponse } from "@/lib/server/api/error-response";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { EVIDENCE_UNATTACHED_MAX } from "@/lib/schemas/evidence";
import { sessionCookieFor } from "../helpers/api-client";

// A throttled answer says when to come back: Retry-After and the RateLimit-Limit/Remaining/Reset
// headers (IETF draft names), set in one place (error-response.ts) from the AppError's rateLimit.
const ORIGIN = "http://localhost:3000";
const HOUR_S = 3600;

describe("429 answers", () => {
  it("carry Retry-After and the RateLimit headers for any RATE_LIMITED error that knows its limit", async () => {
    const resetAt = new Date(Date.now() + 90_000);
    const response = errorResponse(new AppError("RATE_LIMITED", "errors.internal", undefined, undefined, { limit: 5, remaining: 0, resetAt }), "en");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(89);
    expect(retryAfter).toBeLessThanOrEqual(90);
    expect(response.headers.get("RateLimit-Limit")).toBe("5");
    expect(response.headers.get("RateLimit-Remaining")).toBe("0");
    expect(response.headers.get("RateLimit-Reset")).toBe(String(retryAfter));
    // Other errors carry none of them.
    expect(errorResponse(new AppError("CONFLICT", "errors.internal"), "en").headers.get("Retry-After")).toBeNull();
  });

  it("tell an uploader at the unattached-photo cap when the oldest photo expires", async () => {
    const account = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true } });
    const held = await db.evidencePhoto.count({ where: { uploadedById: account.id, entryId: null, rectificationId: null } });
    // The oldest unattached photo was uploaded 20 hours ago: a slot frees up in 4 hours.
    const oldest = new Date(Date.now() - 20 * HOUR_S * 1000);
    await db.evidencePhoto.createMany({
      data: Array.from({ length: EVIDENCE_UNATTACHED_MAX - held }, (_, i) => ({
        storageKey: `rate-limit-test/${randomUUID()}`, mimeType: "image/jpeg", width: 1, height: 1, bytes: 1, sha256: "0".repeat(64),
        uploadedById: account.id, createdAt: new Date(oldest.getTime() + i * 1000),
      })),
    });

    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 10, g: 120, b: 60 } } }).png().toBuffer();
    const form = new FormData();
    form.append("file", new File([Buffer.from(png)], "p.png", { type: "image/png" }));
    const headers = { origin: ORIGIN, "accept-language": "en", cookie: await sessionCookieFor("clerk-xinhua") };
    const response = await uploadEvidence(new Request(`${ORIGIN}/api/v1/evidence`, { method: "POST", body: form, headers }), { params: Promise.resolve({}) });

    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(Math.abs(retryAfter - 4 * HOUR_S)).toBeLessThanOrEqual(120);
    expect(response.headers.get("RateLimit-Limit")).toBe(String(EVIDENCE_UNATTACHED_MAX));
    expect(response.headers.get("RateLimit-Remaining")).toBe("0");
    expect(response.headers.get("RateLimit-Reset")).toBe(String(retryAfter));
    await db.evidencePhoto.deleteMany({ where: { storageKey: { startsWith: "rate-limit-test/" } } });
  });
});
