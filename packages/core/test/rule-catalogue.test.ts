/** The catalogue itself: one rule per file with a test and a doc, unique ids, generated files current. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderRuleIndex, ruleFiles, RULES_DIR, INDEX_FILE } from '../../../scripts/gen-rule-index.ts';
import { renderDataFormatMd, renderRulesMd, renderSchemaJson } from '../../../scripts/gen-docs.ts';
import { ALL_RULES, CATALOGUE, DOCUMENT_RULES } from '../src/rules/registry.ts';
import { AppliesTo, ruleAppliesTo, RuleCategory } from '../src/rules/types.ts';

const docsDir = join(import.meta.dirname, '../../../docs');
const srcDir = join(import.meta.dirname, '../src');

/** `report({ … })` calls whose argument is an object literal without a `messageId`, as `file:line`. */
function reportsWithoutTemplate(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'report'
    ) {
      const arg = n.arguments[0];
      const named = (p: ts.ObjectLiteralElementLike) =>
        (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
        ts.isIdentifier(p.name) &&
        p.name.text === 'messageId';
      if (arg && ts.isObjectLiteralExpression(arg) && !arg.properties.some(named))
        out.push(
          `${file.slice(srcDir.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`,
        );
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

describe('rule catalogue', () => {
  it('has at least 80 rules', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(80);
  });
  it('the generated index lists exactly the rule files (run npm run gen:rules)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(renderRuleIndex());
  });
  it('every rule: id = file name, unique, with title, basis, description, category and a test beside it', () => {
    const files = ruleFiles();
    expect(CATALOGUE.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    const categories = new Set<string>(Object.values(RuleCategory));
    for (const r of CATALOGUE) {
      expect(r.id, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.title.length, `${r.id} title`).toBeGreaterThan(4);
      expect(r.basis.length, `${r.id} basis`).toBeGreaterThan(4);
      expect(r.description.length, `${r.id} description`).toBeGreaterThan(8);
      expect(categories.has(r.category), `${r.id} category`).toBe(true);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(Object.values(AppliesTo), `${r.id} appliesTo`).toContain(ruleAppliesTo(r));
      expect(existsSync(join(RULES_DIR, `${r.id}.test.ts`)), `${r.id} has no test`).toBe(true);
    }
  });
  it('the audit checks are catalogue rules that say they read the document', () => {
    expect(DOCUMENT_RULES.length).toBeGreaterThanOrEqual(17);
    for (const r of DOCUMENT_RULES) expect(['document', 'both'], r.id).toContain(ruleAppliesTo(r));
    for (const r of ALL_RULES) expect(ruleAppliesTo(r), r.id).toBe('data');
  });
  it('every rule has RuleTester cases beside it (run through the helper in rule-cases.test.ts)', () => {
    for (const r of CATALOGUE)
      expect(existsSync(join(RULES_DIR, `${r.id}.cases.ts`)), `${r.id} has no cases`).toBe(true);
  });
  it('every rule reports through a message template with an id (its meta `messages`, or a shared check’s)', () => {
    const dirs = ['rules', 'rules/catalog', 'rules/families', 'years'].map((d) => join(srcDir, d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.ts') && !/\.(test|cases)\.ts$/.test(f))
        .map((f) => join(d, f)),
    );
    expect(files.length).toBeGreaterThan(120);
    expect(files.flatMap(reportsWithoutTemplate)).toEqual([]);
    // Template ids are kebab-case, like rule ids.
    for (const r of ALL_RULES)
      for (const [id, t] of Object.entries(r.messages ?? {})) {
        expect(id, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(t.length, `${r.id} ${id}`).toBeGreaterThan(4);
      }
  });
  it('docs/rules.md documents every rule and is current (run npm run docs)', () => {
    const md = readFileSync(join(docsDir, 'rules.md'), 'utf8');
    expect(md).toBe(renderRulesMd());
    for (const r of CATALOGUE) expect(md).toContain(`\`${r.id}\``);
  });
  it('docs/disclosure.schema.json and docs/data-format.md are current (run npm run docs)', () => {
    expect(readFileSync(join(docsDir, 'disclosure.schema.json'), 'utf8')).toBe(renderSchemaJson());
    expect(readFileSync(join(docsDir, 'data-format.md'), 'utf8')).toBe(renderDataFormatMd());
  });
});
