import { TABLE_IDS } from '../../model/tables.ts';
import { fieldLocation } from '../cells.ts';
import { isPlaceholderReason, reasonLocation, type ReasonKind } from '../reason-checks.ts';
import type { Location, Rule, RuleContext } from '../types.ts';

const KINDS: readonly ReasonKind[] = ['prior', 'budget'];
const KIND_PHRASE: Readonly<Record<ReasonKind, string>> = { prior: '与上年相比', budget: '与年初预算相比' };

function flag(ctx: RuleContext, text: string, location: Location): void {
  ctx.report({
    messageId: 'placeholder',
    data: { where: location.label, text },
    location: [{ ...location, value: text }],
    expected: '实际原因',
    actual: text === '' ? '（空白）' : text,
  });
}

export const rule: Rule = {
  id: 'reason-placeholder',
  title: '主要原因不得是占位文字（XX、××、……、待补充、空白）',
  severity: 'error',
  category: 'reasons',
  messages: { placeholder: '{where}「{text}」是未填写的占位文字，应写明实际原因' },
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、完整；部门决算公开说明模板中的“（原因）”“XX”须替换为实际内容',
  description:
    '检查所有表格行、机关运行经费和绩效指标偏差原因中写明的原因文字，不得是“XX”“××”“……”“待补充”“（原因）”等模板占位文字或空白。',
  check(ctx) {
    const d = ctx.d;
    for (const id of TABLE_IDS) {
      for (const row of d.tables[id].rows) {
        const r = row.reasons;
        if (!r) continue;
        for (const k of KINDS) {
          const text = r[k];
          if (text === undefined) continue;
          ctx.ran();
          if (isPlaceholderReason(text)) {
            flag(ctx, text, reasonLocation(id, row, k));
          }
        }
      }
    }
    const a = d.adminCost;
    if (a?.reasons) {
      for (const k of KINDS) {
        const text = a.reasons[k];
        if (text === undefined) continue;
        ctx.ran();
        if (isPlaceholderReason(text)) {
          flag(
            ctx,
            text,
            fieldLocation(
              d,
              `adminCost.reasons.${k}`,
              `机关运行经费 主要原因（${KIND_PHRASE[k]}）`,
              undefined,
              a.source?.line,
            ),
          );
        }
      }
    }
    d.performance?.projects.forEach((p, i) => {
      p.indicators.forEach((ind, j) => {
        const text = ind.deviationReason;
        if (text === undefined) return;
        ctx.ran();
        if (isPlaceholderReason(text)) {
          const what = `项目「${p.name}」指标「${ind.name}」偏差原因分析`;
          flag(
            ctx,
            text,
            fieldLocation(
              d,
              `performance.projects[${i}].indicators[${j}].deviationReason`,
              what,
              undefined,
              ind.source?.line,
            ),
          );
        }
      });
    });
    ctx.notApplicable('未填写任何主要原因文字');
  },
};
