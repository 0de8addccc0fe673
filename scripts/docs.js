// `npm run docs`: regenerates the README's function reference from the JSDoc (the same
// metadata generator the build uses), the specs and src/functions/docs.ts.
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
  fs.writeFileSync(readmePath, spliceReference(readme, renderFunctionReference(JSON.parse(result.metadataJson))));
  console.log("README.md function reference updated");
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
