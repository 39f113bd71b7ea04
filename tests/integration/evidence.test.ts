import "../helpers/app-database";
import { createHash, randomUUID } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/evidence/[id]/route";
import { POST as uploadRoute } from "@/app/api/v1/evidence/route";
import { verifyChain } from "@/lib/domain/hash-chain";
import { entryChainSelect, eventChainSelect, householdLinks } from "@/lib/server/chain/chain-records";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import { messages } from "../helpers/error-details";

// Photos of this file go to a directory of its own under the git-ignored .data/, removed at the end.
const uploadDir = vi.hoisted(() => {
  const dir = `.data/test-uploads/evidence-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const ORIGIN = "http://localhost:3000";
const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const household = { username: "JS-XH-00001" };
let homeId: string;
let ruleId: string;
let otherHousehold: { username: string };

async function headersFor(as: { username: string } | null): Promise<Record<string, string>> {
  return { origin: ORIGIN, "accept-language": "zh-CN", ...(as ? { cookie: await sessionCookieFor(as.username) } : {}) };
}

async function upload(as: { username: string } | null, bytes: Uint8Array, name = "photo.png", type = "image/png") {
  const { status, body } = await uploadWithKey(as, bytes, name, type);
  return { status, body };
}

/** As the record form uploads: with the photo's own key as its Idempotency-Key, when given one. */
async function uploadWithKey(as: { username: string } | null, bytes: Uint8Array, name = "photo.png", type = "image/png", key?: string) {
  const form = new FormData();
  form.append("file", new File([Buffer.from(bytes)], name, { type }));
  const headers = { ...(await headersFor(as)), ...(key ? { "Idempotency-Key": key } : {}) };
  const request = new Request(`${ORIGIN}/api/v1/evidence`, { method: "POST", body: form, headers });
  const response = await uploadRoute(request, { params: Promise.resolve({}) });
  return { status: response.status, replayed: response.headers.get("Idempotency-Replayed"), body: await response.json() };
}

/** The files in the upload directory, by name. */
const storedFiles = async () => (await readdir(`${uploadDir}/evidence`).catch(() => [])).sort();

async function download(as: { username: string } | null, id: string) {
  const request = new Request(`${ORIGIN}/api/v1/evidence/${id}`, { headers: await headersFor(as) });
  const response = await downloadRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, type: response.headers.get("content-type"), bytes: new Uint8Array(await response.arrayBuffer()) };
}

const photo = (width: number, height: number, format: "png" | "jpeg" | "webp" = "png") =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 30 } } })
    .withExif({
      IFD0: { Make: "FieldCam", Model: "Secret-Model-9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "29/1 39/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "111/1 22/1 33/1" },
    })
    .toFormat(format)
    .toBuffer();

const counts = async () => ({ photos: await db.evidencePhoto.count(), audit: await db.auditLog.count(), entries: await db.entry.count() });

const recordWith = (evidenceIds: string[], as = clerk) => callApi("POST", "/api/v1/entries", {
  as, body: { idempotencyKey: randomUUID(), householdId: homeId, ruleId, occurredOn: "2026-11-02", description: "拾到手机归还失主", evidenceIds },
});

beforeAll(async () => {
  homeId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
  ruleId = (await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" } }, category: "RED" }, select: { id: true } })).id;
  otherHousehold = await db.account.findFirstOrThrow({ where: { role: "HOUSEHOLD", village: { code: "YP" } }, select: { username: true } });
});

describe("POST /api/v1/evidence", () => {
  it("stores a PNG with EXIF and GPS as a resized JPEG without any metadata", async () => {
    const original = await photo(3000, 2000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const before = await counts();
    const res = await upload(clerk, original);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mimeType: "image/jpeg", width: 1600, height: 1067, url: `/api/v1/evidence/${res.body.id}` });
    expect(await counts()).toEqual({ ...before, photos: before.photos + 1, audit: before.audit + 1 });

    const stored = await download(clerk, res.body.id);
    expect(stored.status).toBe(200);
    expect(stored.type).toBe("image/jpeg");
    const meta = await sharp(stored.bytes).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1600, height: 1067 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(Buffer.from(stored.bytes).includes("Secret-Model-9")).toBe(false);
    expect(createHash("sha256").update(stored.bytes).digest("hex")).toBe(res.body.sha256);
    expect(res.body.bytes).toBe(stored.bytes.byteLength);
  });

  it("accepts WebP and JPEG, and keeps small photos at their size", async () => {
    for (const format of ["webp", "jpeg"] as const) {
      const res = await upload(clerk, await photo(800, 600, format), `photo.${format}`, `image/${format}`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mimeType: "image/jpeg", width: 800, height: 600 });
    }
  });

  it("refuses, storing nothing, a text file named .jpg, a broken image and a file over 10 MB", async () => {
    const before = await counts();
    const text = await upload(clerk, new TextEncoder().encode("这不是照片，只是改了名字的文本文件。"), "photo.jpg", "image/jpeg");
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain("JPEG");
    const broken = await upload(clerk, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(broken.status).toBe(400);
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect((await upload(clerk, huge, "big.jpg", "image/jpeg")).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("stores a photo sent again with the same Idempotency-Key once, answering the same evidence", async () => {
    const bytes = await photo(640, 480);
    const key = "2841957301-1093847562"; // the shape of the uploader's photo keys
    const [before, filesBefore] = [await counts(), await storedFiles()];
    const first = await uploadWithKey(clerk, bytes, "photo.png", "image/png", key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.replayed).toBeNull();
    const files = await storedFiles();
    expect(files).toHaveLength(filesBefore.length + 1);

    // The answer was lost on the way back: the retry gets the same photo, marked as a replay.
    const again = await uploadWithKey(clerk, bytes, "photo.png", "image/png", key);
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await counts()).toEqual({ ...before, photos: before.photos + 1, audit: before.audit + 1 });
    expect(await storedFiles()).toEqual(files);

    // Another photo under that key is refused rather than taken for the first one.
    const other = await uploadWithKey(clerk, await photo(640, 481), "photo.png", "image/png", key);
    expect(other.status).toBe(409);
    expect(await storedFiles()).toEqual(files);
    // Without a key, the same bytes are a new upload.
    expect((await upload(clerk, bytes)).body.id).not.toBe(first.body.id);
  });

  it("takes photos from clerks only", async () => {
    const png = await photo(100, 100);
    expect((await upload(household, png)).status).toBe(403);
    expect((await upload({ username: "rep-xinhua-1" }, png)).status).toBe(403);
    expect((await upload(null, png)).status).toBe(401);
  });
});

describe("evidence of an entry", () => {
  let attached: string[];

  it("attaches at most four of the clerk's own unattached photos; their hashes are in the chain", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(clerk, await photo(200 + i, 200))).body.id);
    const before = await counts();
    const tooMany = await recordWith(ids);
    expect(tooMany.status).toBe(422);
    expect(messages(tooMany.body.error.details)).toHaveProperty("evidenceIds");
    expect(await counts()).toEqual(before);

    attached = ids.slice(0, 4);
    const res = await recordWith(attached);
    expect(res.status).toBe(201);
    expect(res.body.evidence.map((e: { id: string }) => e.id).sort()).toEqual([...attached].sort());
    expect(await recordWith([ids[0]!])).toMatchObject({ status: 422 });

    const [row, entries, events] = await Promise.all([
      db.household.findUniqueOrThrow({ where: { id: homeId }, select: { chainHead: true } }),
      db.entry.findMany({ where: { householdId: homeId }, select: entryChainSelect }),
      db.entryEvent.findMany({ where: { householdId: homeId }, select: eventChainSelect }),
    ]);
    expect(verifyChain(householdLinks(entries, events), row.chainHead)).toBeNull();
    // Swapping a photo's recorded hash is tampering the chain detects.
    const tampered = entries.map((e) => (e.id === res.body.id ? { ...e, evidence: [{ sha256: "0".repeat(64) }, ...e.evidence.slice(1)] } : e));
    expect(verifyChain(householdLinks(tampered, events), row.chainHead)).toMatchObject({ recordId: res.body.id, problem: "HASH_MISMATCH" });
  });

  it("never attaches another clerk's photo", async () => {
    const theirs = (await upload(otherClerk, await photo(300, 300))).body.id;
    const before = await counts();
    expect((await recordWith([theirs])).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("serves an entry's photos to those who may read the entry, and to nobody else", async () => {
    const id = attached[0]!;
    for (const as of [clerk, household, { username: "rep-xinhua-1" }, { username: "official" }, { username: "admin" }]) {
      expect((await download(as, id)).status, as.username).toBe(200);
    }
    for (const as of [otherClerk, otherHousehold]) expect((await download(as, id)).status, as.username).toBe(404);
    expect((await download(null, id)).status).toBe(401);
    expect((await download(clerk, randomUUID())).status).toBe(404);
  });

  it("serves an unattached photo to its uploader only", async () => {
    const id = (await upload(clerk, await photo(120, 90))).body.id;
    expect((await download(clerk, id)).status).toBe(200);
    for (const as of [otherClerk, household, { username: "official" }]) expect((await download(as, id)).status).toBe(404);
  });
});
