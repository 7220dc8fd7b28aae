/**
 * The a ≤ b family: rules whose every check is that one figure does not exceed another (a 其中数 and its total,
 * a part of the fiscal money and all of it, 决算数 and 预算数), within rounding (DOMAIN.md §5). Each rule id keeps
 * its own small file with its meta and the pairs it compares; the check and its template (at-most-exceeded,
 * shared) are the same for all.
 */
import { checkAtMost, type Operand } from '../arithmetic.ts';
import { checkT5AgainstT3, T5_T3_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule, RuleContext, RuleMeta } from '../types.ts';

/** a ≤ b, and what the relation is (the finding's message names it). */
export interface AtMostPair {
  a: Operand;
  b: Operand;
  what: string;
}

/**
 * A rule checking each pair `pairs` gives. `pairs` returns undefined when the rule cannot run on this unit, after
 * saying why (`ctx.notApplicable` / `ctx.insufficient`); it may count a pair that holds at a glance with
 * `ctx.ran()` and leave it out, sparing the labels of its operands.
 */
export function atMostRule(
  meta: RuleMeta,
  pairs: (ctx: RuleContext) => readonly AtMostPair[] | undefined,
): Rule {
  const check = (ctx: RuleContext): void => {
    const list = pairs(ctx);
    if (list === undefined) return;
    for (const p of list) checkAtMost(ctx, p.a, p.b, { what: p.what });
  };
  return { ...meta, check };
}

/**
 * 表五 ≤ 表三 for one column, row by row (合计 and each code); `reportMissing` also reports a 表五 code with an
 * amount that 表三 does not list (only one of the three rules does, one finding per problem).
 */
export function t5T3AtMostRule(
  meta: RuleMeta,
  column: 'total' | 'basic' | 'project',
  reportMissing: boolean,
): Rule {
  return {
    ...meta,
    messages: T5_T3_MESSAGES,
    check: (ctx) => checkT5AgainstT3(ctx, column, reportMissing),
  };
}
