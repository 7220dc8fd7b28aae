/**
 * The public surface of `@juesuan/core` is small and written out: its entry files export named items only (no
 * `export *`, no `export type *`), and every item the main entry exports is used by the CLI, the web application,
 * the benchmarks or the scripts (or is kept on purpose, listed below). Test helpers live in `@juesuan/core/testing`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(import.meta.dirname, '../src');
const ENTRIES = { '@juesuan/core': 'index.ts', '@juesuan/core/audit': 'audit-entry.ts' } as const;
/** Exported though nothing outside core imports it yet: the model's serialiser (issue 7, for saving edits). */
const KEPT = new Set(['saveDisclosure', 'SaveFormat', 'SaveOptions']);

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The names an entry file exports, and its `export *` statements. */
function entryExports(file: string): { names: string[]; star: string[] } {
  const names: string[] = [];
  const star: string[] = [];
  for (const s of parse(file).statements) {
    if (!ts.isExportDeclaration(s)) continue;
    if (!s.exportClause || ts.isNamespaceExport(s.exportClause)) star.push(s.getText());
    else for (const e of s.exportClause.elements) names.push(e.name.text);
  }
  return { names, star };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(p);
    return /\.(ts|tsx|mts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

/** Names imported from `specifier` (static imports, re-exports and `const { a } = await import(…)`). */
function importedNames(specifier: string): Set<string> {
  const out = new Set<string>();
  const dirs = ['packages/cli', 'packages/web', 'bench', 'scripts'].map((d) => join(ROOT, d));
  for (const file of dirs.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(specifier)) continue;
    const visit = (n: ts.Node): void => {
      const from = (m: ts.Expression | undefined) => m && ts.isStringLiteral(m) && m.text === specifier;
      if (ts.isImportDeclaration(n) && from(n.moduleSpecifier)) {
        const b = n.importClause?.namedBindings;
        if (b && ts.isNamedImports(b)) for (const e of b.elements) out.add((e.propertyName ?? e.name).text);
      } else if (ts.isExportDeclaration(n) && from(n.moduleSpecifier) && n.exportClause) {
        if (ts.isNamedExports(n.exportClause))
          for (const e of n.exportClause.elements) out.add((e.propertyName ?? e.name).text);
      } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        if (from(n.arguments[0])) {
          // `const { a, b } = await import('…')` or `(await import('…')).a`
          let p: ts.Node = n.parent;
          if (ts.isAwaitExpression(p)) p = p.parent;
          if (ts.isParenthesizedExpression(p) && ts.isPropertyAccessExpression(p.parent))
            out.add(p.parent.name.text);
          if (ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name))
            for (const e of p.name.elements) out.add(((e.propertyName ?? e.name) as ts.Identifier).text);
        }
      }
      n.forEachChild(visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  return out;
}

describe('public surface of @juesuan/core', () => {
  for (const [specifier, file] of Object.entries(ENTRIES)) {
    it(`${specifier} (${file}) exports named items only: no export *`, () => {
      const { names, star } = entryExports(join(SRC, file));
      expect(star).toEqual([]);
      expect(names.length).toBeGreaterThan(5);
      expect(new Set(names).size).toBe(names.length);
    });

    it(`every item of ${specifier} is used outside core`, () => {
      const used = importedNames(specifier);
      const unused = entryExports(join(SRC, file)).names.filter((n) => !used.has(n) && !KEPT.has(n));
      expect(unused, '没有包外使用者的导出（删去，或移到 @juesuan/core/testing）').toEqual([]);
    });
  }

  it('the scan sees named, dynamic and re-exported imports', () => {
    const used = importedNames('@juesuan/core');
    // main.ts: `const { formatProblem, JuesuanError } = await import('@juesuan/core')`
    for (const n of ['formatProblem', 'JuesuanError', 'loadDisclosure', 'validateDisclosure'])
      expect(used).toContain(n);
  });
});
