/**
 * The nine public tables of a unit, and the ways real publications come out as text: one cell per
 * line (a web page or a Word table copied as text), cells between "|" lines (an HTML table flattened),
 * a whole row on one line with runs of spaces (pdftotext -layout), or a row flattened by OCR onto
 * one line with single spaces.
 */
import { formatAmount, type Fen } from '../../../src/money/amount.ts';
import type { DocBuilder, MoneyUnit } from './doc.ts';
import { classesOf, type Item, type Unit } from './model.ts';

export type TableForm = 'cells' | 'pipes' | 'rows' | 'ocr';
type Cell = string | Fen | null;

export interface TableData {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** The statement printed instead of rows. */
  empty?: string;
  anchors: { row: string; column: string; value: Fen }[];
}

export const TABLE_TITLES: Readonly<Record<string, string>> = {
  t1: '收入支出决算总表',
  t2: '收入决算表',
  t3: '支出决算表',
  t4: '财政拨款收入支出决算总表',
  t5: '一般公共预算财政拨款支出决算表',
  t6: '一般公共预算财政拨款基本支出决算表',
  t7: '一般公共预算财政拨款“三公”经费支出决算表',
  t8: '政府性基金预算财政拨款收入支出决算表',
  t9: '国有资本经营预算财政拨款支出决算表',
};

const CN = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];
export const cn = (i: number): string => CN[i] ?? String(i + 1);

/** Rows of a code hierarchy (类, 款, 项) with the values `f` gives for a group of items. */
function hierarchy(items: readonly Item[], f: (g: readonly Item[]) => Cell[]): Cell[][] {
  const out: Cell[][] = [];
  const classes = [...new Set(items.map((x) => x.code.slice(0, 3)))].sort();
  for (const c of classes) {
    const ci = items.filter((x) => x.code.startsWith(c));
    out.push([c, ci[0]!.lei, ...f(ci)]);
    const kuans = [...new Set(ci.map((x) => x.code.slice(0, 5)))].sort();
    for (const k of kuans) {
      const ki = ci.filter((x) => x.code.startsWith(k));
      out.push([k, ki[0]!.kuan, ...f(ki)]);
      for (const x of ki.sort((a, b) => a.code.localeCompare(b.code))) out.push([x.code, x.xiang, ...f([x])]);
    }
  }
  return out;
}

const sum = (xs: readonly Item[], f: (x: Item) => Fen): Fen => xs.reduce((s, x) => s + f(x), 0);

/** Income of each 项 for 表二: fiscal money as spent, the carry-over difference and non-fiscal income on the first item. */
function incomeByItem(u: Unit): Map<string, { fiscal: Fen; superior: Fen; business: Fen; other: Fen }> {
  const m = new Map<string, { fiscal: Fen; superior: Fen; business: Fen; other: Fen }>();
  for (const x of u.items)
    m.set(x.code, { fiscal: x.gBasic + x.gProject + x.fund, superior: 0, business: 0, other: 0 });
  const first = u.items.find((x) => x.nBasic > 0) ?? u.items[0]!;
  const largest = [...u.items].sort((a, b) => b.gBasic + b.gProject - (a.gBasic + a.gProject))[0]!;
  const diff = u.fiscal.gClosing - u.fiscal.gOpening + u.fiscal.fClosing - u.fiscal.fOpening;
  m.get(largest.code)!.fiscal += diff;
  const e = m.get(first.code)!;
  e.superior = u.superiorSubsidy;
  e.business = u.businessIncome;
  e.other = u.otherIncome;
  return m;
}

export function tableData(u: Unit, id: string): TableData {
  const title = TABLE_TITLES[id]!;
  const allItems = u.items;
  if (id === 't1') {
    const inc: [string, Fen][] = [
      ['一、一般公共预算财政拨款收入', u.generalBudget],
      ['二、政府性基金预算财政拨款收入', u.governmentFund],
      ['三、国有资本经营预算财政拨款收入', u.stateCapital],
      ['四、上级补助收入', u.superiorSubsidy],
      ['五、事业收入', u.businessIncome],
      ['六、经营收入', u.operatingIncome],
      ['七、附属单位上缴收入', u.subsidiaryRemittance],
      ['八、其他收入', u.otherIncome],
    ];
    const cls = classesOf(u, 'all');
    const exp: [string, Fen][] = cls.map((c, i) => [`${cn(i)}、${c.name}`, c.total]);
    const n = Math.max(inc.length, exp.length);
    const rows: Cell[][] = [];
    for (let i = 0; i < n; i++)
      rows.push([inc[i]?.[0] ?? '', inc[i]?.[1] ?? null, exp[i]?.[0] ?? '', exp[i]?.[1] ?? null]);
    rows.push(['本年收入合计', u.incomeTotal, '本年支出合计', u.expenditureTotal]);
    rows.push(['使用非财政拨款结余', u.useOfNonFiscalBalance, '结余分配', u.surplusDistribution]);
    rows.push(['年初结转和结余', u.openingCarryover, '年末结转和结余', u.closingCarryover]);
    rows.push(['总计', u.incomeGrandTotal, '总计', u.expenditureGrandTotal]);
    return {
      id,
      title,
      header: ['收入', '决算数', '支出', '决算数'],
      rows,
      anchors: [
        { row: 'incomeTotal', column: 'amount', value: u.incomeTotal },
        { row: 'incomeGrandTotal', column: 'amount', value: u.incomeGrandTotal },
        { row: 'expenditureTotal', column: 'amount', value: u.expenditureTotal },
      ],
    };
  }
  if (id === 't2') {
    const inc = incomeByItem(u);
    const f = (g: readonly Item[]): Cell[] => {
      const v = g.map((x) => inc.get(x.code)!);
      const fiscal = v.reduce((s, x) => s + x.fiscal, 0);
      const sup = v.reduce((s, x) => s + x.superior, 0);
      const bus = v.reduce((s, x) => s + x.business, 0);
      const oth = v.reduce((s, x) => s + x.other, 0);
      return [fiscal + sup + bus + oth, fiscal, sup, bus, null, null, oth];
    };
    return {
      id,
      title,
      header: [
        '科目编码',
        '科目名称',
        '本年收入合计',
        '财政拨款收入',
        '上级补助收入',
        '事业收入',
        '经营收入',
        '附属单位上缴收入',
        '其他收入',
      ],
      rows: [['', '合计', ...f(allItems)], ...hierarchy(allItems, f)],
      anchors: [{ row: 'total', column: 'total', value: u.incomeTotal }],
    };
  }
  if (id === 't3') {
    const f = (g: readonly Item[]): Cell[] => [
      sum(g, (x) => x.gBasic + x.gProject + x.fund + x.nBasic + x.nProject),
      sum(g, (x) => x.gBasic + x.nBasic),
      sum(g, (x) => x.gProject + x.nProject + x.fund),
      null,
      null,
      null,
    ];
    return {
      id,
      title,
      header: [
        '科目编码',
        '科目名称',
        '本年支出合计',
        '基本支出',
        '项目支出',
        '上缴上级支出',
        '经营支出',
        '对附属单位补助支出',
      ],
      rows: [['', '合计', ...f(allItems)], ...hierarchy(allItems, f)],
      anchors: [
        { row: 'total', column: 'total', value: u.expenditureTotal },
        { row: 'total', column: 'basic', value: u.basic },
      ],
    };
  }
  if (id === 't4') {
    const cls = classesOf(u, 'all').filter((c) => c.items.some((x) => x.gBasic + x.gProject + x.fund > 0));
    const rows: Cell[][] = [];
    const inc: [string, Fen][] = [
      ['一、一般公共预算财政拨款', u.generalBudget],
      ['二、政府性基金预算财政拨款', u.governmentFund],
      ['三、国有资本经营预算财政拨款', 0],
    ];
    const n = Math.max(inc.length, cls.length);
    for (let i = 0; i < n; i++) {
      const c = cls[i];
      const g = c ? sum(c.items, (x) => x.gBasic + x.gProject) : 0;
      const fu = c ? sum(c.items, (x) => x.fund) : 0;
      rows.push([
        inc[i]?.[0] ?? '',
        inc[i]?.[1] ?? null,
        c ? `${cn(i)}、${c.name}` : '',
        c ? g + fu : null,
        c ? g : null,
        c ? fu : null,
        c ? 0 : null,
      ]);
    }
    const f = u.fiscal;
    rows.push([
      '本年收入合计',
      f.incomeTotal,
      '本年支出合计',
      f.expenditureTotal,
      u.t5.total,
      u.fundItem?.fund ?? 0,
      0,
    ]);
    rows.push([
      '年初财政拨款结转和结余',
      f.opening,
      '年末财政拨款结转和结余',
      f.closing,
      f.gClosing,
      f.fClosing,
      0,
    ]);
    rows.push(['一般公共预算财政拨款', f.gOpening, '', null, null, null, null]);
    rows.push(['政府性基金预算财政拨款', f.fOpening, '', null, null, null, null]);
    rows.push(['国有资本经营预算财政拨款', 0, '', null, null, null, null]);
    rows.push([
      '总计',
      f.grand,
      '总计',
      f.expenditureTotal + f.closing,
      u.t5.total + f.gClosing,
      (u.fundItem?.fund ?? 0) + f.fClosing,
      0,
    ]);
    return {
      id,
      title,
      header: [
        '收入',
        '决算数',
        '支出',
        '合计',
        '一般公共预算财政拨款',
        '政府性基金预算财政拨款',
        '国有资本经营预算财政拨款',
      ],
      rows,
      anchors: [{ row: 'incomeGrandTotal', column: 'total', value: f.grand }],
    };
  }
  if (id === 't5') {
    const items = allItems.filter((x) => x.gBasic + x.gProject > 0);
    const f = (g: readonly Item[]): Cell[] => [
      sum(g, (x) => x.gBasic + x.gProject),
      sum(g, (x) => x.gBasic),
      sum(g, (x) => x.gProject),
    ];
    return {
      id,
      title,
      header: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      rows: [['', '合计', ...f(items)], ...hierarchy(items, f)],
      anchors: [{ row: 'total', column: 'total', value: u.t5.total }],
    };
  }
  if (id === 't6') {
    const rows: Cell[][] = [];
    const byClass = (parts: [string, string, Fen][], cls: string, name: string) => {
      const ps = parts.filter(([c]) => c.startsWith(cls));
      if (ps.length === 0) return;
      rows.push([cls, name, ps.reduce((s, p) => s + p[2], 0)]);
      for (const [c, n, v] of ps) rows.push([c, n, v]);
    };
    byClass(u.personnel, '301', '工资福利支出');
    byClass(u.publicItems, '302', '商品和服务支出');
    byClass(u.personnel, '303', '对个人和家庭的补助');
    rows.push(['', '人员经费合计', u.personnelTotal]);
    rows.push(['', '公用经费合计', u.publicTotal]);
    return {
      id,
      title,
      header: ['科目编码', '科目名称', '决算数'],
      rows,
      anchors: [
        { row: 'personnelTotal', column: 'amount', value: u.personnelTotal },
        { row: 'publicTotal', column: 'amount', value: u.publicTotal },
      ],
    };
  }
  if (id === 't7') {
    const r = (label: string, p: { budget: Fen; final: Fen }): Cell[] => [label, p.budget, p.final];
    return {
      id,
      title,
      header: ['项目', '预算数', '决算数'],
      rows: [
        r('合计', u.threePublic),
        r('1.因公出国（境）费', u.abroad),
        r('2.公务用车购置及运行维护费', u.vehicle),
        r('（1）公务用车购置费', u.vehiclePurchase),
        r('（2）公务用车运行维护费', u.vehicleOperation),
        r('3.公务接待费', u.reception),
      ],
      anchors: [
        { row: 'total', column: 'final', value: u.threePublic.final },
        { row: 'total', column: 'budget', value: u.threePublic.budget },
      ],
    };
  }
  if (id === 't8') {
    const x = u.fundItem;
    if (!x)
      return {
        id,
        title,
        header: [],
        rows: [],
        empty: '本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，本表无数据。',
        anchors: [],
      };
    const f = u.fiscal;
    const vals = (): Cell[] => [f.fOpening, u.governmentFund, x.fund, null, x.fund, f.fClosing];
    return {
      id,
      title,
      header: [
        '科目编码',
        '科目名称',
        '年初结转和结余',
        '本年收入',
        '本年支出合计',
        '基本支出',
        '项目支出',
        '年末结转和结余',
      ],
      rows: [['', '合计', ...vals()], ...hierarchy([x], vals)],
      anchors: [{ row: 'total', column: 'expenditure', value: x.fund }],
    };
  }
  return {
    id,
    title,
    header: [],
    rows: [],
    empty: '本单位本年度无国有资本经营预算财政拨款支出，本表无数据。',
    anchors: [],
  };
}

export interface RenderTableOptions {
  form: TableForm;
  unit?: MoneyUnit;
  /** How a zero cell is printed ('' = blank, as the MoF software prints it). */
  zero?: string;
  /** Title prefix, e.g. "表一" or "一、" or "公开01表". */
  label?: string;
  /** Unit name as printed in the title block. */
  unitName?: string;
  year?: number;
  /** Thousands separators (default true). */
  thousands?: boolean;
  title?: string;
}

function cellText(c: Cell, o: RenderTableOptions): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (c === 0) return o.zero ?? '';
  return formatAmount(c, { unit: o.unit ?? '万元', decimals: 2, thousands: o.thousands ?? true });
}

/** Prints a table into the document in the given text form and records it in the key. */
export function printTable(d: DocBuilder, u: Unit, id: string, o: RenderTableOptions): void {
  const t = tableData(u, id);
  const title = o.title ?? t.title;
  const unitLine = `金额单位：${o.unit === '元' ? '元' : '万元'}`;
  d.l(`${o.label ?? ''}${title}`);
  if (o.unitName) d.l(`编制单位：${o.unitName}${o.year ? `\u3000\u3000\u3000\u3000${o.year}年度` : ''}`);
  d.l(unitLine);
  d.table({
    id,
    title,
    form: o.form,
    status: t.empty ? 'empty' : 'printed',
    anchors: t.anchors.map((a) => ({
      row: a.row,
      column: a.column,
      value: formatAmount(a.value, { unit: o.unit ?? '万元', decimals: 2 }),
    })),
  });
  if (t.empty) {
    if (o.form === 'rows' || o.form === 'ocr') d.l(t.header.join('  ') || '科目编码  科目名称  决算数');
    d.l(`注：${t.empty}`);
    return;
  }
  const rows = t.rows.map((r) => r.map((c) => cellText(c, o)));
  switch (o.form) {
    case 'cells':
      d.l(...t.header);
      for (const r of rows) d.l(...r.filter((c) => c !== ''));
      break;
    case 'pipes':
      for (const h of t.header) d.l('|', h);
      for (const r of rows) for (const c of r) d.l('|', c);
      d.l('|');
      break;
    case 'rows': {
      d.l(t.header.join('    '));
      for (const r of rows)
        d.l(
          r
            .map((c, i) => (i === 0 ? c : c.padStart(12, ' ')))
            .join('  ')
            .replace(/\s+$/, ''),
        );
      break;
    }
    case 'ocr': {
      d.l(t.header.join(' '));
      for (const r of rows) d.l(r.filter((c) => c !== '').join(' '));
      break;
    }
  }
}
