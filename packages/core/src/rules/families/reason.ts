/**
 * The "主要原因" family: one factory for the rules that want a stated reason for a change against last year
 * (与上年相比) or a difference against the budget (与年初预算相比), most in prior/budget pairs over the same
 * figures (DOMAIN.md §5, §6). The region/year profile says which of them apply. Each rule id keeps its own small
 * file with its meta; the check and the message templates are shared (reason-checks.ts).
 */
import type { TableId } from '../../model/tables.ts';
import type { RuleSettings } from '../../profiles/rule-settings.ts';
import { fieldLocation } from '../cells.ts';
import {
  applyReason,
  checkRowReason,
  checkThreePublicReasons,
  REASON_MESSAGES,
  type ReasonKind,
} from '../reason-checks.ts';
import type { Rule, RuleContext, RuleMeta } from '../types.ts';

/** Which figures need a reason. */
export type ReasonSubjects =
  /** Fixed rows of a table, one column. */
  | { kind: 'rows'; table: TableId; rows: readonly string[]; column: string }
  /** Every 项 of 表五 (合计 column). */
  | { kind: 't5-items' }
  /** The "三公" rows of 表七 (checkThreePublicReasons). */
  | { kind: 'three-public' }
  /** 机关运行经费 against its 上年数. */
  | { kind: 'admin-cost' };

/** Against last year or the budget, and the profile's setting that requires it. */
export type ReasonRequirement =
  | { compare: 'prior'; setting: keyof RuleSettings['reasonsPrior'] }
  | { compare: 'budget'; setting: keyof RuleSettings['reasonsBudget'] };

export interface ReasonRuleSpec {
  requirement: ReasonRequirement;
  subjects: ReasonSubjects;
  /** What the profile does not require when the setting is off, e.g. 说明收支总计与上年相比变动的原因. */
  notRequired: string;
}

function required(ctx: RuleContext, r: ReasonRequirement): boolean {
  return r.compare === 'prior' ? ctx.settings.reasonsPrior[r.setting] : ctx.settings.reasonsBudget[r.setting];
}

function checkT5Items(ctx: RuleContext, kind: ReasonKind): void {
  let items = 0;
  for (const row of ctx.d.tables.t5.rows) {
    if (row.level !== '项') continue;
    items++;
    checkRowReason(ctx, 't5', row.key, 'total', kind, { which: kind });
  }
  if (items === 0) ctx.insufficient('表五未列出项级科目');
}

function checkAdminCost(ctx: RuleContext): void {
  const a = ctx.d.adminCost;
  if (!a) {
    ctx.insufficient('缺少机关运行经费（adminCost）');
    return;
  }
  const d = ctx.d;
  const line = a.source?.line;
  applyReason(ctx, {
    kind: 'prior',
    current: a.amount,
    base: a.prior,
    reason: a.reasons?.prior,
    names: () => ({ label: '机关运行经费', currentName: '本年决算数', baseName: '上年决算数' }),
    locations: () => [
      fieldLocation(d, 'adminCost.amount', '机关运行经费（本年决算数）', a.amount, line),
      fieldLocation(d, 'adminCost.prior', '机关运行经费（上年决算数）', a.prior, line),
      fieldLocation(d, 'adminCost.reasons.prior', '机关运行经费 主要原因（与上年相比）', undefined, line),
    ],
  });
}

export function reasonRule(meta: RuleMeta, spec: ReasonRuleSpec): Rule {
  const { requirement, subjects, notRequired } = spec;
  const kind = requirement.compare;
  const check = (ctx: RuleContext): void => {
    if (!required(ctx, requirement)) {
      ctx.notApplicable(`地区口径（${ctx.settings.id}）不要求${notRequired}`);
      return;
    }
    switch (subjects.kind) {
      case 'rows':
        for (const key of subjects.rows)
          checkRowReason(ctx, subjects.table, key, subjects.column, kind, { which: kind });
        return;
      case 't5-items':
        checkT5Items(ctx, kind);
        return;
      case 'three-public':
        checkThreePublicReasons(ctx, kind);
        return;
      case 'admin-cost':
        checkAdminCost(ctx);
        return;
    }
  };
  return { ...meta, messages: REASON_MESSAGES, check };
}
