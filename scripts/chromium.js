// Headless Chromium as every browser-driving script here launches it (e2e, the benchmark's cold
// start, the icon renderer): Debian's package, never a downloaded browser, with the flags that
// keep it off the network (this machine reaches only package registries).
const CHROMIUM_PATH = process.env.CHROMIUM || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
module.exports = { CHROMIUM_PATH, CHROMIUM_ARGS };
