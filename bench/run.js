#!/usr/bin/env node
/*
 * Entry of `npm run bench` (see bench/README.md). Plain Node: the require hook lets it load the
 * project's TypeScript, so the bench measures the same sources the bundle is built from.
 */

require("../scripts/ts-require");

require("./main.ts")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error && error.stack ? error.stack : error);
    process.exit(2);
  });
