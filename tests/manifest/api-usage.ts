/**
 * Which Office.js members the production code uses, and the requirement set of each: the
 * TypeScript compiler resolves every property access in src/ (not src/workbench, which never
 * runs in Excel) to its declaration, and the `[Api set: ExcelApi 1.4]` note in the JSDoc of
 * @types/office-js (or @types/custom-functions-runtime) gives the set.
 *
 * A use is *guarded* when it sits where a requirement check has passed, by this rule: an
 * enclosing `if` or `?:` whose condition is (or is `&&`-joined with) a call of `supports("1.x")`
 * (src/excel/apply-plan.ts's SupportsFn, ExcelApi) or `isSetSupported("Set", "1.x")`, with a
 * version at least the member's, and the use is in the branch taken when the check is true; or
 * the `else` branch of `if (!check)`. Anything else is unguarded and must be within what the
 * manifest's <Requirements> declares.
 * Used by tests/manifest/api-sets.test.ts and by `npm run docs` (the README's table).
 */
import * as path from "path";
import * as ts from "typescript";

export interface ApiUse {
  /** "Excel.Range.getResizedRange" */
  member: string;
  /** "ExcelApi" */
  set: string;
  /** "1.4" */
  version: string;
  /** "src/excel/insert.ts:312" */
  where: string;
  /** The version a guard checked, or null when the use is unguarded. */
  guardedBy: string | null;
}

const ROOT = path.resolve(__dirname, "../..");
const TYPINGS = /node_modules[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/;
const API_SET = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)*)\]/;

/** Compares "1.10" and "1.9" as versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function productionFiles(): { files: string[]; options: ts.CompilerOptions } {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const src = path.join(ROOT, "src") + path.sep;
  const workbench = path.join(ROOT, "src", "workbench") + path.sep;
  const files = parsed.fileNames.map((f) => path.resolve(f)).filter((f) => f.startsWith(src) && !f.startsWith(workbench));
  return { files, options: { ...parsed.options, noEmit: true } };
}

function apiSetOf(decl: ts.Declaration): { set: string; version: string } | null {
  if (!TYPINGS.test(decl.getSourceFile().fileName)) return null;
  for (const tag of ts.getJSDocTags(decl)) {
    const text = typeof tag.comment === "string" ? tag.comment : (tag.comment ?? []).map((c) => c.text).join("");
    const m = API_SET.exec(text);
    if (m) return { set: m[1], version: m[2] };
  }
  for (const doc of (decl as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
    const text = typeof doc.comment === "string" ? doc.comment : (doc.comment ?? []).map((c) => c.text).join("");
    const m = API_SET.exec(text);
    if (m) return { set: m[1], version: m[2] };
  }
  return null;
}

/** The set and version a condition checks when true: supports("1.8") or isSetSupported("ExcelApi", "1.8"). */
function checkIn(expr: ts.Expression): { set: string; version: string } | null {
  if (ts.isParenthesizedExpression(expr)) return checkIn(expr.expression);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return checkIn(expr.left) ?? checkIn(expr.right);
  if (!ts.isCallExpression(expr)) return null;
  const callee = ts.isPropertyAccessExpression(expr.expression) ? expr.expression.name.text : ts.isIdentifier(expr.expression) ? expr.expression.text : "";
  const strings = expr.arguments.filter(ts.isStringLiteral).map((a) => a.text);
  if (callee === "supports" && strings.length === 1) return { set: "ExcelApi", version: strings[0] };
  if (callee === "isSetSupported" && strings.length === 2) return { set: strings[0], version: strings[1] };
  return null;
}

function negated(expr: ts.Expression): ts.Expression | null {
  if (ts.isParenthesizedExpression(expr)) return negated(expr.expression);
  return ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken ? expr.operand : null;
}

/** The checks that hold at `node` (see the module comment). */
function guardsAt(node: ts.Node): { set: string; version: string }[] {
  const out: { set: string; version: string }[] = [];
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let condition: ts.Expression | null = null;
    let whenTrue = false;
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      condition = parent.expression;
      whenTrue = child === parent.thenStatement;
    } else if (ts.isConditionalExpression(parent) && child !== parent.condition) {
      condition = parent.condition;
      whenTrue = child === parent.whenTrue;
    }
    if (!condition) continue;
    const inner = negated(condition);
    const check = whenTrue ? checkIn(condition) : inner ? checkIn(inner) : null;
    if (check) out.push(check);
  }
  return out;
}

/** Every use of an Office.js member with a requirement set in the production sources. */
export function collectApiUses(): ApiUse[] {
  const { files, options } = productionFiles();
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        let decl: ts.Declaration | undefined;
        if (ts.isCallExpression(node.parent) && node.parent.expression === node) decl = checker.getResolvedSignature(node.parent)?.declaration;
        let symbol = checker.getSymbolAtLocation(node.name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        decl ??= symbol?.declarations?.[0];
        const api = decl ? apiSetOf(decl) : null;
        if (api && symbol) {
          const line = sf.getLineAndCharacterOfPosition(node.name.getStart(sf)).line + 1;
          const guard = guardsAt(node).find((g) => g.set === api.set && compareVersions(g.version, api.version) >= 0);
          uses.push({
            member: checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, ""),
            set: api.set,
            version: api.version,
            where: `${path.relative(ROOT, sf.fileName).split(path.sep).join("/")}:${line}`,
            guardedBy: guard ? guard.version : null,
          });
        }
      }
      if (ts.isElementAccessExpression(node)) {
        // CustomFunctions.ErrorCode[code]: any member of the enum may be used; take the highest set.
        const symbol = checker.getSymbolAtLocation(node.expression);
        const decl = symbol?.declarations?.[0];
        if (symbol && decl && ts.isEnumDeclaration(decl)) {
          const sets = decl.members.map(apiSetOf).filter((a): a is { set: string; version: string } => a !== null);
          const api = sets.sort((a, b) => compareVersions(b.version, a.version))[0];
          if (api) {
            const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
            const guard = guardsAt(node).find((g) => g.set === api.set && compareVersions(g.version, api.version) >= 0);
            uses.push({
              member: `${checker.getFullyQualifiedName(symbol)}[…]`,
              set: api.set,
              version: api.version,
              where: `${path.relative(ROOT, sf.fileName).split(path.sep).join("/")}:${line}`,
              guardedBy: guard ? guard.version : null,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

export const API_TABLE_START = "<!-- api-sets:start (generated by `npm run docs` from the typings; tests/manifest/api-sets.test.ts keeps it true) -->";
export const API_TABLE_END = "<!-- api-sets:end -->";

/** One row per member: its set, whether it is used only after a check, and the files using it. */
export function renderApiTable(uses: readonly ApiUse[]): string {
  const byMember = new Map<string, ApiUse[]>();
  for (const u of uses) byMember.set(u.member, [...(byMember.get(u.member) ?? []), u]);
  const rows = [...byMember.entries()].sort(
    ([a, ua], [b, ub]) => ua[0].set.localeCompare(ub[0].set) || compareVersions(ub[0].version, ua[0].version) || a.localeCompare(b)
  );
  const lines = ["| member | requirement set | used | where |", "| --- | --- | --- | --- |"];
  for (const [member, list] of rows) {
    const guarded = list.every((u) => u.guardedBy !== null)
      ? `only after \`supports("${list[0].guardedBy}")\``
      : list.some((u) => u.guardedBy !== null)
        ? "partly guarded"
        : "always";
    // Files, not lines: the table should change when the use of Office.js does, not when code moves.
    const where = [...new Set(list.map((u) => u.where.split(":")[0].replace(/^src\//, "")))].sort().join(", ");
    lines.push(`| \`${member}\` | ${list[0].set} ${list[0].version} | ${guarded} | ${where} |`);
  }
  return [API_TABLE_START, ...lines, API_TABLE_END].join("\n");
}

/** Replaces the README's block between the markers. */
export function spliceApiTable(readme: string, table: string): string {
  const start = readme.indexOf(API_TABLE_START);
  const end = readme.indexOf(API_TABLE_END);
  if (start < 0 || end < start) throw new Error("README.md has no api-sets markers");
  return readme.slice(0, start) + table + readme.slice(end + API_TABLE_END.length);
}
