// "No query can run without a Scope", checked by the TypeScript compiler: every function exported
// by lib/queries — and by lib/api, lib/export, lib/share and lib/archive, which build answers from
// them — that takes the database also takes a Scope (or a Viewer or Data, which carry one), no
// function of dataFor's Data takes the database at all, and nothing under app/ holds the database.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const queriesDir = path.join(root, 'lib/queries');
const dataFile = path.join(root, 'lib/server/data.ts');
/** A known unscoped reader outside lib/queries (public by design): the check must flag it. */
const controlFile = path.join(root, 'lib/auth/demo-users.ts');
/** What route handlers and jobs build their answers with: held to the same rule as lib/queries. */
const builderDirs = ['lib/api', 'lib/export', 'lib/share', 'lib/archive'].map((d) => path.join(root, d));
/**
 * The named exceptions among them, each because it is no one's request: the daily archive opens
 * its own database and reads it as the system viewer of one kab/kota (lib/server/data.ts's
 * systemViewer, via dataOn) — the only work that runs as the system.
 */
const EXCEPTIONS = ['lib/archive/archive-job.ts: writeArchiveDay', 'lib/archive/archive-job.ts: runDueArchives'];

/** The .ts/.tsx files under `dir`, at any depth. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

let program: ts.Program;
let checker: ts.TypeChecker;

beforeAll(() => {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const queryFiles = readdirSync(queriesDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(queriesDir, f));
  program = ts.createProgram([...queryFiles, ...builderDirs.flatMap(sourcesUnder), dataFile, controlFile], { ...parsed.options, noEmit: true, incremental: false });
  checker = program.getTypeChecker();
}, 120_000);

const named = (type: ts.Type, names: readonly string[]) =>
  [type.aliasSymbol?.name, type.getSymbol()?.name].some((n) => n !== undefined && names.includes(n));
const isDb = (type: ts.Type) => named(type, ['Db', 'PgDatabase', 'PgTransaction']);
const isScoped = (type: ts.Type) => named(type, ['Scope', 'Viewer', 'Data']) || (type.isUnion() && type.types.every((t) => named(t, ['Scope'])));

/** `file: name` of every exported function whose signature takes a Db but no Scope, Viewer or Data. */
function unscopedReaders(file: string): string[] {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const out: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, source);
    for (const signature of type.getCallSignatures()) {
      const params = signature.getParameters().map((p) => checker.getTypeOfSymbolAtLocation(p, source));
      if (params.some(isDb) && !params.some(isScoped)) out.push(`${path.relative(root, file)}: ${exported.name}`);
    }
  }
  return out;
}

/** Exported functions of lib/queries, for the sanity check that the walk saw them. */
function exportedFunctions(file: string): string[] {
  const source = program.getSourceFile(file)!;
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((e) => (e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e).flags & ts.SymbolFlags.Function)
    .map((e) => e.name);
}

describe('data access is bound to a Scope', () => {
  it('flags a function that takes the database without a Scope (the check itself works)', () => {
    expect(unscopedReaders(controlFile)).toContain('lib/auth/demo-users.ts: listDemoLogins');
  });

  it('no function exported by lib/queries takes the database without a Scope or Viewer', () => {
    const files = program.getRootFileNames().filter((f) => f.startsWith(queriesDir + path.sep));
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(exportedFunctions)).toEqual(expect.arrayContaining(['getArea', 'listOfficers', 'getOfficerTable', 'loadKotaFacts']));
    expect(files.flatMap(unscopedReaders)).toEqual([]);
  });

  it('no function exported by lib/api, lib/export, lib/share or lib/archive takes the database without a Scope, Viewer or Data, but the named exceptions', () => {
    const files = program.getRootFileNames().filter((f) => builderDirs.some((d) => f.startsWith(d + path.sep)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(exportedFunctions)).toEqual(expect.arrayContaining(['buildAreaExport', 'buildAreaCard', 'getAreaBody', 'cachedBody', 'writeArchiveDay']));
    expect(files.flatMap(unscopedReaders)).toEqual(EXCEPTIONS);
  });

  it("no function of dataFor's Data takes the database", () => {
    const source = program.getSourceFile(dataFile)!;
    const moduleSymbol = checker.getSymbolAtLocation(source)!;
    const data = checker.getExportsOfModule(moduleSymbol).find((e) => e.name === 'Data')!;
    const type = checker.getDeclaredTypeOfSymbol(data);
    const members = checker.getPropertiesOfType(type);
    expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['viewer', 'getCampaign', 'listImports', 'createUser']));
    const leaks = members.filter((m) =>
      checker
        .getTypeOfSymbolAtLocation(m, source)
        .getCallSignatures()
        .some((s) => s.getParameters().some((p) => isDb(checker.getTypeOfSymbolAtLocation(p, source)))),
    );
    expect(leaks.map((m) => m.name)).toEqual([]);
    // A function takes the viewer's username from the viewer, never from the caller.
    const listImports = members.find((m) => m.name === 'listImports')!;
    const [param] = checker.getTypeOfSymbolAtLocation(listImports, source).getCallSignatures()[0].getParameters();
    expect(checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(param, source)).map((p) => p.name)).not.toContain('username');
  });
});

/** Identifiers that would mean code under app/ holds the database itself. */
const DB_NAMES = new Set(['db', 'Db', 'getDb']);
const DB_MODULES = new Set(['@/lib/server/database', '@/lib/db/client']);

/** `file:line name` of every use of the database's names, or import of its modules, in a source file. */
function databaseUses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (node: ts.Node, what: string) => out.push(`${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  // A relative import names the same module as its '@/…' path.
  const isDbModule = (spec: ts.Expression | undefined) =>
    !!spec && ts.isStringLiteral(spec) && DB_MODULES.has(spec.text.startsWith('.') ? `@/${path.relative(root, path.resolve(path.dirname(file), spec.text))}` : spec.text);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && DB_NAMES.has(node.text)) at(node, node.text);
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && isDbModule(node.moduleSpecifier)) at(node, 'import of the database');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && isDbModule(node.arguments[0])) at(node, 'import of the database');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('route handlers and pages never see the database', () => {
  const appFiles = sourcesUnder(path.join(root, 'app'));

  it('the check itself works: it finds the database in code that holds it', () => {
    expect(databaseUses(path.join(root, 'lib/server/sign-in.ts'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lib\/server\/sign-in\.ts:\d+ import of the database$/), expect.stringMatching(/ getDb$/), expect.stringMatching(/ db$/)]),
    );
  });

  it("no file under app/ imports the database, calls getDb or takes `db` (the API context has only `data`)", () => {
    expect(appFiles.length).toBeGreaterThan(40);
    expect(appFiles.some((f) => f.endsWith(path.join('api', 'v1', 'areas', '[code]', 'route.ts')))).toBe(true);
    expect(appFiles.flatMap(databaseUses)).toEqual([]);
  });
});
