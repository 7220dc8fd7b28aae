/**
 * Charts people would rather look at than read (issue 3): income structure, expenditure structure,
 * function 类 shares and this year vs last year. Values are the printed 万元 figures, for drawing only.
 */
import { formatAmount, type Fen } from '../money/amount.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { ChartSpec } from './document.ts';

/** Printed 万元 as a number, for drawing (the exact figure is in the text and tables). */
function drawn(fen: Fen): number {
  return Number(formatAmount(fen, { unit: '万元', decimals: 2 }));
}

function pie(id: string, title: string, items: [string, Fen | undefined][]): ChartSpec | undefined {
  const shown = items.filter((x): x is [string, Fen] => x[1] !== undefined && x[1] > 0);
  if (shown.length === 0) return undefined;
  return {
    id,
    kind: 'pie',
    title,
    unit: '万元',
    categories: shown.map((x) => x[0]),
    series: [{ name: title, values: shown.map((x) => drawn(x[1])) }],
  };
}

export function buildCharts(d: Disclosure): ChartSpec[] {
  const t1 = d.tables.t1;
  const a = (k: string) => t1.byKey.get(k)?.values['amount'];
  const charts: (ChartSpec | undefined)[] = [];
  const fiscal = ['generalBudget', 'governmentFund', 'stateCapital'].map(a);
  charts.push(
    pie('income-structure', '本年收入构成', [
      [
        '财政拨款收入',
        fiscal.every((v) => v !== undefined) ? fiscal.reduce((s, v) => s! + v!, 0) : undefined,
      ],
      ['上级补助收入', a('superiorSubsidy')],
      ['事业收入', a('businessIncome')],
      ['经营收入', a('operatingIncome')],
      ['附属单位上缴收入', a('subsidiaryRemittance')],
      ['其他收入', a('otherIncome')],
    ]),
  );
  const t3 = d.tables.t3.byKey.get('total')?.values ?? {};
  charts.push(
    pie('expenditure-structure', '本年支出构成', [
      ['基本支出', t3['basic']],
      ['项目支出', t3['project']],
      ['上缴上级支出', t3['remittance']],
      ['经营支出', t3['operating']],
      ['对附属单位补助支出', t3['subsidiaryGrant']],
    ]),
  );
  const classes = d.tables.t5.rows.filter((r) => r.level === '类');
  charts.push(
    pie(
      'general-budget-classes',
      '一般公共预算财政拨款支出按功能分类（类）',
      classes.map((r) => [r.name || r.code!, r.values['total']]),
    ),
  );
  // This year vs last year, for the totals the publication compares.
  const pairs: [string, Fen | undefined, Fen | undefined][] = [
    ['收入总计', a('incomeGrandTotal'), t1.byKey.get('incomeGrandTotal')?.prior?.['amount']],
    ['支出总计', a('expenditureGrandTotal'), t1.byKey.get('expenditureGrandTotal')?.prior?.['amount']],
    [
      '财政拨款收入总计',
      d.tables.t4.byKey.get('incomeGrandTotal')?.values['total'],
      d.tables.t4.byKey.get('incomeGrandTotal')?.prior?.['total'],
    ],
    [
      '一般公共预算财政拨款支出',
      d.tables.t5.byKey.get('total')?.values['total'],
      d.tables.t5.byKey.get('total')?.prior?.['total'],
    ],
    [
      '“三公”经费',
      d.tables.t7.byKey.get('total')?.values['final'],
      d.tables.t7.byKey.get('total')?.prior?.['final'],
    ],
    ['机关运行经费', d.adminCost?.amount, d.adminCost?.prior],
  ];
  const known = pairs.filter((x): x is [string, Fen, Fen] => x[1] !== undefined && x[2] !== undefined);
  if (known.length > 0) {
    charts.push({
      id: 'year-on-year',
      kind: 'bar',
      title: `${d.year}年与${d.year - 1}年对比`,
      unit: '万元',
      categories: known.map((x) => x[0]),
      series: [
        { name: `${d.year - 1}年`, values: known.map((x) => drawn(x[2])) },
        { name: `${d.year}年`, values: known.map((x) => drawn(x[1])) },
      ],
    });
  }
  return charts.filter((c): c is ChartSpec => c !== undefined);
}
