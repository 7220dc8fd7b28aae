/**
 * What a built publication still lacks, and what in its data a reader would question (issue 8, "Summaries that
 * tell the truth"): the text still to be supplied (placeholders such as 【数据未提供】 or a missing reason), the
 * table cells whose figure the data does not give, figures written with more decimals than the data file declares
 * (printed rounded), and reasons whose wording runs against the change they explain. `juesuan build` prints these
 * as warnings with their places; `--strict` refuses to build while there are placeholders or unknown cells, and
 * `--check` lists them without building.
 */
import { formatAmount, stepFen, type Fen } from '../money/amount.ts';
import type { Disclosure, Reasons, Row, Table } from '../model/disclosure.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';
import type { DocTable, ParagraphBlock, ReportDocument } from './document.ts';
import { headerLabels, placeCells, rowLabelColumns } from './writers/table-grid.ts';

export interface Gap {
  /** Where, as a reader finds it: "第二部分 部门决算情况说明 › 一、收入支出决算总体情况说明". */
  place: string;
  /** The sentence (placeholders) or the cell and figure (tables) concerned. */
  text: string;
  /** The data file field that would fill it, where known: "tables.t5 code 2010450 basic". */
  field?: string;
}

export interface DocumentGaps {
  /** Text still to be supplied: each placeholder run of the narrative and the profile part. */
  placeholders: Gap[];
  /** Table cells printing a figure the data does not give. */
  unknownCells: Gap[];
}

/** Longest quote of a paragraph in a place. */
const QUOTE_MAX = 90;
const STOPS = ['。', '；', '！', '？'];

/**
 * The words that say where in a paragraph its first placeholder is: the paragraph's opening (which names the item,
 * "1.一般公共服务支出（类）…（项）"), and the sentence holding the placeholder when it comes later.
 */
function quoteOf(p: ParagraphBlock, runIndex: number): string {
  const text = p.runs.map((r) => r.text).join('');
  let start = 0;
  for (let i = 0; i < runIndex; i++) start += p.runs[i]!.text.length;
  const end = start + p.runs[runIndex]!.text.length;
  const before = text.slice(0, start);
  const from = Math.max(...STOPS.map((c) => before.lastIndexOf(c))) + 1;
  const stops = STOPS.map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  const to = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
  const cut = (t: string, n: number) => ([...t].length > n ? `${[...t].slice(0, n).join('')}…` : t);
  if (from === 0) return cut(text.slice(0, to), QUOTE_MAX);
  const firstStop = Math.min(...STOPS.map((c) => text.indexOf(c)).filter((i) => i >= 0), text.length);
  const opening = cut(text.slice(0, firstStop + 1), 40);
  return `${opening}${opening.endsWith('…') ? '' : '…'}${cut(text.slice(from, to), QUOTE_MAX - [...opening].length)}`;
}

/** A table's name as printed: "表五 一般公共预算财政拨款支出决算表", or the 自评表 with its project. */
export function tableName(t: DocTable): string {
  const name = [t.number, t.title].filter((s) => s !== '').join(' ');
  if (!t.id.startsWith('perf')) return name;
  const project = t.rows.find((r) => r.key === 'name')?.cells[1]?.text;
  return project ? `${name}（${project}）` : name;
}

function fieldOf(t: DocTable, ref: { row: string; column: string } | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (t.id.startsWith('perf')) {
    const n = Number(t.id.slice('perf-'.length)) - 1;
    const [, line] = ref.row.split('.');
    return `performance.projects[${n}].funds.${line ?? ref.row}.${ref.column}`;
  }
  const [from, col] = ref.column.startsWith('budget.')
    ? ['initialBudget.', ref.column.slice('budget.'.length)]
    : ref.column.startsWith('prior.')
      ? ['prior.', ref.column.slice('prior.'.length)]
      : ['', ref.column];
  const row = /^\d{3,7}$/.test(ref.row) ? `code ${ref.row}` : `row ${ref.row}`;
  return `tables.${t.id} ${row} ${from}${col}`;
}

function unknownCellsOf(t: DocTable): Gap[] {
  const out: Gap[] = [];
  const labels = t.header.length > 0 ? headerLabels(t) : t.columns.map((c) => c.key);
  const sideLabels = rowLabelColumns(t);
  const grid = placeCells(
    t.rows.map((r) => r.cells),
    t.columns.length,
  );
  t.rows.forEach((row, r) => {
    row.cells.forEach((cell) => {
      if (cell.unknown !== true) return;
      const slots = grid[r] ?? [];
      const col = slots.find((s) => s?.cell === cell && s.origin)?.col ?? -1;
      // The row is named by its label cells: the code and name columns before this figure's run of columns (one
      // per side in two-sided tables), or, in a form without header rows (绩效自评表), the first cell of the row.
      const names: string[] = [];
      const label = sideLabels[col];
      const labelCols =
        t.header.length > 0 && label !== undefined
          ? [...label.code, ...(label.name !== undefined ? [label.name] : [])]
          : [0];
      for (const c of labelCols) {
        const s = slots[c];
        const text = s !== undefined && s.cell.unknown !== true ? s.cell.text.trim() : '';
        if (text !== '' && names[names.length - 1] !== text) names.push(text);
      }
      const column = t.header.length > 0 ? labels[col] : undefined;
      const what = [names.length > 0 ? `「${names.join(' ')}」行` : '', column ? `「${column}」列` : '']
        .filter((s) => s !== '')
        .join('');
      const gap: Gap = { place: tableName(t), text: what || `第 ${r + 1} 行` };
      const field = fieldOf(t, cell.ref);
      if (field !== undefined) gap.field = field;
      out.push(gap);
    });
  });
  return out;
}

/** The placeholders and unknown table cells of a built document, in reading order. */
export function documentGaps(doc: ReportDocument): DocumentGaps {
  const placeholders: Gap[] = [];
  const unknownCells: Gap[] = [];
  const headings: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      headings.length = b.level - 1;
      headings[b.level - 1] = b.text;
    } else if (b.type === 'paragraph') {
      const first = b.runs.findIndex((r) => r.placeholder === true);
      if (first < 0) continue;
      // The section and subsection (the part's own heading only when there is no section heading); every
      // placeholder of a paragraph is placed by the same quote, so a summary can count them together.
      const named = headings.filter((h) => h !== undefined && h !== '');
      const place = (named.length > 1 ? named.slice(1) : named).join(' › ') || doc.title;
      const text = quoteOf(b, first);
      for (const r of b.runs) if (r.placeholder === true) placeholders.push({ place, text });
    } else if (b.type === 'table') unknownCells.push(...unknownCellsOf(b.table));
  }
  return { placeholders, unknownCells };
}

export interface DataWarning {
  kind: 'excess-decimals' | 'reason-direction';
  message: string;
  /** Field path in the data file, and its line where known. */
  field: string;
  line?: number;
}

const ROW_LABEL = (t: Table, r: Row) =>
  `${TABLE_SPECS[t.id].number}「${r.code !== undefined ? `${r.code} ` : ''}${r.name || r.key}」`;

function rowField(t: Table, r: Row): string {
  return `tables.${t.id} ${r.code !== undefined ? `code ${r.code}` : `row ${r.key}`}`;
}

/**
 * Amounts written with more decimals than the data file declares (`decimals`, default 2): the publication prints
 * them rounded to the declared places, which the officer should decide, not the printer.
 */
export function excessDecimals(d: Disclosure): DataWarning[] {
  const step = stepFen(d.amountUnit, d.decimals);
  if (step <= 1) return [];
  const out: DataWarning[] = [];
  const shown = (fen: Fen) => formatAmount(fen, { unit: d.amountUnit, decimals: 6 }).replace(/0+$/, '');
  const rounded = (fen: Fen) => formatAmount(fen, { unit: d.amountUnit, decimals: d.decimals });
  const check = (fen: Fen | undefined, label: string, field: string, line?: number) => {
    if (fen === undefined || fen % step === 0) return;
    const w: DataWarning = {
      kind: 'excess-decimals',
      message: `${label} 为 ${shown(fen)}${d.amountUnit}，小数位多于数据文件声明的 ${d.decimals} 位，公开文件将印为 ${rounded(fen)}；请在数据中写明应公开的数`,
      field,
    };
    if (line !== undefined) w.line = line;
    out.push(w);
  };
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    for (const r of t.rows) {
      const groups: [string, Record<string, Fen | undefined> | undefined, string][] = [
        ['', r.values, ''],
        ['prior.', r.prior, '上年数'],
        ['budget.', r.budget, '年初预算数'],
      ];
      for (const [prefix, values, what] of groups) {
        if (!values) continue;
        for (const [col, fen] of Object.entries(values)) {
          const colName = TABLE_SPECS[id].columns.find((c) => c.id === col)?.label ?? col;
          const src = r.cellSources?.[`${prefix}${col}`];
          check(
            fen,
            `${ROW_LABEL(t, r)}${what ? ` ${what}` : ''}「${colName}」`,
            src?.path ?? `${rowField(t, r)} ${prefix.replace('budget.', 'initialBudget.')}${col}`,
            src?.line,
          );
        }
      }
    }
  }
  const ac = d.adminCost;
  if (ac) {
    check(ac.amount, '机关运行经费', 'adminCost.amount', undefined);
    check(ac.prior, '机关运行经费上年数', 'adminCost.prior', undefined);
    check(ac.budget, '机关运行经费预算数', 'adminCost.budget', undefined);
  }
  const p = d.procurement;
  if (p) {
    const names = {
      total: '政府采购支出总额',
      goods: '政府采购货物支出',
      works: '政府采购工程支出',
      services: '政府采购服务支出',
    } as const;
    for (const [k, name] of Object.entries(names))
      check(p[k as keyof typeof names], name, `procurement.${k}`);
    check(p.sme, '授予中小企业合同金额', 'procurement.sme');
    check(p.smallMicro, '授予小微企业合同金额', 'procurement.smallMicro');
  }
  return out;
}

const INCREASE_WORDS = /增加|增长|新增|提高|上升|上涨|增多|增设|追加|扩大|增支|增幅|多支/u;
const DECREASE_WORDS = /减少|下降|降低|压减|减支|缩减|压缩|节约|取消|未安排|下调|减幅|少支|收回|退回/u;

/** Main column whose change a row's reasons explain. */
const MAIN_COLUMN: Readonly<Record<TableId, string>> = {
  t1: 'amount',
  t2: 'total',
  t3: 'total',
  t4: 'total',
  t5: 'total',
  t6: 'amount',
  t7: 'final',
  t8: 'expenditure',
  t9: 'expenditure',
};

function contradicts(reason: string | undefined, current: Fen | undefined, base: Fen | undefined): boolean {
  if (reason === undefined || current === undefined || base === undefined || current === base) return false;
  const up = INCREASE_WORDS.test(reason);
  const down = DECREASE_WORDS.test(reason);
  return current > base ? down && !up : up && !down;
}

/**
 * Reasons whose wording runs against the change they explain: a reason that speaks only of 减少 (压减, 下降 …) for
 * an increase, or only of 增加 (新增, 追加 …) for a decrease. A reason naming both directions is not flagged.
 */
export function reasonDirectionWarnings(d: Disclosure): DataWarning[] {
  const out: DataWarning[] = [];
  const warn = (
    label: string,
    against: '上年' | '年初预算',
    reason: string,
    current: Fen,
    base: Fen,
    field: string,
  ) => {
    const dir = current > base ? '增加' : '减少';
    const said = (current > base ? DECREASE_WORDS : INCREASE_WORDS).exec(reason)?.[0] ?? '';
    const compared = against === '上年' ? '与上年相比' : '与年初预算相比';
    out.push({
      kind: 'reason-direction',
      message: `${label}${compared}${dir}（${formatAmount(base)} → ${formatAmount(current)}），说明的原因却说“${said}”：「${reason.trim()}」`,
      field,
    });
  };
  const each = (
    reasons: Reasons | undefined,
    label: string,
    field: string,
    prior: [Fen | undefined, Fen | undefined],
    budget: [Fen | undefined, Fen | undefined],
  ) => {
    if (!reasons) return;
    if (contradicts(reasons.prior, prior[0], prior[1]))
      warn(label, '上年', reasons.prior!, prior[0]!, prior[1]!, `${field} reasons.prior`);
    if (contradicts(reasons.budget, budget[0], budget[1]))
      warn(label, '年初预算', reasons.budget!, budget[0]!, budget[1]!, `${field} reasons.budget`);
  };
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    const col = MAIN_COLUMN[id];
    for (const r of t.rows) {
      const budget: [Fen | undefined, Fen | undefined] =
        id === 't7' ? [r.values['final'], r.values['budget']] : [r.values[col], r.budget?.[col]];
      each(r.reasons, ROW_LABEL(t, r), rowField(t, r), [r.values[col], r.prior?.[col]], budget);
    }
  }
  const ac = d.adminCost;
  if (ac) each(ac.reasons, '机关运行经费', 'adminCost', [ac.amount, ac.prior], [ac.amount, ac.budget]);
  return out;
}

/** Every data warning of a build: excess decimals, then reasons against their change. */
export function dataWarnings(d: Disclosure): DataWarning[] {
  return [...excessDecimals(d), ...reasonDirectionWarnings(d)];
}
