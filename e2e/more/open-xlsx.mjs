// Open .xlsx within its caps (issue 21, item 4) in Chromium: the browser's DecompressionStream,
// ExcelJS's browser build and the status line. Runs on a page of its own, so the shared page's
// workbook, which later scenarios use, is never replaced.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { assert, cellText, nameBox, waitFor } from "../scenarios.mjs";

/** A zip of deflated entries ({ name: text }), as tests/xlsx/crafted.ts writes them. */
function zipOf(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [fileName, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const body = zlib.deflateRawSync(data);
    const name = Buffer.from(fileName, "utf8");
    const head = (size, sig) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(30, 0x04034b50);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = head(46, 0x02014b50);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A one-sheet workbook ("Sheet1") whose <worksheet> holds `body`. */
function workbook(body) {
  return zipOf({
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`,
  });
}

async function openXlsxCaps({ context, server }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aica-e2e-open-"));
  const write = (name, bytes) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const noWorkbook = write("no-workbook.xlsx", zipOf({ "hello.txt": "hi" }));
  const farCell = write("far-cell.xlsx", workbook('<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
  const wholeSheet = write(
    "whole-sheet.xlsx",
    workbook(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:XFD1048576">A1:A2*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>5</v></c><c r="B2"><v>10</v></c></row></sheetData>' +
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Low,High"</formula1></dataValidation></dataValidations>'
    )
  );

  const page = await context.newPage();
  try {
    await page.goto(`${server.url}workbench.html`);
    await page.waitForSelector("body[data-epoch]", { timeout: 30_000 });
    await nameBox(page, "C3");
    await page.getByRole("textbox", { name: "Formula bar", exact: true }).fill("kept");
    await page.getByRole("textbox", { name: "Formula bar", exact: true }).press("Enter");
    const fingerprint = () => page.evaluate(() => JSON.stringify([window.workbench.sheets(), window.workbench.hf.getAllSheetsSerialized()]));
    const before = await fingerprint();
    const input = page.getByLabel("Open .xlsx file", { exact: true });
    const status = (pattern, what) =>
      waitFor(async () => {
        const t = (await page.locator("#wb-message").count()) > 0 ? ((await page.locator("#wb-message").textContent()) ?? "") : "";
        return pattern.test(t) ? t : null;
      }, what);

    await input.setInputFiles(noWorkbook);
    await status(
      /^Open \.xlsx failed \(no-workbook\.xlsx\): the file is not an Excel workbook: its zip has no xl\/workbook\.xml$/,
      "the zip without a workbook is refused"
    );
    assert((await fingerprint()) === before, "the workbook changed after a refused file (no xl/workbook.xml)");
    await input.setInputFiles(farCell);
    await status(/^Open \.xlsx failed \(far-cell\.xlsx\): Sheet1: its used range A1:XFD1048576 spans 17,179,869,184 cells/, "the far cell is refused");
    assert((await fingerprint()) === before, "the workbook changed after a refused file (XFD1048576)");
    assert((await cellText(page, "C3")) === "kept", "C3 no longer shows the typed text");

    await input.setInputFiles(wholeSheet);
    const opened = await status(/^Opened whole-sheet\.xlsx/, "the whole-sheet drop-down and array formula open");
    assert(
      opened === "Opened whole-sheet.xlsx; Sheet1!B1: array formula over B1:XFD1048576 kept over B1:B2, the cells the sheet has.",
      `the status line says: ${opened}`
    );
    await waitFor(async () => (await cellText(page, "B2")) === "10", "B2 shows the array formula's 10");
    const far = await page.evaluate(() => window.workbench.validationAt(window.workbench.activeSheet, 1_048_575, 16_383)?.list.join(","));
    assert(far === "Low,High", `the drop-down at XFD1048576 lists ${far}`);
    return `refused: no xl/workbook.xml, a cell at XFD1048576 (workbook unchanged); opened: a whole-sheet drop-down and an array formula clipped to B1:B2`;
  } finally {
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const SCENARIOS = [
  {
    id: "open-limits",
    slug: "open-xlsx-limits",
    title:
      "Open .xlsx within its caps: a zip without a workbook and a cell at XFD1048576 are refused, the workbook untouched; a whole-sheet drop-down and array formula open",
    timeoutMs: 60_000,
    run: openXlsxCaps,
  },
];
