/**
 * src/xlsx/zip.ts: the zip directory, bounded inflating and the stored zip the reader hands to
 * ExcelJS, against zips written by Node's zlib (tests/xlsx/crafted.ts) and by ExcelJS (JSZip).
 */
import ExcelJS from "exceljs";
import zlib from "zlib";
import { crc32, readZipDirectory, readZipEntry, storedZip } from "../../src/xlsx/zip";
import { zipOf } from "./crafted";

const text = (b: Uint8Array): string => Buffer.from(b).toString("utf8");

test("crc32 is the zip format's CRC-32 (as zlib computes it)", () => {
  for (const s of ["", "a", "hello", "表格 ".repeat(1000)]) expect(crc32(Buffer.from(s))).toBe(zlib.crc32(Buffer.from(s)));
});

test("reads back every entry of a zip written by zlib, deflated and stored, names in UTF-8", async () => {
  const bytes = zipOf([
    { name: "a.xml", data: "<a/>".repeat(500) },
    { name: "dir/模型.txt", data: "stored text", stored: true },
    { name: "empty", data: "" },
  ]);
  const entries = readZipDirectory(bytes, 10);
  expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
    ["a.xml", 8, 2000],
    ["dir/模型.txt", 0, 11],
    ["empty", 8, 0],
  ]);
  expect(text(await readZipEntry(bytes, entries[0]))).toBe("<a/>".repeat(500));
  expect(text(await readZipEntry(bytes, entries[1]))).toBe("stored text");
  expect(text(await readZipEntry(bytes, entries[2]))).toBe("");
});

test("storedZip is read back by ExcelJS (JSZip) and by readZipDirectory", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("B2").value = 42;
  const original = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const entries = [];
  for (const e of readZipDirectory(original, 100)) if (!e.name.endsWith("/")) entries.push({ name: e.name, data: await readZipEntry(original, e) });
  const stored = storedZip(entries);
  expect(readZipDirectory(stored, 100).map((e) => [e.name, e.method])).toEqual(entries.map((e) => [e.name, 0]));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(stored) as unknown as ExcelJS.Buffer);
  expect(back.getWorksheet("S")?.getCell("B2").value).toBe(42);
});

test("an entry that inflates past its declared size stops there and is refused", async () => {
  // 5 MB of spaces deflate to about 5 KB; the directory claims 1,000 bytes.
  const bytes = zipOf([{ name: "big.xml", data: " ".repeat(5_000_000), declaredSize: 1000 }]);
  expect(bytes.length).toBeLessThan(10_000);
  const [entry] = readZipDirectory(bytes, 10);
  await expect(readZipEntry(bytes, entry)).rejects.toThrow("big.xml inflates to more than the 1,000 bytes its zip entry declares");
});

test("an entry shorter than declared, or with a wrong checksum, is refused as damaged", async () => {
  const short = zipOf([{ name: "s.xml", data: "abc", declaredSize: 10 }]);
  await expect(readZipEntry(short, readZipDirectory(short, 10)[0])).rejects.toThrow(
    "the file is a damaged zip (s.xml inflates to 3 bytes, not the 10 declared)"
  );
  const bad = zipOf([{ name: "c.xml", data: "abc", stored: true }]);
  expect(bad[30 + "c.xml".length]).toBe(0x61);
  bad[30 + "c.xml".length] = 0x62; // the stored data after the local header: "abc" → "bbc"
  await expect(readZipEntry(bad, readZipDirectory(bad, 10)[0])).rejects.toThrow("the file is a damaged zip (c.xml fails its checksum)");
});

test("what is not a zip gets a message saying what it is", () => {
  expect(() => readZipDirectory(new TextEncoder().encode("not a zip"), 10)).toThrow("the file is not an .xlsx workbook (not a zip archive)");
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  expect(() => readZipDirectory(ole, 10)).toThrow("the file is password-protected or an old .xls");
  const many = zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: "" })));
  expect(() => readZipDirectory(many, 4)).toThrow("the zip has 5 entries; at most 4 open");
});
