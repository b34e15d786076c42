// "No query can run without a Scope", checked by the TypeScript compiler: every function exported
// by lib/queries that takes the database also takes a Scope (or a Viewer, which carries one), and
// no function of dataFor's Data takes the database at all.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const queriesDir = path.join(root, 'lib/queries');
const dataFile = path.join(root, 'lib/server/data.ts');
/** A known unscoped reader outside lib/queries (public by design): the check must flag it. */
const controlFile = path.join(root, 'lib/auth/demo-users.ts');

let program: ts.Program;
let checker: ts.TypeChecker;

beforeAll(() => {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const queryFiles = readdirSync(queriesDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(queriesDir, f));
  program = ts.createProgram([...queryFiles, dataFile, controlFile], { ...parsed.options, noEmit: true, incremental: false });
  checker = program.getTypeChecker();
}, 120_000);

const named = (type: ts.Type, names: readonly string[]) =>
  [type.aliasSymbol?.name, type.getSymbol()?.name].some((n) => n !== undefined && names.includes(n));
const isDb = (type: ts.Type) => named(type, ['Db', 'PgDatabase', 'PgTransaction']);
const isScoped = (type: ts.Type) => named(type, ['Scope', 'Viewer']) || (type.isUnion() && type.types.every((t) => named(t, ['Scope'])));

/** `file: name` of every exported function whose signature takes a Db but no Scope or Viewer. */
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
