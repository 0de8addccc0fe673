#!/usr/bin/env node
// Renders the add-in icons from SVG source to the PNG sizes Office asks for.
//
//   node scripts/render-icons.mjs            # writes assets/icon-{16,32,64,80,128}.png
//   node scripts/render-icons.mjs --preview  # also writes test-artifacts/icon-preview.png
//
// Sources: assets/icon-16.svg (a simplified, pixel-aligned drawing for the 16 px ribbon icon)
// and assets/icon.svg (everything larger). Rendering uses headless Chromium through
// playwright-core; set CHROMIUM_PATH to use a browser other than Debian's /usr/bin/chromium.
// Output is re-encoded with pngjs (8-bit RGBA, no metadata), so the files only change when a
// drawing does.

import { createRequire } from "node:module";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const assets = join(root, "assets");

/** Each PNG and the SVG drawn for it. */
const { CHROMIUM_PATH, CHROMIUM_ARGS } = createRequire(import.meta.url)("./chromium.js");

const TARGETS = [
  { size: 16, source: "icon-16.svg" },
  { size: 32, source: "icon.svg" },
  { size: 64, source: "icon.svg" },
  { size: 80, source: "icon.svg" },
  { size: 128, source: "icon.svg" },
];


function dataUrl(mime, bytes) {
  return `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
}

/** Renders one image (by URL) into a size x size transparent PNG buffer. */
async function renderImage(page, url, size, pixelated = false) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><head><style>
       html,body{margin:0;padding:0;background:transparent;overflow:hidden}
       img{display:block;width:${size}px;height:${size}px;${pixelated ? "image-rendering:pixelated;" : ""}}
     </style></head><body><img id="icon" alt="" src="${url}"></body></html>`,
  );
  await page.evaluate(async () => {
    const img = document.getElementById("icon");
    if (!(img instanceof HTMLImageElement)) throw new Error("no image element");
    await img.decode();
  });
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** Normalises a PNG (RGBA, no ancillary chunks) and checks its size. */
function normalise(buffer, size, name) {
  const png = PNG.sync.read(buffer);
  if (png.width !== size || png.height !== size) {
    throw new Error(`${name}: rendered ${png.width}x${png.height}, expected ${size}x${size}`);
  }
  return PNG.sync.write(png, { colorType: 6, inputHasAlpha: true });
}

/** A contact sheet: every icon at 1x on a light and a dark ribbon colour, plus 8x zooms. */
async function renderPreview(page, pngs) {
  const cell = (bg, fg) => {
    const items = pngs
      .map(({ size, png }) => `<figure><img src="${dataUrl("image/png", png)}" width="${size}" height="${size}"><figcaption>${size}</figcaption></figure>`)
      .join("");
    const zoom = pngs
      .filter(({ size }) => size <= 32)
      .map(({ size, png }) => `<img class="zoom" src="${dataUrl("image/png", png)}" width="${size * 8}" height="${size * 8}">`)
      .join("");
    return `<section style="background:${bg};color:${fg}"><div class="row">${items}</div><div class="row">${zoom}</div></section>`;
  };
  const html = `<!doctype html><html><head><style>
    body{margin:0;font:12px sans-serif;display:flex}
    section{padding:16px;width:560px}
    .row{display:flex;align-items:flex-end;gap:16px;margin-bottom:16px}
    figure{margin:0;text-align:center}
    .zoom{image-rendering:pixelated;outline:1px dashed rgba(128,128,128,.5)}
  </style></head><body>${cell("#f3f3f3", "#333")}${cell("#292929", "#ddd")}</body></html>`;
  await page.setViewportSize({ width: 1120, height: 460 });
  await page.setContent(html);
  await page.evaluate(async () => {
    await Promise.all(Array.from(document.images, (img) => img.decode()));
  });
  return page.screenshot({ fullPage: true });
}

async function main() {
  const preview = process.argv.includes("--preview");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 128, height: 128 } });
    const page = await context.newPage();
    const rendered = [];
    for (const { size, source } of TARGETS) {
      const svg = await readFile(join(assets, source));
      const raw = await renderImage(page, dataUrl("image/svg+xml", svg), size);
      const png = normalise(raw, size, source);
      const out = join(assets, `icon-${size}.png`);
      await writeFile(out, png);
      rendered.push({ size, png });
      console.log(`${relative(root, out)}  ${size}x${size}  from ${source}  (${png.length} bytes)`);
    }
    if (preview) {
      const dir = join(root, "test-artifacts");
      await mkdir(dir, { recursive: true });
      const out = join(dir, "icon-preview.png");
      await writeFile(out, await renderPreview(page, rendered));
      console.log(`${relative(root, out)}  preview`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
