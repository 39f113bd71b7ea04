import fc from "fast-check";
import Papa from "papaparse";
import { EVIDENCE_MAX_INPUT_BYTES } from "@/lib/schemas/evidence";
import { IMPORT_COLUMN_KEYS, IMPORT_COLUMNS, IMPORT_MAX_BYTES, ImportRowSchema, type ImportColumn } from "@/lib/schemas/household-import";
import { XLSX_TYPE } from "@/lib/schemas/exports";
import { CONTROL_CHARACTERS, IMPOSSIBLE_DATES, hostileText } from "./hostile-values";

// Files a hostile client uploads. None of them is a photo the upload could decode, nor a table
// the household import could take in whole: each must be refused, whatever its name and declared
// type say. (A valid photo with a lying name or type is a valid upload: the content decides.)

export type HostileFile = { label: string; bytes: Uint8Array; name: string; type: string };

const bytesOf = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const garbage = fc.uint8Array({ minLength: 0, maxLength: 4_096 });
const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const ZIP_START = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

const imageLikeContent: fc.Arbitrary<{ label: string; bytes: Uint8Array }> = fc.oneof(
  { weight: 3, arbitrary: garbage.map((bytes) => ({ label: "random bytes", bytes })) },
  { weight: 3, arbitrary: garbage.map((bytes) => ({ label: "PNG signature and garbage", bytes: concat(PNG_SIGNATURE, bytes) })) },
  { weight: 3, arbitrary: garbage.map((bytes) => ({ label: "JPEG start and garbage", bytes: concat(JPEG_START, bytes) })) },
  { weight: 2, arbitrary: garbage.map((bytes) => ({ label: "RIFF/WEBP header and garbage", bytes: concat(bytesOf("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), bytes) })) },
  { weight: 1, arbitrary: garbage.map((bytes) => ({ label: "GIF", bytes: concat(bytesOf("GIF89a"), bytes) })) },
  { weight: 1, arbitrary: fc.constant({ label: "SVG with a script", bytes: bytesOf('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }) },
  { weight: 1, arbitrary: fc.constant({ label: "PDF", bytes: bytesOf("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF") }) },
  { weight: 2, arbitrary: fc.constant({ label: "zero bytes", bytes: new Uint8Array(0) }) },
  { weight: 1, arbitrary: hostileText.map((text) => ({ label: "text", bytes: bytesOf(text) })) },
  // Beyond the limit by one byte: what a client that does not check the size sends.
  { weight: 1, arbitrary: fc.constant({ label: "oversized", bytes: new Uint8Array(EVIDENCE_MAX_INPUT_BYTES + 1) }) },
);

/** A cell that ImportRowSchema refuses, per column (any one makes its row, and so the file, refused). */
const refusedCell: Record<ImportColumn, fc.Arbitrary<string>> = {
  archiveNo: fc.constantFrom(...CONTROL_CHARACTERS.map((c) => `JS-XH${c}00001`)),
  headName: fc.constantFrom("", "张".repeat(31), "张\u0000三", "王\u0007五"),
  group: fc.constantFrom("组".repeat(31), "一\u0000组"),
  address: fc.constantFrom("", "路".repeat(101), "新花村\u001b一组"),
  phone: fc.constantFrom("12345", "1380013800", "'; DROP TABLE x; --", "１３８００１３８０００"),
  registeredOn: fc.constantFrom(...IMPOSSIBLE_DATES.filter((d) => d.trim() !== ""), "1949-12-31", "2999-01-01"),
  status: fc.constantFrom("<script>", "ACTIVE", "迁入", "在册\u0000"),
  memberName: fc.constantFrom("", "李".repeat(31), "李\u0000六"),
  relation: fc.constantFrom("", "HEAD", "'; DROP TABLE \"Member\"; --", "户 主", "老板"),
  gender: fc.constantFrom("M", "男性", "<b>男</b>", "\u0000"),
  birthYear: fc.constantFrom("99999", "0000", "1899", "2999", "19a0", "1970.5", "１９７０", "-1970", "1e3"),
};

const hostileRow = fc.record({
  cells: fc.dictionary(fc.constantFrom(...IMPORT_COLUMN_KEYS), hostileText, { maxKeys: 4 }),
  // Mostly a day or a year, where a bad cell is the likeliest and the hardest to judge.
  refusedColumn: fc.oneof(fc.constantFrom<ImportColumn>("registeredOn", "birthYear"), fc.constantFrom(...IMPORT_COLUMN_KEYS)),
}).chain(({ cells, refusedColumn }) => refusedCell[refusedColumn].map((bad) => {
  const row: Record<ImportColumn, string> = {
    archiveNo: "", headName: "王五", group: "", address: "新花村三组", phone: "", registeredOn: "2020-01-01", status: "在册",
    memberName: "王五", relation: "户主", gender: "男", birthYear: "1970", ...cells,
  };
  row[refusedColumn] = bad;
  return row;
})).filter((row) => refusedRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.trim()]))));

/** Whether the import's row schema refuses a row (as the import reads it, each cell trimmed); one it cannot judge counts as refused. */
function refusedRow(cells: Record<string, string>): boolean {
  try {
    return !ImportRowSchema.safeParse(cells).success;
  } catch {
    return true;
  }
}

const csvOf = (rows: Record<ImportColumn, string>[]) =>
  Papa.unparse([IMPORT_COLUMN_KEYS.map((key) => IMPORT_COLUMNS[key]), ...rows.map((row) => IMPORT_COLUMN_KEYS.map((key) => row[key]))]);

const tableLikeContent: fc.Arbitrary<{ label: string; bytes: Uint8Array }> = fc.oneof(
  { weight: 4, arbitrary: fc.array(hostileRow, { minLength: 1, maxLength: 5 }).map((rows) => ({ label: "CSV whose rows are refused", bytes: bytesOf(csvOf(rows)) })) },
  { weight: 1, arbitrary: fc.constant({ label: "CSV header only", bytes: bytesOf(csvOf([])) }) },
  { weight: 2, arbitrary: hostileText.map((text) => ({ label: "text without the columns", bytes: bytesOf(text) })) },
  { weight: 2, arbitrary: garbage.map((bytes) => ({ label: "random bytes", bytes })) },
  { weight: 2, arbitrary: garbage.map((bytes) => ({ label: "ZIP start and garbage (a fake .xlsx)", bytes: concat(ZIP_START, bytes) })) },
  { weight: 1, arbitrary: fc.constant({ label: "zero bytes", bytes: new Uint8Array(0) }) },
  { weight: 1, arbitrary: fc.constant({ label: "oversized", bytes: new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41) }) },
);

const fileName = fc.oneof(
  fc.constantFrom("photo.jpg", "scan.png", "households.csv", "households.xlsx", "a.exe", ".htaccess", "../../etc/passwd", "photo.jpg\u0000.php",
    "照片.jpg", "\u202egpj.exe", "x".repeat(1_000), "", "con", "a\"b.jpg", "a\r\nContent-Type: text/html\r\n.jpg"),
  hostileText,
);
const declaredType = fc.constantFrom("image/jpeg", "image/png", "image/webp", "image/gif", "image/svg+xml", "text/plain", "text/csv",
  "application/octet-stream", "application/pdf", XLSX_TYPE, "");

export const hostileImage: fc.Arbitrary<HostileFile> = fc.record({ content: imageLikeContent, name: fileName, type: declaredType })
  .map(({ content, name, type }) => ({ label: content.label, bytes: content.bytes, name, type }));

export const hostileTable: fc.Arbitrary<HostileFile> = fc.record({ content: tableLikeContent, name: fileName, type: declaredType })
  .map(({ content, name, type }) => ({ label: content.label, bytes: content.bytes, name, type }));
