/** The catalogue itself: one rule per file with a test and a doc, unique ids, generated files current. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleIndex, ruleFiles, RULES_DIR, INDEX_FILE } from '../../../scripts/gen-rule-index.ts';
import { renderDataFormatMd, renderRulesMd, renderSchemaJson } from '../../../scripts/gen-docs.ts';
import { ALL_RULES, CATALOGUE, DOCUMENT_RULES } from '../src/rules/registry.ts';
import { AppliesTo, ruleAppliesTo, RuleCategory } from '../src/rules/types.ts';

const docsDir = join(import.meta.dirname, '../../../docs');

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
