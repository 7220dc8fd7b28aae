/**
 * The rule catalogue: every rule of rules/catalog/, one per file — the data rules that validate runs (ALL_RULES) and
 * the rules that read a published document, which only audit runs (DOCUMENT_RULES).
 */
import type { DocumentRule } from '../audit/document-rule.ts';
import { ALL_RULES, DOCUMENT_RULES } from './catalog/all.generated.ts';
import type { Rule, RuleCategory, RuleMeta } from './types.ts';

export { ALL_RULES, DOCUMENT_RULES };

/** Every rule of the catalogue, data and document alike (for `juesuan rules`, docs/rules.md, config files). */
export const CATALOGUE: readonly RuleMeta[] = [...ALL_RULES, ...DOCUMENT_RULES];

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));
const metaById = new Map<string, RuleMeta>(CATALOGUE.map((r) => [r.id, r]));

/** A data rule by id. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Any rule of the catalogue by id, data or document. */
export function ruleMetaById(id: string): RuleMeta | undefined {
  return metaById.get(id);
}

export function documentRuleById(id: string): DocumentRule | undefined {
  return DOCUMENT_RULES.find((r) => r.id === id);
}

const CATEGORY_ORDER: readonly RuleCategory[] = [
  'profile',
  'amounts',
  't1',
  't2',
  't3',
  't4',
  't5',
  't6',
  't7',
  't8',
  't9',
  'carryover',
  'codes',
  'reasons',
  'statements',
  'other-matters',
  'performance',
  'narrative',
  'document',
];

/** Rules in catalogue order: by category, then id. */
export function rulesInOrder<T extends RuleMeta>(rules: readonly T[]): T[];
export function rulesInOrder(): RuleMeta[];
export function rulesInOrder(rules: readonly RuleMeta[] = CATALOGUE): RuleMeta[] {
  return [...rules].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.id.localeCompare(b.id),
  );
}
