// office-addin-lint uses this file when present. It extends the Office add-in rules with what a
// TypeScript project needs: TypeScript knows the browser and Node globals, so no-undef is off
// (typescript-eslint's advice), and the type-aware lint is `npm run typecheck`.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "dist-*/**", "node_modules/**", "coverage/**", "test-artifacts/**", "src/data/generated/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    rules: {
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // ExcelJS's workbook objects are plain in-memory objects, not Office.js proxies: nothing to load or sync.
    files: ["src/xlsx/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
