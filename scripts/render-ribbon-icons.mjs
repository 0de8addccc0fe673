#!/usr/bin/env node
// Renders the ribbon tab's button icons (issue 20) from SVG source to the sizes Office asks for.
//
//   node scripts/render-ribbon-icons.mjs            # writes assets/ribbon/<name>-{16,32,80}.png
//   node scripts/render-ribbon-icons.mjs --preview  # also writes test-artifacts/ribbon-icons-preview.png
//
// Sources: assets/ribbon/<name>.svg, one drawing per button (a 32-unit grid, a grey line and one
// or two accents, as Office's own ribbon icons). Each control's <Icon> in manifest.xml names the
// three PNGs (16, 32 and 80 px, the sizes "Add-in commands" requires); tests/manifest checks them.
// Rendering uses headless Chromium through playwright-core (scripts/chromium.js), re-encoded with
// pngjs (8-bit RGBA, no metadata), so the files only change when a drawing does.

import { createRequire } from "node:module";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "assets", "ribbon");
const { CHROMIUM_PATH, CHROMIUM_ARGS } = createRequire(import.meta.url)("./chromium.js");
export const RIBBON_ICON_SIZES = [16, 32, 80];

const dataUrl = (mime, bytes) => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}img{display:block;width:${size}px;height:${size}px}</style></head><body><img id="icon" alt="" src="${dataUrl("image/svg+xml", svg)}"></body></html>`
  );
  await page.evaluate(async () => {
    const img = document.getElementById("icon");
    if (!(img instanceof HTMLImageElement)) throw new Error("no image element");
    await img.decode();
  });
  const png = PNG.sync.read(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  if (png.width !== size || png.height !== size) throw new Error(`rendered ${png.width}x${png.height}, expected ${size}x${size}`);
  return PNG.sync.write(png, { colorType: 6, inputHasAlpha: true });
}

async function main() {
  const preview = process.argv.includes("--preview");
  const sources = (await readdir(dir)).filter((f) => f.endsWith(".svg")).sort();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rendered = [];
  try {
    const page = await (await browser.newContext({ deviceScaleFactor: 1 })).newPage();
    for (const source of sources) {
      const svg = await readFile(join(dir, source));
      for (const size of RIBBON_ICON_SIZES) {
        const png = await render(page, svg, size);
        const out = join(dir, `${source.replace(/\.svg$/, "")}-${size}.png`);
        await writeFile(out, png);
        rendered.push({ name: source, size, png });
        console.log(`${relative(root, out)}  ${size}x${size}  (${png.length} bytes)`);
      }
    }
    if (preview) {
      const rows = sources
        .map(
          (s) =>
            `<div style="display:flex;gap:16px;align-items:flex-end;margin:8px">${rendered
              .filter((r) => r.name === s)
              .map((r) => `<img src="${dataUrl("image/png", r.png)}" width="${r.size}" height="${r.size}">`)
              .join("")}<span>${s}</span></div>`
        )
        .join("");
      await page.setViewportSize({ width: 480, height: 100 });
      await page.setContent(`<!doctype html><html><body style="font:12px sans-serif;background:#f3f3f3">${rows}</body></html>`);
      await mkdir(join(root, "test-artifacts"), { recursive: true });
      const out = join(root, "test-artifacts", "ribbon-icons-preview.png");
      await writeFile(out, await page.screenshot({ fullPage: true }));
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
