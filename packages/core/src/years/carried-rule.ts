/**
 * The body shared by the two catalogue rules that compare this year with last year's data
 * (carryover-previous-year, prior-year-figure): they run only when last year's disclosure is given.
 */
import { InputNeed } from '../errors.ts';
import type { RuleContext } from '../rules/types.ts';
import { compareCarriedFigures, type CarriedRuleId } from './carried-figures.ts';

export function checkAgainstPreviousYear(ctx: RuleContext, id: CarriedRuleId, nothing: string): void {
  const prev = ctx.previous;
  if (!prev) {
    ctx.notApplicable('未提供上年数据', InputNeed.PreviousDataFile);
    return;
  }
  if (prev.year !== ctx.d.year - 1) {
    ctx.insufficient(
      `上年数据是 ${prev.year} 年度的，本年是 ${ctx.d.year} 年度，不相邻`,
      InputNeed.PreviousDataFile,
    );
    return;
  }
  const { findings, compared } = compareCarriedFigures(ctx.d, prev);
  if (compared[id] === 0) {
    ctx.insufficient(nothing);
    return;
  }
  for (let i = 0; i < compared[id]; i++) ctx.ran();
  for (const f of findings) {
    if (f.rule !== id) continue;
    ctx.report({
      message: f.message,
      messageId: f.messageId, // set by compareCarriedFigures (CARRIED_MESSAGES), the message filled in there
      location: f.location,
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
      ...(f.difference !== undefined ? { difference: f.difference } : {}),
      // A gap within the rounding of the two printed figures stays a note whatever the rule's severity.
      ...(f.kind === 'rounding' ? { severity: 'info' as const, kind: 'rounding' as const } : {}),
    });
  }
}
