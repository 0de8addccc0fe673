/** Paths of the production build that `npm test` makes before running jest. */
import * as fs from "fs";
import * as path from "path";

export const DIST = path.resolve(__dirname, "../../dist");

export function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does it)`);
  return file;
}

export function readDist(name: string): string {
  return fs.readFileSync(distFile(name), "utf8");
}
