// Draws the app's icon — a white house (the household) holding a red star (a civilized family)
// on the header's red — and writes every file a browser or phone asks for. Run it after changing
// the drawing and commit the output: `npx tsx scripts/generate-icons.ts`.
//
//   app/icon.svg             tab icon of current browsers (Next metadata file)
//   app/favicon.ico          /favicon.ico for everything else (16, 32 and 48 px PNGs in an ICO)
//   app/apple-icon.png       iOS home screen, 180 px, opaque (iOS rounds the corners itself)
//   public/icons/*.png       the web app manifest's 192 and 512 px icons, and a maskable one
//                            whose drawing stays inside the central safe circle (40 % radius)

import { writeFile } from "node:fs/promises";
import sharp from "sharp";

const RED = "#991b1b"; // Tailwind red-800, the header and the manifest's theme colour
const STAR_RED = "#b91c1c";

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`;
  });
  return `<polygon points="${points.join(" ")}" fill="${STAR_RED}"/>`;
}

/** The drawing on a 512 grid; `scale` shrinks it around the centre, `rounded` gives the tile corners. */
function icon({ scale = 1, rounded = true }: { scale?: number; rounded?: boolean } = {}): string {
  const house = `<path d="M256 92 L448 252 H400 V420 H112 V252 H64 Z" fill="#fff" stroke="#fff" stroke-width="20" stroke-linejoin="round"/>`;
  const drawing = `${house}${star(256, 322, 74)}`;
  const placed = scale === 1 ? drawing : `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">${drawing}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512"${rounded ? ' rx="112"' : ""} fill="${RED}"/>${placed}</svg>\n`;
}

const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: 300 }).resize(size, size).png().toBuffer();

// An ICO holding PNG images (supported everywhere since Windows Vista): a 6-byte header, one
// 16-byte directory entry per image, then the images.
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  const tile = icon();
  const fullBleed = icon({ rounded: false, scale: 0.86 });
  const maskable = icon({ rounded: false, scale: 0.72 });
  await writeFile("app/icon.svg", tile);
  const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(tile, size) })));
  await writeFile("app/favicon.ico", ico(favicon));
  await writeFile("app/apple-icon.png", await png(fullBleed, 180));
  await writeFile("public/icons/icon-192.png", await png(tile, 192));
  await writeFile("public/icons/icon-512.png", await png(tile, 512));
  await writeFile("public/icons/icon-maskable-512.png", await png(maskable, 512));
}

await main();
