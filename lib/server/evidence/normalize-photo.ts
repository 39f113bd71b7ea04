import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/server/errors";

export const PHOTO_MAX_SIDE = 1600;
// A decompression bomb (a small file that decodes to gigapixels) is refused before decoding.
const MAX_INPUT_PIXELS = 60_000_000;

export type NormalizedPhoto = { bytes: Uint8Array; mimeType: "image/jpeg"; width: number; height: number };

/**
 * Re-encodes a photo as a JPEG of at most 1600 px a side. Re-encoding drops every piece of
 * metadata (EXIF, GPS position, camera serial numbers); the EXIF orientation is applied first so
 * the picture still stands upright.
 */
export async function normalizePhoto(input: Uint8Array): Promise<NormalizedPhoto> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), mimeType: "image/jpeg", width: info.width, height: info.height };
  } catch {
    throw new AppError("INVALID_INPUT", "errors.photoUnreadable");
  }
}
