/** Findings as Chinese text for people, grouped by table or topic, most severe first. */
import { ALL_RULES } from '../rules/registry.ts';
import {
  CATEGORY_LABEL,
  SEVERITY_LABEL,
  type Finding,
  type Location,
  type RuleCategory,
  type RuleOutcome,
} from '../rules/types.ts';

const ORDER: readonly RuleCategory[] = [
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
];
const SEV_RANK = { error: 0, warning: 1, info: 2 } as const;

export interface TextReportOptions {
  /** Title line, e.g. the file and unit. */
  title?: string;
  /** List rules that could not run (default true). */
  showNotRun?: boolean;
}

/** 第 12 行 (data file), or 第 3 页第 12 行 (document). */
export function whereIn(l: Location): string {
  if (l.page === undefined) return `第 ${l.line} 行`;
  return `第 ${l.page} 页${l.line !== undefined ? `第 ${l.line} 行` : ''}`;
}

export function formatFindingsText(outcome: RuleOutcome, options: TextReportOptions = {}): string {
  const out: string[] = [];
  if (options.title) out.push(options.title, '');
  const groups = new Map<RuleCategory, Finding[]>();
  for (const f of outcome.findings) {
    const g = groups.get(f.category) ?? [];
    g.push(f);
    groups.set(f.category, g);
  }
  for (const cat of ORDER) {
    const fs = groups.get(cat);
    if (!fs) continue;
    out.push(`■ ${CATEGORY_LABEL[cat]}`);
    fs.sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity]);
    for (const f of fs) {
      out.push(`  [${SEVERITY_LABEL[f.severity]}] ${f.message}  〔${f.rule}〕`);
      const lines = f.location
        .filter((l) => l.line !== undefined || l.page !== undefined)
        .map((l) => `${l.label.replace(/\s+/g, '')}：${whereIn(l)}`);
      if (lines.length > 0)
        out.push(`      位置：${lines.slice(0, 6).join('；')}${lines.length > 6 ? ' …' : ''}`);
    }
    out.push('');
  }
  if (options.showNotRun !== false && outcome.notRun.length > 0) {
    const titles = new Map(ALL_RULES.map((r) => [r.id, r.title]));
    const insufficient = outcome.notRun.filter((n) => n.reason === 'insufficient-data');
    if (insufficient.length > 0) {
      out.push(`■ 数据不足、未能检查的规则（${insufficient.length} 条；不算通过）`);
      for (const n of insufficient)
        out.push(`  - ${titles.get(n.rule) ?? n.rule}：${n.detail}  〔${n.rule}〕`);
      out.push('');
    }
  }
  const s = outcome.summary;
  out.push(
    `共运行 ${s.rules} 条规则：错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个；数据不足未检查 ${outcome.notRun.filter((n) => n.reason === 'insufficient-data').length} 条，不适用 ${outcome.notRun.filter((n) => n.reason === 'not-applicable').length} 条。`,
  );
  out.push(s.error === 0 ? '结论：未发现错误。' : '结论：有错误，请按上列位置更正后重新校验。');
  return out.join('\n');
}
