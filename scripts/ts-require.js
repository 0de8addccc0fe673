/*
 * Lets Node `require()` the project's TypeScript (src/*.ts) from build scripts, webpack.config.js
 * and the benchmark, by transpiling on load with the TypeScript compiler we already depend on
 * (type checking is `npm run typecheck`'s job). Avoids a ts-node/tsx dependency for a few files.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    module._compile(outputText, filename);
  };
}
