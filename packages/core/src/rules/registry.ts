/** The rule catalogue: every rule of rules/catalog/, one per file. */
import { ALL_RULES } from './catalog/all.generated.ts';
import type { Rule, RuleCategory } from './types.ts';

export { ALL_RULES };

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

const CATEGORY_ORDER: readonly RuleCategory[] = [
  'profile',
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
];

/** Rules in catalogue order: by category, then id. */
export function rulesInOrder(rules: readonly Rule[] = ALL_RULES): Rule[] {
  return [...rules].sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.id.localeCompare(b.id),
  );
}
