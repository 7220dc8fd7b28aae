/** Consecutive years: 上年 figures from last year's data, and the carried figures checked. */
export {
  applyPreviousYear,
  checkCarriedFigures,
  compareCarriedFigures,
  type CarriedRuleId,
  previousFromPublication,
  type ApplyPreviousOptions,
  type ContinuityOptions,
  type PreviousDifference,
  type PreviousYear,
} from './previous-year.ts';
