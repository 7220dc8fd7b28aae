import { fieldLocation } from '../cells.ts';
import { cmp, exactInt, parseDecimal, printed } from '../performance-scores.ts';
import type { Rule } from '../types.ts';

/** Longer names of the same grades. */
const SYNONYMS: Readonly<Record<string, string>> = { 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };

export const rule: Rule = {
  id: 'perf-grade',
  title: '绩效自评表：评价等级与总分相符（优 ≥ 90，良 80–90，中 60–80，差 < 60）',
  severity: 'error',
  category: 'performance',
  messages: {
    grade: '项目「{project}」总分 {total}，按 {profile} 口径（{grades}）应评为“{expected}”，实际为“{stated}”',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）：总分一般为 100 分，90（含）以上为优、80（含）–90 为良、60（含）–80 为中、60 以下为差；地区口径可改称（上海：优、良、合格、不合格）',
  description: '按地区口径的等级划分，由自评表的总分得出应有的评价等级，与填报的等级比较。',
  check(ctx) {
    const d = ctx.d;
    const projects = d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    const grades = ctx.settings.grades;
    projects.forEach((p, i) => {
      const total = parseDecimal(p.totalScore);
      if (!total || p.grade === undefined || p.grade.trim() === '') {
        ctx.insufficient(`项目「${p.name}」缺少${!total ? '总分' : '评价等级'}`);
        return;
      }
      const expected =
        grades.find(([, minScore]) => cmp(total, exactInt(minScore)) >= 0)?.[0] ??
        grades[grades.length - 1]?.[0];
      if (expected === undefined) {
        ctx.insufficient('地区口径未规定评价等级');
        return;
      }
      ctx.ran();
      const stated = p.grade.trim();
      if ((SYNONYMS[stated] ?? stated) === expected) return;
      const line = p.source?.line;
      ctx.report({
        messageId: 'grade',
        data: {
          project: p.name,
          total: printed(p.totalScore),
          profile: ctx.settings.id,
          grades: grades.map(([g, m]) => `${g} ≥ ${m}`).join('，'),
          expected,
          stated,
        },
        location: [
          fieldLocation(d, `performance.projects[${i}].grade`, `项目「${p.name}」评价等级`, stated, line),
          fieldLocation(
            d,
            `performance.projects[${i}].totalScore`,
            `项目「${p.name}」总分`,
            printed(p.totalScore),
            line,
          ),
        ],
        expected,
        actual: stated,
      });
    });
  },
};
