/**
 * Crafted .xlsx files for the open-limits tests: the few parts ExcelJS needs (workbook, its
 * relationships, worksheets), written by hand so a test can give a sheet any XML, including
 * shapes ExcelJS refuses to write, and zipped here with Node's zlib so a test can also make an
 * entry lie about its size. Each file is a few KB.
 */
import zlib from "zlib";
import { readZipDirectory, readZipEntry } from "../../src/xlsx/zip";

export interface CraftedEntry {
  name: string;
  data: string | Uint8Array;
  /** The uncompressed size the zip declares (default: the true one). */
  declaredSize?: number;
  /** Store instead of deflating. */
  stored?: boolean;
}

/** A zip of the entries (deflated unless `stored`), with the sizes they declare. */
export function zipOf(entries: readonly CraftedEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const body = e.stored ? data : zlib.deflateRawSync(data, { level: 9 });
    const name = Buffer.from(e.name, "utf8");
    const crc = zlib.crc32(data);
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A worksheet part: `body` is what goes inside <worksheet> (sheetData first). */
export const sheetXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`;

export interface CraftedSheet {
  name: string;
  /** What goes inside <worksheet>. */
  body: string;
}

/** The parts of a minimal workbook with these sheets (sheetN.xml, sheetId N), and `definedNames` inside <workbook>. */
export function workbookEntries(sheets: readonly CraftedSheet[], definedNames = ""): CraftedEntry[] {
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return [
    {
      name: "[Content_Types].xml",
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets>${definedNames}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s.body) })),
  ];
}

/** A minimal .xlsx file with these sheets. */
export const craftedXlsx = (sheets: readonly CraftedSheet[], definedNames = ""): Uint8Array => zipOf(workbookEntries(sheets, definedNames));

/** `<c>` for a number at an A1 address. */
export const numberCell = (address: string, value: number): string => `<c r="${address}"><v>${value}</v></c>`;

/**
 * An .xlsx file (e.g. ExcelJS's) with some parts' text changed: `edit` gets each part's name and
 * text and returns the new text. Unzipped with src/xlsx/zip.ts (tested in zip.test.ts), zipped again here.
 * Every part passes through as UTF-8 text: for files without images (ExcelJS writes none unless asked).
 */
export async function editXlsx(bytes: Uint8Array, edit: (name: string, text: string) => string): Promise<Uint8Array> {
  const entries: CraftedEntry[] = [];
  for (const e of readZipDirectory(bytes, 1000)) {
    if (e.name.endsWith("/")) continue;
    entries.push({ name: e.name, data: edit(e.name, Buffer.from(await readZipEntry(bytes, e)).toString("utf8")) });
  }
  return zipOf(entries);
}
