/**
 * The little of the zip format opening an .xlsx file needs, so that the bytes a file declares and
 * the bytes it inflates to are bounded before ExcelJS sees any of it: the central directory (names,
 * methods, declared sizes, checksums), a bounded inflate of one entry, and a zip of stored
 * (uncompressed) entries to hand the checked parts on.
 *
 * Format: PKWARE's APPNOTE.TXT (sections 4.3.7 local file header, 4.3.12 central directory header,
 * 4.3.16 end of central directory record). ZIP64 is not read: an .xlsx that needs it is far over
 * the caps in open-limits.ts.
 *
 * Inflating uses the platform's DecompressionStream("deflate-raw") (Chromium 103+, Node 18+), so
 * the browser bundle carries no inflater of its own and the output is counted chunk by chunk.
 */

/** One entry of the zip's central directory. */
export interface ZipEntry {
  /** As stored, without a leading "/" (ExcelJS drops it too). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The general-purpose flags (bit 0: encrypted). */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** What the directory declares; checked against what the entry inflates to. */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An OLE compound file: how Excel stores a password-protected .xlsx (and the old .xls). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const utf8 = new TextDecoder("utf-8");

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/**
 * The central directory of a zip, read from its end record.
 * @throws with a message saying what the bytes are instead, when they are not a zip this can read.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.length >= 8 && OLE_SIGNATURE.every((v, i) => bytes[i] === v))
    throw new Error("the file is password-protected or an old .xls (an OLE compound file, not a zip); save it as an unprotected .xlsx");
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error("the file is not an .xlsx workbook (not a zip archive)");
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new Error("the file is a ZIP64 archive (over 4 GB or 65,535 entries), far beyond what opens here");
  if (count > maxEntries) throw new Error(`the zip has ${count.toLocaleString("en-US")} entries; at most ${maxEntries.toLocaleString("en-US")} open`);
  if (dirOffset + dirSize > end) throw new Error("the file is a damaged zip (its directory lies outside the file)");
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL) throw new Error("the file is a damaged zip (a directory entry is missing)");
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) throw new Error("the file is a damaged zip (a name runs past the directory)");
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\//, "");
    entries.push({
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc32: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes (after its local header). */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw new Error(`the file is a damaged zip (no local header for ${entry.name})`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw new Error(`the file is a damaged zip (${entry.name} runs past the end)`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Compressed input fed per write: one write inflates to at most about 1,032 times this (deflate's ratio limit), about 17 MB. */
const INPUT_CHUNK = 16384;

/**
 * Inflates a raw deflate stream, stopping as soon as the output passes `limit` bytes.
 * @returns the bytes, or null when they would pass `limit`.
 */
async function inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < data.length && !stopped; i += INPUT_CHUNK) await writer.write(data.subarray(i, i + INPUT_CHUNK) as Uint8Array<ArrayBuffer>); // the file's bytes are never shared memory
    if (!stopped) await writer.close();
  })();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        stopped = true;
        await reader.cancel();
        await feeding.catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
    await feeding;
  } catch (error) {
    stopped = true;
    await feeding.catch(() => undefined);
    throw error;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * An entry's bytes, inflated, refused when they differ from what the directory declares (in size
 * or checksum). Output is counted while inflating, so an entry that declares little and inflates
 * to much stops at its declared size: bound the declared sizes and the inflated ones are bound.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
  const data = compressedData(bytes, entry);
  let out: Uint8Array | null;
  if (entry.method === 0) out = data.length <= entry.size ? data.slice() : null;
  else if (entry.method === 8) {
    try {
      out = await inflateRaw(data, entry.size);
    } catch {
      throw new Error(`the file is a damaged zip (${entry.name} does not inflate)`);
    }
  } else throw new Error(`${entry.name} uses zip compression method ${entry.method}; only stored (0) and deflate (8) open`);
  if (out === null) throw new Error(`${entry.name} inflates to more than the ${entry.size.toLocaleString("en-US")} bytes its zip entry declares`);
  if (out.length !== entry.size) throw new Error(`the file is a damaged zip (${entry.name} inflates to ${out.length} bytes, not the ${entry.size} declared)`);
  if (crc32(out) !== entry.crc32) throw new Error(`the file is a damaged zip (${entry.name} fails its checksum)`);
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The zip format's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries, in the order given; names as UTF-8. */
export function storedZip(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const named = entries.map((e) => ({ ...e, nameBytes: enc.encode(e.name), crc: crc32(e.data) }));
  const localSize = named.reduce((n, e) => n + 30 + e.nameBytes.length + e.data.length, 0);
  const dirSize = named.reduce((n, e) => n + 46 + e.nameBytes.length, 0);
  if (localSize + dirSize + 22 > 0xffffffff || named.length > 0xfffe) throw new Error("zip: too large for a zip without ZIP64");
  const out = new Uint8Array(localSize + dirSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const e of named) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, 0, true); // stored
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint32(at + 22, e.data.length, true);
    view.setUint16(at + 26, e.nameBytes.length, true);
    out.set(e.nameBytes, at + 30);
    out.set(e.data, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.data.length;
  }
  const dirOffset = at;
  named.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, 0, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.data.length, true);
    view.setUint32(at + 24, e.data.length, true);
    view.setUint16(at + 28, e.nameBytes.length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, named.length, true);
  view.setUint16(at + 10, named.length, true);
  view.setUint32(at + 12, at - dirOffset, true);
  view.setUint32(at + 16, dirOffset, true);
  return out;
}
