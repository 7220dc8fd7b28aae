/**
 * 项目支出绩效自评表, one per evaluated project, in the layout of the form attached to《项目支出绩效评价
 * 管理办法》（财预〔2020〕10号） as the seed prints it: 项目名称, 主管部门 | 实施单位, 项目资金 (年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分) for 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金,
 * 年度总体目标 (预期目标 | 实际完成情况), the indicators with merged 一级/二级 cells, and 总分.
 *
 * 执行率 = 全年执行数 / 全年预算数 from exact 分, two decimals half-up; 执行率得分 = min(分值, 分值 × 执行率);
 * an unscored quantitative indicator is scored by DOMAIN.md §7; 总分 = Σ. Where the data states a
 * score or total, the stated figure is printed (a disagreement is a `validate` error, not a second figure).
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import { formatAmount, type Fen } from '../../money/amount.ts';
import { formatPercent, share } from '../../money/rate.ts';
import type { Disclosure, FundLine, Indicator, ProjectEvaluation } from '../../model/disclosure.ts';
import {
  add,
  cmp,
  executionScore,
  exactInt,
  formatScore,
  indicatorScore,
  parseDecimal,
  quantitative,
  type Exact,
} from '../../rules/performance-scores.ts';
import {
  UNKNOWN_CELL_NOTE,
  UNKNOWN_CELL_TEXT,
  type DocCell,
  type DocColumn,
  type DocRow,
  type DocTable,
} from '../document.ts';
import { ruleSettingsFor } from '../../profiles/rule-settings.ts';
import type { ReportProfile } from '../profile.ts';
import { unknownCell } from './table-layout.ts';

const NCOLS = 9;
const DASH = '—';

function perfLabel(profile: ReportProfile, key: string, fallback: string): string {
  return profile.templates[`performance.table.${key}`] ?? fallback;
}

/** Fund figures print as in the seed: "100.00", "0.00" (zero not blank), unknown marked. */
function fundCell(fen: Fen | undefined, ref: { row: string; column: string }): DocCell {
  if (fen === undefined) return unknownCell(ref);
  return {
    text: formatAmount(fen, { unit: '万元', decimals: 2, thousands: true }),
    fen,
    align: 'right',
    ref,
  };
}

function numberCell(text: string): DocCell {
  const t = text.trim();
  const c: DocCell = { text: t, align: 'center' };
  const n = Number(t.replace(/[%分\s]/g, ''));
  if (t !== '' && Number.isFinite(n)) c.number = n;
  return c;
}

/** A stated decimal as printed ("8.98 分" → "8.98"), or the computed one, or ''. */
function scoreText(stated: string | undefined, computed: Exact | undefined): string {
  const s = parseDecimal(stated);
  if (s !== undefined) return formatScore(s);
  if (stated !== undefined && stated.trim() !== '') return stated.trim();
  return computed === undefined ? '' : formatScore(computed);
}

/** Score of one indicator: stated, else computed for a quantitative indicator, else unknown. */
function indicatorScoreExact(ind: Indicator): Exact | undefined {
  const stated = parseDecimal(ind.score);
  if (stated !== undefined) return stated;
  const q = quantitative(ind);
  const w = parseDecimal(ind.weight);
  return q && w ? indicatorScore(q, w) : undefined;
}

export interface ProjectFigures {
  /** 执行率 as printed ("89.77%"), '' when 全年预算数 is 0 or unknown. */
  rate: string;
  /** 预算执行率得分 as printed (stated, else computed). */
  executionScore: string;
  /** Σ 分值 (预算执行率 + indicators), '' when a weight is not a number. */
  weightTotal: string;
  /** 总分 as printed (stated, else computed when every score is known). */
  total: string;
}

/** Σ of the scores (预算执行率 + indicators), when every one is stated or computable. */
function computedTotal(p: ProjectEvaluation): Exact | undefined {
  const { annualBudget, executed } = p.funds.total;
  const weight = parseDecimal(p.executionWeight);
  let sum =
    parseDecimal(p.executionScore) ??
    (weight !== undefined && annualBudget !== undefined && executed !== undefined
      ? executionScore(weight, executed, annualBudget)
      : undefined);
  for (const ind of p.indicators) {
    const s = indicatorScoreExact(ind);
    sum = sum && s ? add(sum, s) : undefined;
  }
  return sum;
}

/** The computed and stated figures of one project's 自评表. */
export function projectFigures(p: ProjectEvaluation): ProjectFigures {
  const { annualBudget, executed } = p.funds.total;
  const ratio = annualBudget !== undefined && executed !== undefined ? share(executed, annualBudget) : null;
  const rate = ratio === null ? '' : formatPercent(ratio);
  const weight = parseDecimal(p.executionWeight);
  const computedExec =
    weight !== undefined && annualBudget !== undefined && executed !== undefined
      ? executionScore(weight, executed, annualBudget)
      : undefined;
  const execExact = parseDecimal(p.executionScore) ?? computedExec;
  let weightSum: Exact | undefined = weight;
  let scoreSum: Exact | undefined = execExact;
  for (const ind of p.indicators) {
    const w = parseDecimal(ind.weight);
    weightSum = weightSum && w ? add(weightSum, w) : undefined;
    const s = indicatorScoreExact(ind);
    scoreSum = scoreSum && s ? add(scoreSum, s) : undefined;
  }
  return {
    rate,
    executionScore: scoreText(p.executionScore, computedExec),
    weightTotal: weightSum === undefined ? '' : formatScore(weightSum),
    total: scoreText(p.totalScore, scoreSum),
  };
}

/**
 * 评价等级 as printed: the stated grade, else the one the profile's grading gives the 总分 (优 ≥ 90 …), else
 * undefined (neither stated nor computable).
 */
export function projectGrade(p: ProjectEvaluation, profileId: string): string | undefined {
  const stated = p.grade?.trim();
  if (stated) return stated;
  const total = parseDecimal(p.totalScore) ?? computedTotal(p);
  if (total === undefined) return undefined;
  const grades = ruleSettingsFor(profileId).grades;
  return grades.find(([, min]) => cmp(total, exactInt(min)) >= 0)?.[0] ?? grades[grades.length - 1]?.[0];
}

const FUND_LINES = [
  ['total', g('funds.total')],
  ['fiscal', g('funds.fiscal')],
  ['carryover', g('funds.carryover')],
  ['other', g('funds.other')],
] as const;

/** Runs of equal keys: the rowSpan of the first row of each run, 0 for the rows it covers. */
function spans(keys: string[]): number[] {
  const out = keys.map(() => 0);
  for (let i = 0; i < keys.length;) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}

/** A centred cell: the table's labels and short texts. */
const head = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, align: 'center', ...extra });

/** A label of the table, as the profile words it. */
type Labeller = (key: string, text: string) => string;

/** 项目名称, 主管部门 and 实施单位. */
function projectRows(p: ProjectEvaluation, L: Labeller): DocRow[] {
  return [
    { key: 'name', cells: [head(L('name', g('projectName'))), { text: p.name, colSpan: NCOLS - 1 }] },
    {
      key: 'department',
      cells: [
        head(L('department', g('projectDepartment'))),
        { text: p.department ?? '', colSpan: 3 },
        head(L('implementer', g('projectImplementer'))),
        { text: p.implementer ?? '', colSpan: 4 },
      ],
    },
  ];
}

/** 项目资金: a header row and the four fund lines under one merged label. */
function fundRows(p: ProjectEvaluation, f: ProjectFigures, L: Labeller): DocRow[] {
  const rows: DocRow[] = [
    {
      key: 'funds',
      cells: [
        head(L('funds', g('projectFunds')), { rowSpan: 1 + FUND_LINES.length }),
        head('', { colSpan: 2 }),
        head(L('initialBudget', g('initialBudget'))),
        head(L('annualBudget', g('annualBudget'))),
        head(L('executed', g('executed'))),
        head(L('weight', g('weight'))),
        head(L('rate', g('executionRate'))),
        head(L('score', g('score'))),
      ],
    },
  ];
  for (const [key, text] of FUND_LINES) {
    const line: FundLine | undefined = p.funds[key];
    const ref = (column: string) => ({ row: `funds.${key}`, column });
    const cells: DocCell[] = [
      { text: L(`fund.${key}`, text), colSpan: 2, align: 'left' },
      fundCell(line?.initialBudget, ref('initialBudget')),
      fundCell(line?.annualBudget, ref('annualBudget')),
      fundCell(line?.executed, ref('executed')),
    ];
    if (key === 'total')
      cells.push(numberCell(p.executionWeight), numberCell(f.rate), numberCell(f.executionScore));
    else cells.push(head(DASH), head(DASH), head(DASH));
    rows.push({ key: `funds.${key}`, cells });
  }
  return rows;
}

/** 年度总体目标: 预期目标 | 实际完成情况. */
function goalRows(p: ProjectEvaluation, L: Labeller): DocRow[] {
  const goals = p.goals && p.goals.length > 0 ? p.goals : [{ expected: '', actual: '' }];
  const rows: DocRow[] = [
    {
      key: 'goals',
      cells: [
        head(L('goals', g('goals')), { rowSpan: 1 + goals.length }),
        head(L('expected', g('goalExpected')), { colSpan: 4 }),
        head(L('actual', g('goalActual')), { colSpan: 4 }),
      ],
    },
  ];
  goals.forEach((g, i) =>
    rows.push({
      key: `goals.${i + 1}`,
      cells: [
        { text: g.expected, colSpan: 4, align: 'left' },
        { text: g.actual, colSpan: 4, align: 'left' },
      ],
    }),
  );
  return rows;
}

/** 绩效指标: merged 一级 and 二级 cells over runs of equal values. */
function indicatorRows(p: ProjectEvaluation, L: Labeller): DocRow[] {
  const inds = p.indicators;
  const l1Spans = spans(inds.map((x) => x.level1));
  const l2Spans = spans(inds.map((x) => `${x.level1}\u0000${x.level2}`));
  const rows: DocRow[] = [
    {
      key: 'indicators',
      // The indicator header heads the rows below it: repeated where they continue on a new page.
      groupHeader: true,
      cells: [
        head(L('indicators', g('indicators')), { rowSpan: 1 + Math.max(1, inds.length) }),
        head(L('level1', g('indicatorLevel1'))),
        head(L('level2', g('indicatorLevel2'))),
        head(L('level3', g('indicatorLevel3'))),
        head(L('target', g('indicatorTarget'))),
        head(L('actualValue', g('indicatorActual'))),
        head(L('weight', g('weight'))),
        head(L('score', g('score'))),
        head(L('deviation', g('deviationReason'))),
      ],
    },
  ];
  if (inds.length === 0)
    rows.push({ key: 'indicator.none', cells: Array.from({ length: NCOLS - 1 }, () => ({ text: '' })) });
  inds.forEach((ind, i) => {
    const cells: DocCell[] = [];
    if (l1Spans[i]! > 0) cells.push(head(ind.level1, l1Spans[i]! > 1 ? { rowSpan: l1Spans[i]! } : {}));
    if (l2Spans[i]! > 0) cells.push(head(ind.level2, l2Spans[i]! > 1 ? { rowSpan: l2Spans[i]! } : {}));
    const computed = indicatorScoreExact(ind);
    cells.push(
      { text: ind.name, align: 'left' },
      head(ind.target),
      head(ind.actual),
      numberCell(ind.weight),
      numberCell(scoreText(ind.score, computed)),
      { text: ind.deviationReason ?? '', align: 'left' },
    );
    rows.push({ key: `indicator.${i + 1}`, cells });
  });
  return rows;
}

/** 总分 and 评价等级 (unknown when the profile's grading cannot place the total). */
function scoreRows(p: ProjectEvaluation, f: ProjectFigures, profile: ReportProfile, L: Labeller): DocRow[] {
  const total: DocRow = {
    key: 'total',
    bold: true,
    cells: [
      head(L('total', g('totalScore')), { colSpan: 6 }),
      numberCell(f.weightTotal),
      numberCell(f.total),
      { text: '' },
    ],
  };
  const grade = projectGrade(p, profile.id);
  return [
    total,
    {
      key: 'grade',
      bold: true,
      cells: [
        head(L('grade', '评价等级'), { colSpan: 6 }),
        grade === undefined
          ? { text: UNKNOWN_CELL_TEXT, unknown: true, align: 'center', colSpan: 3 }
          : head(grade, { colSpan: 3 }),
      ],
    },
  ];
}

function performanceColumns(): DocColumn[] {
  return [
    { key: 'label', kind: 'text', width: 8 },
    { key: 'level1', kind: 'text', width: 8 },
    { key: 'level2', kind: 'text', width: 10 },
    { key: 'level3', kind: 'text', width: 18 },
    { key: 'target', kind: 'text', width: 12 },
    { key: 'actual', kind: 'text', width: 12 },
    { key: 'weight', kind: 'score', width: 6 },
    { key: 'score', kind: 'score', width: 8 },
    { key: 'deviation', kind: 'text', width: 16 },
  ];
}

export function buildPerformanceTable(
  d: Disclosure,
  profile: ReportProfile,
  p: ProjectEvaluation,
  index: number,
): DocTable {
  const f = projectFigures(p);
  const L: Labeller = (key, text) => perfLabel(profile, key, text);
  const rows: DocRow[] = [
    ...projectRows(p, L),
    ...fundRows(p, f, L),
    ...goalRows(p, L),
    ...indicatorRows(p, L),
    ...scoreRows(p, f, profile, L),
  ];
  const table: DocTable = {
    id: `perf-${index + 1}`,
    number: '',
    title: profile.templates['performance.table.title'] ?? g('part.performanceTable'),
    subtitle: `（${d.year}年度）`,
    columns: performanceColumns(),
    header: [],
    rows,
  };
  if (rows.some((r) => r.cells.some((c) => c.unknown === true))) table.notes = [UNKNOWN_CELL_NOTE];
  return table;
}

/** One 项目支出绩效自评表 per evaluated project, in the order of the data. */
export function buildPerformanceTables(d: Disclosure, profile: ReportProfile): DocTable[] {
  return (d.performance?.projects ?? []).map((p, i) => buildPerformanceTable(d, profile, p, i));
}
