// `npm run docs`: regenerates the README's function reference from the JSDoc (the same
// metadata generator the build uses), the specs and src/functions/docs.ts, and its table of
// Office.js members and requirement sets (tests/manifest/api-usage.ts).
require("./ts-require");
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { renderFunctionReference, spliceReference } = require("../src/functions/reference.ts");

(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(__dirname, "../src/functions/functions.ts")], true);
  if (result.errors.length) throw new Error(result.errors.join("\n"));
  const readmePath = path.join(__dirname, "../README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const withFunctions = spliceReference(readme, renderFunctionReference(JSON.parse(result.metadataJson)));
  // The Office.js members the code uses and their requirement sets (tests/manifest/api-sets.test.ts).
  const { collectApiUses, renderApiTable, spliceApiTable } = require("../tests/manifest/api-usage.ts");
  fs.writeFileSync(readmePath, spliceApiTable(withFunctions, renderApiTable(collectApiUses())));
  console.log("README.md function reference and requirement-set table updated");
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
