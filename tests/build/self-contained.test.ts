/**
 * The repository is whole on its own (issue 19): nothing under src/, scripts/, tests/, bench/ or
 * e2e/ resolves a path outside the project root, and the upstream snapshot the Epoch datasets are
 * built from is committed, unmodified, under data/upstream/epoch/.
 *
 * How: every file is parsed with the TypeScript compiler; each relative import or require must
 * land inside the root, and each path expression that can be evaluated statically (path.join /
 * path.resolve / join / resolve of string literals, __dirname, import.meta.url through
 * fileURLToPath and dirname, `new URL(literal, import.meta.url)`, and constants built from these,
 * in the same file or imported from another) must too. CI runs the suite from a clone alone in an
 * empty folder (.ci/run), which catches what a static check cannot see.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { EPOCH_HARDWARE_CSV, EPOCH_MODELS_CSV, UPSTREAM_EPOCH_DIR } from "../../scripts/upstream";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["src", "scripts", "tests", "bench", "e2e"];
const CODE = /\.(ts|tsx|js|mjs|cjs)$/;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : filesUnder(full);
    return CODE.test(e.name) ? [full] : [];
  });
}

/** A value the evaluator knows: a filesystem path or a plain string; undefined when not static. */
type Known = { path: string } | { text: string } | undefined;

const PATH_FNS = new Set(["join", "resolve"]);

/**
 * Static path evaluation of one file. `importedConst` looks up a constant exported by another
 * project module (e.g. bench/lib/optional's ROOT), so `path.join(ROOT, "../x")` is evaluated
 * wherever ROOT comes from.
 */
class PathEvaluator {
  private readonly consts = new Map<string, ts.Expression>();
  private readonly imports = new Map<string, { file: string; name: string }>();
  private readonly cache = new Map<string, Known>();
  readonly escapes: string[] = [];

  constructor(
    readonly file: string,
    readonly sf: ts.SourceFile,
    private readonly importedConst: (file: string, name: string) => Known
  ) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) this.consts.set(node.name.text, node.initializer);
      if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
        // const { A: B } = require("./upstream.ts") — remember B as A of that module.
        const init = node.initializer;
        if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" && ts.isStringLiteral(init.arguments[0])) {
          const target = this.resolveModule(init.arguments[0].text);
          if (target) {
            for (const el of node.name.elements) {
              if (!ts.isIdentifier(el.name)) continue;
              const exported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
              this.imports.set(el.name.text, { file: target, name: exported });
            }
          }
        }
      }
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        const target = this.resolveModule(node.moduleSpecifier.text);
        if (target) {
          for (const el of node.importClause.namedBindings.elements) {
            this.imports.set(el.name.text, { file: target, name: (el.propertyName ?? el.name).text });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  /** A relative module specifier to the project file it names, or null (packages, missing files). */
  resolveModule(spec: string): string | null {
    if (!spec.startsWith(".")) return null;
    const base = path.resolve(path.dirname(this.file), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, path.join(base, "index.ts")]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return null;
  }

  constValue(name: string): Known {
    if (this.cache.has(name)) return this.cache.get(name);
    this.cache.set(name, undefined); // cycles evaluate to unknown
    const init = this.consts.get(name);
    let v: Known;
    if (init) v = this.evaluate(init);
    else {
      const imp = this.imports.get(name);
      v = imp ? this.importedConst(imp.file, imp.name) : undefined;
    }
    this.cache.set(name, v);
    return v;
  }

  evaluate(e: ts.Expression): Known {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return this.evaluate(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { text: e.text };
    if (ts.isIdentifier(e)) {
      if (e.text === "__dirname") return { path: path.dirname(this.file) };
      if (e.text === "__filename") return { path: this.file };
      return this.constValue(e.text);
    }
    // import.meta.url / import.meta.dirname
    if (ts.isPropertyAccessExpression(e) && ts.isMetaProperty(e.expression)) {
      if (e.name.text === "url") return { path: this.file };
      if (e.name.text === "dirname") return { path: path.dirname(this.file) };
      if (e.name.text === "filename") return { path: this.file };
    }
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "URL" && e.arguments?.length === 2) {
      const [rel, base] = e.arguments.map((a) => this.evaluate(a));
      if (!(rel && "text" in rel && base && "path" in base) || /^[a-z]+:/i.test(rel.text)) return undefined;
      const out = path.resolve(path.dirname(base.path), rel.text);
      this.check(out, e);
      return { path: out };
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      const fn = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      const args = e.arguments.map((a) => this.evaluate(a));
      if (fn === "fileURLToPath" && args[0] && "path" in args[0]) return args[0];
      if (fn === "dirname" && args[0] && "path" in args[0]) return { path: path.dirname(args[0].path) };
      if (PATH_FNS.has(fn) && args.length > 0 && args.every((a) => a !== undefined) && args[0] && "path" in args[0]) {
        const parts = args.map((a) => (a && "path" in a ? a.path : (a as { text: string }).text));
        const out = fn === "join" ? path.join(...parts) : path.resolve(...parts);
        this.check(out, e);
        return { path: out };
      }
      return undefined;
    }
    return undefined;
  }

  check(p: string, at: ts.Node): void {
    const rel = path.relative(ROOT, p);
    if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      const { line } = this.sf.getLineAndCharacterOfPosition(at.getStart(this.sf));
      this.escapes.push(`${path.relative(ROOT, this.file)}:${line + 1}: ${at.getText(this.sf).slice(0, 120)} → ${p}`);
    }
  }

  /** Every path the file builds or imports that lands outside the root. */
  scan(): string[] {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) this.evaluate(node);
      const spec =
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
          ? node.moduleSpecifier.text
          : ts.isCallExpression(node) &&
              (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
              node.arguments[0] &&
              ts.isStringLiteralLike(node.arguments[0])
            ? node.arguments[0].text
            : null;
      if (spec && spec.startsWith(".")) this.check(path.resolve(path.dirname(this.file), spec), node);
      // A path of the reference folder written out in any string is a dependency on it too.
      if (ts.isStringLiteralLike(node) && /(^|\/)shared\/(data|seed|reference|hooks)\b/.test(node.text)) {
        const { line } = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
        this.escapes.push(`${path.relative(ROOT, this.file)}:${line + 1}: names the workplace's shared folder: ${node.text.slice(0, 120)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
    return this.escapes;
  }
}

function makeProject() {
  const evaluators = new Map<string, PathEvaluator>();
  const load = (file: string, text = fs.readFileSync(file, "utf8")): PathEvaluator => {
    let ev = evaluators.get(file);
    if (!ev) {
      const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      ev = new PathEvaluator(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind), (f, name) => load(f).constValue(name));
      evaluators.set(file, ev);
    }
    return ev;
  };
  return load;
}

describe("the repository is whole on its own", () => {
  test("the evaluator sees a path built outside the root, through constants, imports and URLs (it can fail)", () => {
    const load = makeProject();
    const file = path.join(ROOT, "tests", "build", "__probe__.ts");
    // The probe's reference-folder path is split so that this file itself names no such path.
    const shared = "../shar" + "ed/data/epoch/x.csv";
    const ev = load(
      file,
      [
        'import * as path from "path";',
        'import { join } from "node:path";',
        'import { fileURLToPath } from "node:url";',
        'const ROOT = path.resolve(__dirname, "../..");',
        'const HERE = path.dirname(fileURLToPath(import.meta.url));',
        `const a = join(ROOT, "${shared}");`,
        'const b = path.resolve(HERE, "..", "..", "..", "elsewhere");',
        'const c = new URL("../../../x.json", import.meta.url);',
        'const ok = join(ROOT, "data/upstream/epoch/ml-hardware.csv");',
        'import x from "../../../outside";',
        'import { ROOT as BENCH_ROOT } from "../../bench/lib/optional";',
        'const d = path.join(BENCH_ROOT, "..", "beside-the-clone");',
      ].join("\n")
    );
    const found = ev.scan();
    expect(found.some((f) => f.includes(shared))).toBe(true);
    expect(found.some((f) => f.includes("elsewhere"))).toBe(true);
    expect(found.some((f) => f.includes("x.json"))).toBe(true);
    expect(found.some((f) => f.includes("../../../outside"))).toBe(true);
    expect(found.some((f) => f.includes("beside-the-clone"))).toBe(true);
    expect(found.some((f) => f.includes("data/upstream"))).toBe(false);
  });

  test("no file under src, scripts, tests, bench or e2e resolves a path outside the project root", () => {
    const load = makeProject();
    const files = SCANNED.flatMap((d) => filesUnder(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(200);
    const escapes = files.flatMap((f) => load(f).scan());
    expect(escapes).toEqual([]);
  });

  test("the upstream snapshot is committed under data/upstream/epoch, unmodified (its README's SHA-256)", () => {
    expect(path.relative(ROOT, UPSTREAM_EPOCH_DIR)).toBe(path.join("data", "upstream", "epoch"));
    const readme = fs.readFileSync(path.join(UPSTREAM_EPOCH_DIR, "README.md"), "utf8");
    for (const file of [EPOCH_MODELS_CSV, EPOCH_HARDWARE_CSV]) {
      const sha = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
      expect(readme).toContain(`\`${path.basename(file)}\``);
      expect(readme).toContain(sha);
    }
    expect(readme).toMatch(/CC BY 4\.0/);
    expect(readme).toMatch(/2025-06-20/);
  });

  test("no test is skipped for a missing file: no test.skip / describe.skip guarded by existsSync", () => {
    const offenders = filesUnder(path.join(ROOT, "tests"))
      .filter((f) => f !== __filename)
      .filter((f) => /existsSync\([^)]*\)\s*\?\s*(test|it|describe)\b[^:]*:\s*(test|it|describe)\.skip/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
