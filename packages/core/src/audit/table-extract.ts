/**
 * The nine public tables rebuilt from a read PDF (issue 4, item 3): each found by its title, its
 * columns by the header labels' positions, its rows by code or label, and mapped to the model (rows
 * keyed by code or fixed row id of model/tables.ts, columns by the spec's column ids). A table is
 * accepted only when its own identities balance (DOMAIN.md §5, with the rounding interval rule of
 * rules/arithmetic.ts: the table rules of the catalogue run on a model holding that table alone);
 * otherwise it is 'unreadable' with the reason, so that no wrong figure is ever checked.
 */
import type { Catalogue } from '../classification/catalogue.ts';
import { builtinCatalogue, builtinYears } from '../classification/builtin.ts';
import { JuesuanError } from '../errors.ts';
import { normaliseNumberText, type MoneyUnit } from '../money/amount.ts';
import { foldedLabels, shortName, type TermId } from '../glossary/glossary.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_IDS, TABLE_SPECS, T4_FUND_COLUMNS, type TableId } from '../model/tables.ts';
import type { TextDocument } from '../read/text-document.ts';
import { runRules } from '../rules/engine.ts';
import { ruleById } from '../rules/registry.ts';
import type { Rule } from '../rules/types.ts';
import { fold, ORDINAL_RE, overlap, type Token, type TokenLine } from './table-geometry.ts';
import { documentLines, hasPositions, locateTables, plainLines, type LocatedTable } from './table-locate.ts';
import {
  assignColumns,
  headerCells,
  isParentCell,
  LABEL_HEADER_RE,
  labelKey,
  readCodeRows,
  readLabelRows,
  splitHeader,
  type CellRead,
  type HeaderCell,
  type ReadOutcome,
  type RowRead,
  type ValueColumn,
} from './table-read.ts';
import type { ExtractedTable } from './types.ts';

/** The identities each table must satisfy on its own (rules of the catalogue, by id). */
export const TABLE_IDENTITY_RULES: Readonly<Record<TableId, readonly string[]>> = {
  t1: [
    't1-income-total',
    't1-income-grand-total',
    't1-expenditure-total',
    't1-expenditure-grand-total',
    't1-grand-totals-equal',
  ],
  t2: ['t2-row-sum', 't2-total-row', 't2-hierarchy'],
  t3: ['t3-row-sum', 't3-total-row', 't3-hierarchy'],
  t4: [
    't4-row-sum',
    't4-expenditure-total',
    't4-income-grand-total',
    't4-expenditure-grand-total',
    't4-grand-totals-equal',
    't4-fund-balance',
  ],
  t5: ['t5-row-sum', 't5-total-row', 't5-hierarchy'],
  t6: ['t6-hierarchy', 't6-personnel-total', 't6-public-total'],
  t7: ['t7-total', 't7-vehicle-subtotal'],
  t8: ['t8-row-sum', 't8-total-row', 't8-hierarchy', 't8-row-balance'],
  t9: ['t9-row-sum', 't9-total-row', 't9-hierarchy', 't9-row-balance'],
};

/** Folded labels of glossary terms, as headers and row labels are folded. */
const L = (...ids: TermId[]): string[] => foldedLabels(fold, ...ids);

/**
 * Column labels as printed, folded, by column id (a `budget.` prefix: the 年初预算数 of that column): the
 * glossary's labels of the terms a header may name there (合计 and 小计 name the total column).
 */
const COLUMN_LABELS: Readonly<Partial<Record<TableId, Readonly<Record<string, readonly string[]>>>>> = {
  t2: {
    total: L('incomeTotal', 'total'),
    fiscal: L('fiscalIncome'),
    superiorSubsidy: L('superiorSubsidy'),
    businessIncome: L('businessIncome'),
    operatingIncome: L('operatingIncome'),
    subsidiaryRemittance: L('subsidiaryRemittance'),
    otherIncome: L('otherIncome'),
  },
  t3: {
    total: L('expenditureTotal', 'total'),
    basic: L('basicExpenditure'),
    project: L('projectExpenditure'),
    remittance: L('remittanceToSuperior'),
    operating: L('operatingExpenditure'),
    subsidiaryGrant: L('subsidiaryGrant'),
  },
  t5: {
    total: L('total', 'subtotal', 'expenditureTotal', 'finalAmount'),
    basic: L('basicExpenditure'),
    project: L('projectExpenditure'),
    'budget.total': L('initialBudget'),
  },
  t8: {
    opening: L('openingCarryover', 'fiscalOpeningCarryover'),
    income: L('incomeTotal'),
    expenditure: L('expenditureTotal', 'total', 'subtotal'),
    basic: L('basicExpenditure'),
    project: L('projectExpenditure'),
    closing: L('closingCarryover', 'fiscalClosingCarryover'),
  },
};
const FUND_TABLE_LABELS = COLUMN_LABELS.t8!;

/** The total column of a classified table and the columns that add up to it. */
const PART_COLUMNS: Readonly<Partial<Record<TableId, { total: string; parts: readonly string[] }>>> = {
  t2: {
    total: 'total',
    parts: [
      'fiscal',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemittance',
      'otherIncome',
    ],
  },
  t3: { total: 'total', parts: ['basic', 'project', 'remittance', 'operating', 'subsidiaryGrant'] },
  t4: { total: 'total', parts: T4_FUND_COLUMNS },
  t5: { total: 'total', parts: ['basic', 'project'] },
  t8: { total: 'expenditure', parts: ['basic', 'project'] },
  t9: { total: 'expenditure', parts: ['basic', 'project'] },
};

const AMOUNT_HEADER_RE = /^(?:本年)?(?:决算数|金额|决算金额)$/;

/** 表一's rows by the labels they are printed with: each side's 总计 is the grand total of that side. */
const T1_LEFT: Readonly<Record<string, readonly string[]>> = {
  generalBudget: L('generalBudgetIncome'),
  governmentFund: L('governmentFundIncome'),
  stateCapital: L('stateCapitalIncome'),
  superiorSubsidy: L('superiorSubsidy'),
  businessIncome: L('businessIncome'),
  operatingIncome: L('operatingIncome'),
  subsidiaryRemittance: L('subsidiaryRemittance'),
  otherIncome: L('otherIncome'),
  incomeTotal: L('incomeTotal'),
  useOfNonFiscalBalance: L('useOfNonFiscalBalance'),
  openingCarryover: L('openingCarryover'),
  incomeGrandTotal: L('grandTotal', 'incomeGrandTotal'),
};
const T1_RIGHT: Readonly<Record<string, readonly string[]>> = {
  expenditureTotal: L('expenditureTotal'),
  surplusDistribution: L('surplusDistribution'),
  closingCarryover: L('closingCarryover'),
  expenditureGrandTotal: L('grandTotal', 'expenditureGrandTotal'),
};
/** The three kinds of 财政拨款 by the words their labels and headers begin with. */
const FUND_KIND_PREFIX: readonly (readonly [(typeof T4_FUND_COLUMNS)[number], string])[] = [
  ['generalBudget', fold(shortName('generalBudgetFunds'))],
  ['governmentFund', fold(shortName('governmentFundFunds'))],
  ['stateCapital', fold(shortName('stateCapitalFunds'))],
];

const T7_ITEMS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
type T7Item = (typeof T7_ITEMS)[number];

function t7Item(norm: string): T7Item | undefined {
  const n = norm.replace(/^其中[:：]?/, '').replace(/[()（）]/g, '');
  if (/^合计$|^三公经费合计$|^总计$/.test(n)) return 'total';
  if (/出国/.test(n)) return 'abroad';
  if (/^小计$/.test(n) || /购置及运行/.test(n)) return 'vehicle';
  if (/购置费?$/.test(n) && !/运行/.test(n)) return 'vehiclePurchase';
  if (/运行/.test(n)) return 'vehicleOperation';
  if (/接待/.test(n)) return 'reception';
  return undefined;
}

/** A row in the data-file format (model/schema.ts), amounts as text in the table's unit. */
type DataRow = Record<string, unknown>;

interface TableRead {
  rows: DataRow[];
  /** Row key → where it is printed. */
  evidence: Map<string, { page: number; text: string }>;
  problems: string[];
  notes: string[];
}

interface Context {
  unit: MoneyUnit;
  year: number;
  classNames: Map<string, string>;
}

function amountText(c: CellRead): string {
  if (c.dash) return '0';
  const n = normaliseNumberText(c.text);
  return n.replace(/,/g, '');
}

/**
 * Cells of one row in the data-file format. Blank cells of printed columns are 0 (tables leave zero
 * cells blank), except where a row prints its total but none of the columns that add up to it: those
 * are not printed at all (unknown), not zero.
 */
function rowCells(
  table: TableId,
  r: RowRead,
  printed: ReadonlySet<string>,
  unknownRows: string[],
): { values: DataRow; budget?: DataRow; placeholder?: string } {
  const values: DataRow = {};
  const budget: DataRow = {};
  let placeholder: string | undefined;
  for (const [id, c] of r.cells) {
    if (c.placeholder) {
      placeholder = c.text;
      continue;
    }
    if (id.startsWith('budget.')) budget[id.slice(7)] = amountText(c);
    else values[id] = amountText(c);
  }
  const parts = PART_COLUMNS[table];
  const partsUnknown =
    parts !== undefined &&
    r.cells.get(parts.total)?.fen !== undefined &&
    r.cells.get(parts.total)!.fen !== 0 &&
    parts.parts.every((p) => !printed.has(p) || !r.cells.has(p));
  if (partsUnknown && parts.parts.some((p) => printed.has(p)))
    unknownRows.push(`第 ${r.page} 页「${r.label}」`);
  for (const id of printed) {
    if (id.startsWith('budget.')) {
      const k = id.slice(7);
      if (budget[k] === undefined) budget[k] = '0';
      continue;
    }
    if (values[id] !== undefined) continue;
    if (partsUnknown && parts!.parts.includes(id)) continue;
    values[id] = '0';
  }
  const out: { values: DataRow; budget?: DataRow; placeholder?: string } = { values };
  if (Object.keys(budget).length > 0) out.budget = budget;
  if (placeholder !== undefined) out.placeholder = placeholder;
  return out;
}

/** Value columns of a classified table from its header cells; duplicates resolved by their group label. */
function codeTableColumns(
  table: TableId,
  cells: readonly HeaderCell[],
  problems: string[],
): { columns: ValueColumn[]; labelRight: number } {
  const labels = COLUMN_LABELS[table] ?? FUND_TABLE_LABELS;
  const labelCells = cells.filter((c) => LABEL_HEADER_RE.test(c.norm));
  const labelHeaderRight = Math.max(-Infinity, ...labelCells.map((c) => c.x2));
  const leaves = cells.filter(
    (c) => !LABEL_HEADER_RE.test(c.norm) && !isParentCell(c, cells) && (c.x + c.x2) / 2 > labelHeaderRight,
  );
  const groups = cells.filter((c) => isParentCell(c, cells) && /预算|决算/.test(c.norm));
  const columns: ValueColumn[] = [];
  for (const leaf of leaves) {
    let id: string | undefined;
    for (const [cid, ls] of Object.entries(labels)) if (ls.includes(leaf.norm)) id = id ?? cid;
    if (id === undefined) {
      columns.push({ id: 'ignore', x: leaf.x, x2: leaf.x2, label: leaf.text });
      continue;
    }
    // A 合计/基本支出/项目支出 under 年初预算数 is the budget's column.
    const above = groups
      .filter((g) => g.y2 < leaf.y)
      .sort(
        (a, b) =>
          Math.abs((a.x + a.x2) / 2 - (leaf.x + leaf.x2) / 2) -
          Math.abs((b.x + b.x2) / 2 - (leaf.x + leaf.x2) / 2),
      )[0];
    if (above && /预算/.test(above.norm) && !/决算/.test(above.norm) && !id.startsWith('budget.'))
      id = `budget.${id}`;
    columns.push({ id, x: leaf.x, x2: leaf.x2, label: leaf.text });
  }
  const seen = new Map<string, ValueColumn>();
  for (const c of columns) {
    if (c.id === 'ignore') continue;
    const prev = seen.get(c.id);
    if (prev) problems.push(`表头有两列都像「${prev.label}」，无法判断各列`);
    seen.set(c.id, c);
  }
  const valueLeft = Math.min(Infinity, ...columns.map((c) => c.x));
  const labelRight = Number.isFinite(valueLeft) ? valueLeft - 1 : labelHeaderRight;
  return { columns, labelRight };
}

function isDataLine(l: TokenLine, labelStarts: readonly string[] = []): boolean {
  for (const t of l.tokens) {
    if (t.kind === 'amount' || t.kind === 'dash' || t.kind === 'placeholder' || t.kind === 'digits')
      return true;
  }
  if (labelStarts.length === 0) return false;
  const n = l.tokens[0]?.norm ?? '';
  return ORDINAL_RE.test(n) || labelStarts.some((s) => n.startsWith(s));
}

function readClassified(loc: LocatedTable, ctx: Context): TableRead {
  const table = loc.id;
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const { columns, labelRight } = codeTableColumns(table, cells, problems);
  if (columns.filter((c) => c.id !== 'ignore').length === 0) {
    problems.push('表头中找不到任何金额列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const out = readCodeRows({
    body,
    header: cells,
    columns,
    labelRight,
    codeKind: 'function',
    fixed: { total: L('total', 'grandTotal') },
    unit: ctx.unit,
  });
  const printed = new Set(columns.filter((c) => c.id !== 'ignore').map((c) => c.id));
  const absent = TABLE_SPECS[table].columns.filter((c) => !printed.has(c.id)).map((c) => c.label);
  if (absent.length > 0) notes.push(`表头中没有「${absent.join('」「')}」列，这些数按未列示（未知）读取`);
  return toDataRows(table, out, printed, problems, notes);
}

function toDataRows(
  table: TableId,
  out: ReadOutcome,
  printed: ReadonlySet<string>,
  problems: string[],
  notes: string[],
): TableRead {
  problems.push(...out.problems);
  notes.push(...out.notes);
  const rows: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const unknownRows: string[] = [];
  for (const r of out.rows) {
    const { values, budget, placeholder } = rowCells(table, r, printed, unknownRows);
    if (placeholder !== undefined) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${placeholder}」`);
    const row: DataRow = r.code ? { code: r.code } : { row: r.fixed };
    if (r.label) row['name'] = r.label;
    Object.assign(row, values);
    if (budget) row['initialBudget'] = budget;
    rows.push(row);
    evidence.set(r.code ?? r.fixed ?? '', { page: r.page, text: `${r.code ?? ''} ${r.label}`.trim() });
  }
  if (unknownRows.length > 0) {
    const total = PART_COLUMNS[table]?.total === 'expenditure' ? '本年支出合计' : '合计';
    notes.push(
      `${unknownRows.length} 行只印了${total}、各明细列空白，明细按未列示（未知）读取：${unknownRows.slice(0, 3).join('、')}${unknownRows.length > 3 ? '等' : ''}`,
    );
  }
  return { rows, evidence, problems, notes };
}

function readT6(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const amounts = cells.filter((c) => AMOUNT_HEADER_RE.test(c.norm)).sort((a, b) => a.x - b.x);
  if (amounts.length === 0) {
    problems.push('表头中找不到「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const labelCells = cells.filter((c) => LABEL_HEADER_RE.test(c.norm));
  // Halves side by side (人员经费 | 公用经费): each half is codes, names and one 决算数 column.
  const bounds: number[] = [];
  for (let i = 1; i < amounts.length; i++) {
    const prev = amounts[i - 1]!;
    const nextLabels = labelCells.filter((c) => c.x > prev.x2 && c.x2 < amounts[i]!.x);
    bounds.push(
      nextLabels.length > 0 ? (prev.x2 + Math.min(...nextLabels.map((c) => c.x))) / 2 : prev.x2 + 2,
    );
  }
  const halfOf = (x: number) => {
    let i = 0;
    while (i < bounds.length && x > bounds[i]!) i++;
    return i;
  };
  const amountCols: ValueColumn[] = amounts.map((a, i) => ({ id: `h${i}`, x: a.x, x2: a.x2, label: a.text }));
  const valueToks = body.filter((t) => t.kind === 'amount' || t.kind === 'dash');
  const colOf = assignColumns(valueToks, amountCols);
  const perHalf: Token[][] = amounts.map(() => []);
  for (const t of body) {
    const col = colOf.get(t);
    const i = col ? Number(col.id.slice(1)) : halfOf((t.x + t.x2) / 2);
    perHalf[i]!.push(t);
  }
  const rows: RowRead[] = [];
  amounts.forEach((a, i) => {
    const lo = i === 0 ? -Infinity : bounds[i - 1]!;
    const hi = i < bounds.length ? bounds[i]! : Infinity;
    const out = readCodeRows({
      body: perHalf[i]!,
      header: cells.filter((c) => (c.x + c.x2) / 2 > lo && (c.x + c.x2) / 2 < hi),
      columns: [{ id: 'amount', x: a.x, x2: a.x2, label: a.text }],
      labelRight: a.x - 1,
      codeKind: 'economic',
      fixed: { personnelTotal: L('personnelTotal'), publicTotal: L('publicTotal') },
      unit: ctx.unit,
    });
    problems.push(...out.problems);
    notes.push(...out.notes);
    rows.push(...out.rows);
  });
  // A list of 款 printed without amounts under printed totals: the 款 amounts are not given (unknown).
  const codeRows = rows.filter((r) => r.code !== undefined);
  const totals = rows.filter((r) => r.fixed !== undefined && (r.cells.get('amount')?.fen ?? 0) !== 0);
  const unknownCodes =
    codeRows.length > 0 && totals.length > 0 && codeRows.every((r) => !r.cells.has('amount'));
  if (unknownCodes)
    notes.push('各经济分类科目没有金额，只有人员经费合计和公用经费合计：科目金额按未列示（未知）读取');
  const data: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  for (const r of rows) {
    const c = r.cells.get('amount');
    if (c?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
    const row: DataRow = r.code ? { code: r.code } : { row: r.fixed };
    if (r.label) row['name'] = r.label;
    if (c && !c.placeholder) row['amount'] = amountText(c);
    else if (!(unknownCodes && r.code)) row['amount'] = '0';
    data.push(row);
    evidence.set(r.code ?? r.fixed ?? '', { page: r.page, text: `${r.code ?? ''} ${r.label}`.trim() });
  }
  return { rows: data, evidence, problems, notes };
}

/** The two sides of 表一/表四: where the expenditure side's labels begin. */
function sides(
  cells: readonly HeaderCell[],
  rightColumnsRe: RegExp | undefined,
): { left?: HeaderCell; rightCols: HeaderCell[]; boundary: number } | undefined {
  const amounts = cells.filter((c) => AMOUNT_HEADER_RE.test(c.norm)).sort((a, b) => a.x - b.x);
  const left = amounts[0];
  if (!left) return undefined;
  const rightCols = rightColumnsRe
    ? cells.filter((c) => c.x > left.x2 && rightColumnsRe.test(c.norm) && !isParentCell(c, cells))
    : amounts.slice(1);
  return { left, rightCols, boundary: left.x2 + 1 };
}

function matchLabel(label: string, table: Readonly<Record<string, readonly string[]>>): string | undefined {
  const k = labelKey(label);
  for (const [id, ls] of Object.entries(table)) if (ls.includes(k)) return id;
  return undefined;
}

function classCode(label: string, ctx: Context): string | undefined {
  return ctx.classNames.get(labelKey(label));
}

const T1_STARTS = [...Object.values(T1_LEFT).flat(), ...Object.values(T1_RIGHT).flat()];
const T4_STARTS = L(
  'incomeTotal',
  'expenditureTotal',
  'fiscalOpeningCarryover',
  'fiscalClosingCarryover',
  'openingCarryover',
  'closingCarryover',
  'grandTotal',
  'incomeGrandTotal',
  'expenditureGrandTotal',
);

function splitSides(
  body: readonly Token[],
  boundary: number,
  cells: readonly HeaderCell[],
): { leftLabels: Token[]; rightLabels: Token[]; values: Token[] } {
  const leftLabels: Token[] = [];
  const rightLabels: Token[] = [];
  const values: Token[] = [];
  // 行次 (row numbers) of older forms are neither labels nor figures.
  const rowNumbers = cells.filter((c) => /^(?:行次|栏次|序号)$/.test(c.norm));
  for (const t of body) {
    if (t.kind === 'digits' && rowNumbers.some((c) => overlap(c, t) > 0)) continue;
    if (t.kind === 'amount' || t.kind === 'dash' || t.kind === 'placeholder' || t.kind === 'digits')
      values.push(t);
    else if (t.x >= boundary) rightLabels.push(t);
    else leftLabels.push(t);
  }
  return { leftLabels, rightLabels, values };
}

function readT1(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l, T1_STARTS));
  const cells = headerCells(header);
  const s = sides(cells, undefined);
  const right = s?.rightCols[s.rightCols.length - 1];
  if (!s?.left || !right) {
    problems.push('表头中找不到收入、支出两侧的「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const leftCol: ValueColumn = { id: 'left', x: s.left.x, x2: s.left.x2, label: '收入决算数' };
  const rightCol: ValueColumn = { id: 'right', x: right.x, x2: right.x2, label: '支出决算数' };
  const { leftLabels, rightLabels, values } = splitSides(body, s.boundary, cells);
  const colOf = assignColumns(values, [leftCol, rightCol]);
  const leftOut = readLabelRows({
    labels: leftLabels,
    values: values.filter((v) => colOf.get(v) === leftCol),
    columns: [{ ...leftCol, id: 'amount' }],
    rowStarts: Object.values(T1_LEFT).flat(),
    unit: ctx.unit,
  });
  const rightOut = readLabelRows({
    labels: rightLabels,
    values: values.filter((v) => colOf.get(v) === rightCol),
    columns: [{ ...rightCol, id: 'amount' }],
    rowStarts: Object.values(T1_RIGHT).flat(),
    unit: ctx.unit,
  });
  problems.push(...leftOut.problems, ...rightOut.problems);
  const rows: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const seen = new Set<string>();
  const push = (key: { row?: string; code?: string }, r: RowRead) => {
    const k = key.row ?? key.code ?? '';
    if (seen.has(k)) {
      problems.push(`第 ${r.page} 页「${r.label}」重复出现`);
      return;
    }
    seen.add(k);
    const c = r.cells.get('amount');
    if (c?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
    const row: DataRow = { ...key, name: key.code ? labelKey(r.label) : r.label };
    row['amount'] = c && !c.placeholder ? amountText(c) : '0';
    rows.push(row);
    evidence.set(k, { page: r.page, text: r.label });
  };
  for (const r of leftOut.rows) {
    const id = matchLabel(r.label, T1_LEFT);
    if (id) push({ row: id }, r);
    else if (r.cells.size > 0) problems.push(`第 ${r.page} 页收入方「${r.label}」不是表一的收入项目`);
    else notes.push(`第 ${r.page} 页收入方「${r.label}」未读取`);
  }
  for (const r of rightOut.rows) {
    const id = matchLabel(r.label, T1_RIGHT);
    if (id) {
      push({ row: id }, r);
      continue;
    }
    const code = classCode(r.label, ctx);
    if (code) push({ code }, r);
    else if (r.cells.size > 0)
      problems.push(`第 ${r.page} 页支出方「${r.label}」找不到对应的支出功能分类类级科目`);
    else notes.push(`第 ${r.page} 页支出方「${r.label}」未读取`);
  }
  return { rows, evidence, problems, notes };
}

function readT4(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l, T4_STARTS));
  const cells = headerCells(header);
  const s = sides(cells, /^(?:合计|小计|一般公共预算|政府性基金|国有资本经营)/);
  if (!s?.left) {
    problems.push('表头中找不到收入方的「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const rightCols: ValueColumn[] = [];
  for (const c of s.rightCols) {
    const id = /^(?:合计|小计)/.test(c.norm)
      ? 'total'
      : FUND_KIND_PREFIX.find(([, p]) => c.norm.startsWith(p))?.[0];
    if (!id) continue;
    if (rightCols.some((x) => x.id === id)) {
      problems.push(`支出方表头有两列都像「${c.text}」`);
      continue;
    }
    rightCols.push({ id, x: c.x, x2: c.x2, label: c.text });
  }
  if (rightCols.length === 0) {
    problems.push('表头中找不到支出方的合计和三类财政拨款列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const leftCol: ValueColumn = { id: 'left', x: s.left.x, x2: s.left.x2, label: '收入决算数' };
  const { leftLabels, rightLabels, values } = splitSides(body, s.boundary, cells);
  const colOf = assignColumns(values, [leftCol, ...rightCols]);
  const leftOut = readLabelRows({
    labels: leftLabels,
    values: values.filter((v) => colOf.get(v) === leftCol),
    columns: [{ ...leftCol, id: 'amount' }],
    rowStarts: T4_STARTS,
    unit: ctx.unit,
  });
  const rightOut = readLabelRows({
    labels: rightLabels,
    values: values.filter((v) => colOf.get(v) !== leftCol),
    columns: rightCols,
    rowStarts: T4_STARTS,
    unit: ctx.unit,
  });
  problems.push(...leftOut.problems, ...rightOut.problems);
  const printed = new Set(rightCols.map((c) => c.id));
  const byKey = new Map<string, DataRow>();
  const order: string[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const rowFor = (key: string, base: DataRow, r: RowRead): DataRow => {
    let row = byKey.get(key);
    if (!row) {
      row = { ...base };
      byKey.set(key, row);
      order.push(key);
      evidence.set(key, { page: r.page, text: r.label });
    }
    return row;
  };
  const setByFigure = new Set<string>();
  const setCell = (row: DataRow, col: string, r: RowRead, c: CellRead | undefined) => {
    if (c?.placeholder) {
      problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
      return;
    }
    const key = `${String(row['row'] ?? row['code'])}.${col}`;
    if (c === undefined) {
      if (row[col] === undefined) row[col] = '0';
      return;
    }
    if (setByFigure.has(key)) {
      problems.push(`第 ${r.page} 页「${r.label}」与上面的行重复`);
      return;
    }
    setByFigure.add(key);
    row[col] = amountText(c);
  };
  // Income side: the three kinds (of 本年收入, then of 年初结转和结余), 本年收入合计, 年初…, 总计.
  let afterOpening = false;
  for (const r of leftOut.rows) {
    const k = labelKey(r.label);
    const c = r.cells.get('amount');
    const kind = FUND_KIND_PREFIX.find(([, p]) => k.startsWith(p))?.[0];
    if (kind) {
      const key = afterOpening ? 'openingCarryover' : 'incomeTotal';
      setCell(rowFor(key, { row: key }, r), kind, r, c);
    } else if (/^本年收入合计$|^收入合计$/.test(k)) {
      setCell(rowFor('incomeTotal', { row: 'incomeTotal' }, r), 'total', r, c);
    } else if (/^年初/.test(k)) {
      afterOpening = true;
      setCell(rowFor('openingCarryover', { row: 'openingCarryover' }, r), 'total', r, c);
    } else if (/^(?:收入)?总计$/.test(k)) {
      setCell(rowFor('incomeGrandTotal', { row: 'incomeGrandTotal' }, r), 'total', r, c);
    } else if (r.cells.size > 0) problems.push(`第 ${r.page} 页收入方「${r.label}」不是表四的收入项目`);
    else notes.push(`第 ${r.page} 页收入方「${r.label}」未读取`);
  }
  // Expenditure side: function 类, 本年支出合计, 年末…, 总计 with the four columns.
  let afterClosing = false;
  const fourColumns = (key: string, base: DataRow, r: RowRead) => {
    const row = rowFor(key, base, r);
    for (const col of printed) setCell(row, col, r, r.cells.get(col));
    applyPartsUnknown(row, r, printed, notes);
  };
  for (const r of rightOut.rows) {
    const k = labelKey(r.label);
    const kind = FUND_KIND_PREFIX.find(([, p]) => k.startsWith(p))?.[0];
    if (afterClosing && kind) {
      // 年末结转和结余 by kind on rows of their own: the figure is in the kind's column or in 合计.
      const c = r.cells.get(kind) ?? r.cells.get('total');
      if (c) setCell(rowFor('closingCarryover', { row: 'closingCarryover' }, r), kind, r, c);
    } else if (/^本年支出合计$|^支出合计$/.test(k))
      fourColumns('expenditureTotal', { row: 'expenditureTotal' }, r);
    else if (/^年末/.test(k)) {
      afterClosing = true;
      fourColumns('closingCarryover', { row: 'closingCarryover' }, r);
    } else if (/^(?:支出)?总计$/.test(k))
      fourColumns('expenditureGrandTotal', { row: 'expenditureGrandTotal' }, r);
    else {
      const code = classCode(r.label, ctx);
      if (code) fourColumns(code, { code, name: k }, r);
      else if (r.cells.size > 0)
        problems.push(`第 ${r.page} 页支出方「${r.label}」找不到对应的支出功能分类类级科目`);
      else notes.push(`第 ${r.page} 页支出方「${r.label}」未读取`);
    }
  }
  // Order as the model expects: fixed income rows, classes, fixed expenditure rows.
  const rows = order.map((k) => byKey.get(k)!);
  return { rows, evidence, problems, notes };
}

/** 表四 rows printing 合计 but none of the three kinds: the kinds are not printed (unknown). */
function applyPartsUnknown(row: DataRow, r: RowRead, printed: ReadonlySet<string>, notes: string[]): void {
  const total = r.cells.get('total');
  if (!total?.fen) return;
  if (T4_FUND_COLUMNS.some((k) => r.cells.has(k)) || !T4_FUND_COLUMNS.some((k) => printed.has(k))) return;
  for (const k of T4_FUND_COLUMNS) delete row[k];
  notes.push(`第 ${r.page} 页「${r.label}」行只有合计，三类财政拨款列空白，按未列示（未知）读取`);
}

function readT7(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const starts = ['合计', '因公出国', '公务用车', '其中', '公务接待', '小计'];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const leaves = cells.filter((c) => !isParentCell(c, cells));
  const which = (c: HeaderCell): 'budget' | 'final' | undefined =>
    /决算/.test(c.norm) ? 'final' : /预算/.test(c.norm) ? 'budget' : undefined;
  const whichLeaves = leaves.filter((c) => which(c) !== undefined).sort((a, b) => a.x - b.x);
  const itemLeaves = leaves.filter((c) => t7Item(c.norm) !== undefined).sort((a, b) => a.x - b.x);
  const centre = (c: { x: number; x2: number }) => (c.x + c.x2) / 2;
  const columns: ValueColumn[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  if (whichLeaves.length >= 4) {
    // Items over pairs of 预算数 | 决算数.
    const itemCells = cells.filter((c) => t7Item(c.norm) !== undefined);
    const lowest = itemCells.filter(
      (c) => !itemCells.some((d) => d !== c && d.y > c.y2 + 2 && overlap(c, d) > 0),
    );
    for (let i = 0; i + 1 < whichLeaves.length; i += 2) {
      const a = whichLeaves[i]!;
      const b = whichLeaves[i + 1]!;
      const span = { x: a.x, x2: b.x2 };
      const item = [...lowest].sort(
        (p, q) => Math.abs(centre(p) - centre(span)) - Math.abs(centre(q) - centre(span)),
      )[0];
      const id = item ? t7Item(item.norm) : undefined;
      if (!id || which(a) === which(b)) {
        problems.push('表七表头的预算数、决算数无法与项目对应');
        break;
      }
      columns.push({ id: `${id}.${which(a)!}`, x: a.x, x2: a.x2, label: `${item!.text}${a.text}` });
      columns.push({ id: `${id}.${which(b)!}`, x: b.x, x2: b.x2, label: `${item!.text}${b.text}` });
    }
  } else if (itemLeaves.length >= 4) {
    // 预算数 | 决算数 over the items.
    const groups = cells.filter((c) => which(c) !== undefined);
    for (const leaf of itemLeaves) {
      const g = [...groups]
        .filter((c) => c.y2 < leaf.y)
        .sort((p, q) => Math.abs(centre(p) - centre(leaf)) - Math.abs(centre(q) - centre(leaf)))[0];
      if (!g) {
        problems.push('表七表头的项目无法与预算数、决算数对应');
        break;
      }
      columns.push({
        id: `${t7Item(leaf.norm)!}.${which(g)!}`,
        x: leaf.x,
        x2: leaf.x2,
        label: `${g.text}${leaf.text}`,
      });
    }
  } else {
    // Items as rows, 预算数 and 决算数 as columns.
    const cols = leaves.filter((c) => which(c) !== undefined);
    const valueCols: ValueColumn[] = cols.map((c) => ({ id: which(c)!, x: c.x, x2: c.x2, label: c.text }));
    if (valueCols.length === 0) {
      problems.push('表七表头中找不到预算数、决算数');
      return { rows: [], evidence, problems, notes };
    }
    const labelRight = Math.min(...valueCols.map((c) => c.x)) - 1;
    const out = readLabelRows({
      labels: body.filter((t) => t.kind === 'text' && (t.x + t.x2) / 2 < labelRight),
      values: body.filter((t) => t.kind !== 'text'),
      columns: valueCols,
      rowStarts: starts,
      unit: ctx.unit,
    });
    problems.push(...out.problems);
    const rows: DataRow[] = [];
    for (const r of out.rows) {
      const id = t7Item(labelKey(r.label));
      if (!id) {
        if (r.cells.size > 0) problems.push(`第 ${r.page} 页「${r.label}」不是表七的项目`);
        continue;
      }
      const row: DataRow = { row: id };
      for (const c of valueCols) {
        const cell = r.cells.get(c.id);
        if (cell?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${cell.text}」`);
        else row[c.id] = cell ? amountText(cell) : '0';
      }
      rows.push(row);
      evidence.set(id, { page: r.page, text: r.label });
    }
    return { rows, evidence, problems, notes };
  }
  if (problems.length > 0) return { rows: [], evidence, problems, notes };
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.id)) problems.push(`表七表头有两列都是「${c.label}」`);
    seen.add(c.id);
  }
  const values = body.filter((t) => t.kind !== 'text');
  const texts = body.filter((t) => t.kind === 'text');
  if (texts.length > 0)
    notes.push(
      `表七数字行中的文字未读取：${texts
        .map((t) => t.text)
        .slice(0, 5)
        .join('、')}`,
    );
  const ys = [...new Set(values.map((v) => `${v.page}:${Math.round(v.y / 3)}`))];
  const first = values[0];
  if (first && values.some((v) => v.page !== first.page || Math.abs(v.y - first.y) > 0.6 * v.h)) {
    problems.push(`表七有 ${ys.length} 行数字，应只有一行`);
    return { rows: [], evidence, problems, notes };
  }
  const colOf = assignColumns(values, columns);
  const byItem = new Map<string, DataRow>();
  for (const c of columns) {
    const [item] = c.id.split('.');
    if (!byItem.has(item!)) byItem.set(item!, { row: item });
  }
  for (const v of values) {
    const c = colOf.get(v);
    if (!c) continue;
    const [item, w] = c.id.split('.') as [string, string];
    const row = byItem.get(item)!;
    if (row[w] !== undefined) {
      problems.push(`表七「${c.label}」有两个数`);
      continue;
    }
    if (v.kind === 'placeholder') {
      problems.push(`表七「${c.label}」是占位符「${v.text}」`);
      continue;
    }
    row[w] = amountText({ text: v.text, dash: v.kind === 'dash' });
  }
  const rows: DataRow[] = [];
  for (const item of T7_ITEMS) {
    const row = byItem.get(item);
    if (!row) continue;
    for (const c of columns) {
      const [it, w] = c.id.split('.') as [string, string];
      if (it === item && row[w] === undefined) row[w] = '0';
    }
    rows.push(row);
    if (first)
      evidence.set(item, {
        page: first.page,
        text: columns.find((c) => c.id.startsWith(item))?.label ?? item,
      });
  }
  return { rows, evidence, problems, notes };
}

const rulesCache = new Map<TableId, Rule[]>();
function identityRules(id: TableId): Rule[] {
  let rules = rulesCache.get(id);
  if (!rules) {
    rules = TABLE_IDENTITY_RULES[id].map((r) => {
      const rule = ruleById(r);
      if (!rule) throw new Error(`规则 ${r} 不存在`);
      return rule;
    });
    rulesCache.set(id, rules);
  }
  return rules;
}

/** The model of one table: loads it alone and runs its identity rules; problems when it does not balance. */
function checkTable(
  id: TableId,
  read: TableRead,
  ctx: Context,
): { model?: Disclosure; problems: string[]; unchecked?: boolean } {
  let decimals = 0;
  for (const r of read.rows) {
    for (const v of Object.values(r)) {
      if (typeof v !== 'string') continue;
      const m = /\.(\d+)$/.exec(v);
      if (m && /^[-\d.,()]+$/.test(v)) decimals = Math.max(decimals, m[1]!.length);
    }
  }
  let model: Disclosure;
  try {
    model = disclosureFromData({
      format: FORMAT_ID,
      year: ctx.year,
      amountUnit: ctx.unit,
      decimals: Math.max(decimals, 2),
      unit: { name: '（审查读取）', kind: '行政' },
      tables: { [id]: { rows: read.rows } },
    });
  } catch (e) {
    if (e instanceof JuesuanError)
      return {
        problems: [e.message, ...e.problems.slice(0, 3).map((p) => `${p.path ?? ''} ${p.message}`.trim())],
      };
    throw e;
  }
  const rules = identityRules(id);
  const outcome = runRules(model, rules);
  const failed = outcome.findings.filter((f) => f.severity !== 'info' && f.kind !== 'rounding');
  return { model, problems: failed.map((f) => f.message), unchecked: outcome.notRun.length === rules.length };
}

function classNameIndex(year: number): Map<string, string> {
  const years = builtinYears('function');
  const nearest = [...years].sort((a, b) => Math.abs(a - year) - Math.abs(b - year));
  const out = new Map<string, string>();
  for (const y of nearest) {
    const cat: Catalogue | undefined = builtinCatalogue('function', y);
    if (!cat) continue;
    for (const e of cat.entries.values()) {
      if (e.level !== '类') continue;
      const k = fold(e.name);
      if (!out.has(k)) out.set(k, e.code);
    }
  }
  return out;
}

/** The report year from the document ("2024 年度"), for the classification catalogue. */
function documentYear(lines: readonly TokenLine[]): number | undefined {
  for (const l of lines.slice(0, 200)) {
    const m = /(20\d{2})年度/.exec(l.norm);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function placeholdersOf(loc: LocatedTable): Token[] {
  return loc.lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'placeholder'));
}

function extractOne(loc: LocatedTable, ctx: Context): ExtractedTable {
  const base: ExtractedTable = { id: loc.id, title: loc.title, pages: loc.pages, status: 'unreadable' };
  if (loc.statement !== undefined) base.statement = loc.statement;
  const figures = loc.lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'amount'));
  const nonZero = figures.filter((t) => !/^[-+(]?[0.,]+\)?$/.test(normaliseNumberText(t.text)));
  const placeholders = placeholdersOf(loc);
  if (nonZero.length === 0 && (figures.length === 0 || loc.statement !== undefined)) {
    if (loc.statement !== undefined) return { ...base, status: 'empty', reason: loc.statement };
    if (placeholders.length > 0)
      return {
        ...base,
        status: 'unreadable',
        reason: `表中只有占位符（${[...new Set(placeholders.map((t) => t.text))].slice(0, 3).join('、')}），没有金额`,
      };
    return { ...base, status: 'empty', reason: '表中没有金额，也没有空表说明' };
  }
  let read: TableRead;
  switch (loc.id) {
    case 't1':
      read = readT1(loc, ctx);
      break;
    case 't4':
      read = readT4(loc, ctx);
      break;
    case 't6':
      read = readT6(loc, ctx);
      break;
    case 't7':
      read = readT7(loc, ctx);
      break;
    default:
      read = readClassified(loc, ctx);
  }
  const notes = [...read.notes];
  if (loc.statement !== undefined) notes.push(`表中有金额，但表下写有空表说明：${loc.statement}`);
  if (read.problems.length === 0 && read.rows.length === 0) read.problems.push('没有读到任何行');
  if (read.problems.length > 0) return withNotes({ ...base, reason: summarise(read.problems) }, notes);
  const checked = checkTable(loc.id, read, ctx);
  if (checked.problems.length > 0 || !checked.model)
    return withNotes({ ...base, reason: `表内关系不平衡，可能读错：${summarise(checked.problems)}` }, notes);
  if (checked.unchecked) notes.push('表中没有可以互相核对的数（缺少明细或合计），读出的数未经表内关系核对');
  const table = checked.model.tables[loc.id];
  const rows: NonNullable<ExtractedTable['rows']> = table.rows.map((r) => {
    const out: NonNullable<ExtractedTable['rows']>[number] = { key: r.key, name: r.name, cells: r.values };
    if (r.code !== undefined) out.code = r.code;
    if (r.budget) out.budget = r.budget;
    const ev = read.evidence.get(r.key);
    if (ev) out.evidence = ev;
    return out;
  });
  return withNotes({ ...base, status: 'read', rows }, notes);
}

function withNotes(t: ExtractedTable, notes: readonly string[]): ExtractedTable {
  if (notes.length > 0) t.notes = [...new Set(notes)];
  return t;
}

function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('；');
  return problems.length > 3 ? `${shown}；另有 ${problems.length - 3} 处` : shown;
}

/**
 * The nine tables of a publication, in order t1 … t9: 'read' with rows keyed as in the model when the
 * table's own identities balance; 'empty' for a table published empty (with its statement); 'unreadable'
 * with the reason; 'missing' when its title is not found. `year` selects the classification catalogue
 * (表一、表四 print 类 names without codes); by default the year in the document.
 */
export function extractTables(doc: TextDocument, year?: number): ExtractedTable[] {
  try {
    return extractAll(doc, year);
  } catch (e) {
    // A bug must not stop the audit: every table is reported unreadable with the cause.
    return TABLE_IDS.map((id) => ({
      id,
      title: TABLE_SPECS[id].name,
      pages: [],
      status: 'unreadable',
      reason: `读取表格时出错：${(e as Error).message}`,
    }));
  }
}

function extractAll(doc: TextDocument, year: number | undefined): ExtractedTable[] {
  const positioned = hasPositions(doc);
  const lines = positioned ? documentLines(doc) : plainLines(doc);
  const y = year ?? documentYear(lines) ?? new Date().getFullYear() - 1;
  const ctx: Context = { unit: '万元', year: y, classNames: classNameIndex(y) };
  const found = locateTables(lines);
  return TABLE_IDS.map((id): ExtractedTable => {
    const loc = found.get(id);
    const name = TABLE_SPECS[id].name;
    if (!loc) return { id, title: name, pages: [], status: 'missing', reason: `没有找到《${name}》` };
    if (!positioned) {
      const t: ExtractedTable = { id, title: loc.title, pages: loc.pages, status: 'unreadable' };
      if (loc.statement !== undefined)
        return { ...t, status: 'empty', reason: loc.statement, statement: loc.statement };
      return { ...t, reason: '文档没有文字位置（不是 PDF），无法按版面重建表格' };
    }
    try {
      return extractOne(loc, { ...ctx, unit: loc.unit });
    } catch (e) {
      return {
        id,
        title: loc.title,
        pages: loc.pages,
        status: 'unreadable',
        reason: `读取时出错：${(e as Error).message}`,
      };
    }
  });
}
