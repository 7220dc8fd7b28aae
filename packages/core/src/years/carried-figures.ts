/**
 * The figures carried from one year to the next, compared (DOMAIN.md §5, last line): this year's
 * 年初结转和结余 against last year's 年末结转和结余, and each 上年数 this year states against the figure
 * last year published. Kept apart from the spreadsheet code: the rule catalogue runs it.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { disclosureFromData } from '../model/load.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { TABLE_IDS, TABLE_SPECS, columnLabel, type TableId } from '../model/tables.ts';
import { formatAmount, type Fen } from '../money/amount.ts';
import type { Finding, Location, MessageData } from '../rules/types.ts';
import { fillTemplate } from '../rules/messages.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Where last year's figures come from: a data file, or a model (e.g. rebuilt by audit). */
export type PreviousYear = Obj | Disclosure;

export function asModel(x: PreviousYear, file?: string): Disclosure {
  if (
    isObj(x) &&
    isObj(x['tables']) &&
    isObj((x['tables'] as Obj)['t1']) &&
    'byKey' in ((x['tables'] as Obj)['t1'] as Obj)
  )
    return x as unknown as Disclosure;
  return disclosureFromData(x, file !== undefined ? { file } : {});
}

export interface ContinuityOptions {
  /** Names for the two sources in messages (file names by default). */
  currentName?: string;
  previousName?: string;
}

function loc(
  d: Disclosure,
  table: TableId,
  row: Row,
  col: string,
  which: 'value' | 'prior',
  sourceName: string,
): Location {
  const spec = TABLE_SPECS[table];
  const single = spec.columns.length === 1;
  const rowText = row.code ? `「${row.code}${row.name ? ' ' + row.name : ''}」` : `「${row.name}」`;
  const src = which === 'value' ? row.cellSources?.[col] : row.cellSources?.[`prior.${col}`];
  const line = src?.line ?? row.source?.line;
  const value = which === 'value' ? row.values[col] : row.prior?.[col];
  const l: Location = {
    table,
    row: row.key,
    column: col,
    label: `${sourceName}（${d.year} 年度）${spec.number}${rowText}行${single ? '' : `「${columnLabel(table, col)}」列`}${which === 'prior' ? '（上年决算数）' : ''}`,
  };
  if (which !== 'value') l.which = which;
  if (line !== undefined) l.line = line;
  if (value !== undefined) l.value = formatAmount(value, { unit: d.amountUnit, decimals: d.decimals });
  return l;
}

/**
 * The figures carried between the two years, checked: this year's 年初结转和结余 against last year's
 * 年末结转和结余 (T1; T4 per fund; T8/T9 per row), and each 上年数 this year states against last year's
 * figure. Findings name both sources. Exact comparison in 分, with the rounding tolerance of the two
 * printed figures (DOMAIN.md §2): within it the finding is an info note.
 */
export function checkCarriedFigures(
  current: Disclosure,
  previous: PreviousYear,
  options: ContinuityOptions = {},
): Finding[] {
  return compareCarriedFigures(current, previous, options).findings;
}

/** The rules that compare two years, by id. */
export type CarriedRuleId = 'carryover-previous-year' | 'prior-year-figure';

/** Templates of the carried-figure findings, in the meta of both carried-figure rules. */
export const CARRIED_MESSAGES = {
  differs: '{what}：{current} {a}，{previous} {b}，相差 {difference} {unit}',
  'differs-rounding': '{what}：{current} {a}，{previous} {b}，相差 {difference} {unit}，在四舍五入允许范围内',
  'admin-cost-prior': '机关运行经费的上年数应等于上年公开的决算数：{current} {a}，{previous} {b}',
} as const;

/** A finding's message and template id, filled in now (the findings are plain data). */
function carriedMessage(
  messageId: keyof typeof CARRIED_MESSAGES,
  data: MessageData,
): { message: string; messageId: string } {
  return { message: fillTemplate(CARRIED_MESSAGES[messageId], data), messageId };
}

/** One comparison of two years: the two models, their names in messages, and what was found and compared. */
class CarriedComparison {
  readonly findings: Finding[] = [];
  readonly compared: Record<CarriedRuleId, number> = { 'carryover-previous-year': 0, 'prior-year-figure': 0 };
  /** The rounding tolerance of the two printed figures (DOMAIN.md §2). */
  private readonly tol: Fen;

  constructor(
    private readonly current: Disclosure,
    private readonly prev: Disclosure,
    private readonly curName: string,
    private readonly prevName: string,
  ) {
    this.tol = current.halfStepFen + prev.halfStepFen;
  }

  private f(v: Fen): string {
    return formatAmount(v, { unit: this.current.amountUnit, decimals: this.current.decimals });
  }

  /** This year's figure (a value or a stated 上年数) against last year's value; a finding when they differ. */
  compare(
    rule: CarriedRuleId,
    table: TableId,
    cur: Row,
    curCol: string,
    curWhich: 'value' | 'prior',
    old: Row,
    oldCol: string,
    what: string,
  ): void {
    const a = curWhich === 'value' ? cur.values[curCol] : cur.prior?.[curCol];
    const b = old.values[oldCol];
    if (a === undefined || b === undefined) return;
    this.compared[rule]++;
    if (a === b) return;
    const diff = a - b;
    const rounding = Math.abs(diff) <= this.tol;
    const finding: Finding = {
      rule,
      severity: rounding ? 'info' : curWhich === 'value' ? 'error' : 'warning',
      category: 'carryover',
      ...carriedMessage(rounding ? 'differs-rounding' : 'differs', {
        what,
        current: this.curName,
        a: this.f(a),
        previous: this.prevName,
        b: this.f(b),
        difference: `${diff > 0 ? '+' : ''}${this.f(diff)}`,
        unit: this.current.amountUnit,
      }),
      location: [
        loc(this.current, table, cur, curCol, curWhich, this.curName),
        loc(this.prev, table, old, oldCol, 'value', this.prevName),
      ],
      expected: this.f(b),
      actual: this.f(a),
      difference: `${diff > 0 ? '+' : ''}${this.f(diff)}`,
    };
    if (rounding) finding.kind = 'rounding';
    this.findings.push(finding);
  }

  /** This year's 年初结转和结余 against last year's 年末结转和结余: T1, T4 per fund, T8/T9 per row. */
  carryovers(): void {
    const { current, prev } = this;
    const o1 = current.tables.t1.byKey.get('openingCarryover');
    const c1 = prev.tables.t1.byKey.get('closingCarryover');
    if (o1 && c1)
      this.compare(
        'carryover-previous-year',
        't1',
        o1,
        'amount',
        'value',
        c1,
        'amount',
        '本年表一“年初结转和结余”应等于上年表一“年末结转和结余”',
      );
    const o4 = current.tables.t4.byKey.get('openingCarryover');
    const c4 = prev.tables.t4.byKey.get('closingCarryover');
    if (o4 && c4)
      for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
        this.compare(
          'carryover-previous-year',
          't4',
          o4,
          col,
          'value',
          c4,
          col,
          `本年表四“年初财政拨款结转和结余”（${columnLabel('t4', col)}）应等于上年表四“年末财政拨款结转和结余”`,
        );
    for (const id of ['t8', 't9'] as const)
      for (const row of current.tables[id].rows) {
        const old = prev.tables[id].byKey.get(row.key);
        if (old)
          this.compare(
            'carryover-previous-year',
            id,
            row,
            'opening',
            'value',
            old,
            'closing',
            `本年${TABLE_SPECS[id].number}“年初结转和结余”应等于上年“年末结转和结余”`,
          );
      }
  }

  /** Every 上年数 this year states, against the figure last year published. */
  priorFigures(): void {
    for (const id of TABLE_IDS)
      for (const row of this.current.tables[id].rows) {
        const old = this.prev.tables[id].byKey.get(row.key);
        if (!old || !row.prior) continue;
        for (const col of Object.keys(row.prior))
          this.compare(
            'prior-year-figure',
            id,
            row,
            col,
            'prior',
            old,
            col,
            `本年列出的上年数应等于上年公开的决算数`,
          );
      }
  }

  /** The 机关运行经费 上年数 against last year's 机关运行经费. */
  adminCost(): void {
    const { current, prev, curName, prevName, tol } = this;
    const ac = current.adminCost;
    const pac = prev.adminCost;
    if (ac?.prior !== undefined && pac?.amount !== undefined) this.compared['prior-year-figure']++;
    if (ac?.prior === undefined || pac?.amount === undefined || ac.prior === pac.amount) return;
    const diff = ac.prior - pac.amount;
    this.findings.push({
      rule: 'prior-year-figure',
      severity: Math.abs(diff) <= tol ? 'info' : 'warning',
      category: 'carryover',
      ...carriedMessage('admin-cost-prior', {
        current: curName,
        a: this.f(ac.prior),
        previous: prevName,
        b: this.f(pac.amount),
      }),
      location: [
        {
          field: 'adminCost.prior',
          label: `${curName}（${current.year} 年度）机关运行经费上年决算数`,
          value: this.f(ac.prior),
        },
        {
          field: 'adminCost.amount',
          label: `${prevName}（${prev.year} 年度）机关运行经费决算数`,
          value: this.f(pac.amount),
        },
      ],
      expected: this.f(pac.amount),
      actual: this.f(ac.prior),
      difference: `${diff > 0 ? '+' : ''}${this.f(diff)}`,
      ...(Math.abs(diff) <= tol ? { kind: 'rounding' as const } : {}),
    });
  }
}

/**
 * What `checkCarriedFigures` finds, with how many figure pairs each rule compared (the catalogue rules
 * carryover-previous-year and prior-year-figure report these; a rule that compared nothing did not run).
 */
export function compareCarriedFigures(
  current: Disclosure,
  previous: PreviousYear,
  options: ContinuityOptions = {},
): { findings: Finding[]; compared: Record<CarriedRuleId, number> } {
  const prev = asModel(previous);
  const curName = options.currentName ?? current.file ?? '本年数据';
  const prevName = options.previousName ?? prev.file ?? '上年数据';
  if (prev.year !== current.year - 1) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `上年数据是 ${prev.year} 年度的，本年是 ${current.year} 年度，不相邻`,
    );
  }
  const comparison = new CarriedComparison(current, prev, curName, prevName);
  comparison.carryovers();
  comparison.priorFigures();
  comparison.adminCost();
  return { findings: comparison.findings, compared: comparison.compared };
}
