/**
 * 第二部分 部门决算情况说明 (DOMAIN.md §6): each section's sentences filled from the model with the
 * profile's templates. Figures come from the tables; shares, changes and rates are computed from the
 * stated figures; reasons come from the data or show a visible placeholder.
 */
import { catalogueName } from '../classification/catalogue.ts';
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { Fen } from '../money/amount.ts';
import { glossaryName, shortName, spokenName } from '../glossary/glossary.ts';
import { VEHICLE_CATEGORIES, type Disclosure, type Row, type Table } from '../model/disclosure.ts';
import type { RuleSettings } from '../profiles/rule-settings.ts';
import type { Block, Run } from './document.ts';
import type { ReportProfile } from './profile.ts';
import { fill, fillText, hasTemplate, joinRuns, type SlotValue } from './template.ts';
import {
  amountText,
  budgetComparisonRuns,
  changePhrase,
  completionText,
  insertText,
  reasonRuns,
  shareText,
  varianceRateText,
} from './wording.ts';

export interface NarrativeContext {
  d: Disclosure;
  profile: ReportProfile;
  catalogues: CatalogueSet;
  settings: RuleSettings;
}

const MISSING: Run[] = [{ text: '【数据未提供】', placeholder: true }];

/** An amount slot: the worded amount, or a visible placeholder when the figure is unknown. */
function amt(fen: Fen | undefined): SlotValue {
  return fen === undefined ? MISSING : amountText(fen);
}

function val(t: Table, key: string, col: string): Fen | undefined {
  return t.byKey.get(key)?.values[col];
}

function prior(t: Table, key: string, col: string): Fen | undefined {
  return t.byKey.get(key)?.prior?.[col];
}

function budget(t: Table, key: string, col: string): Fen | undefined {
  return t.byKey.get(key)?.budget?.[col];
}

class Out {
  blocks: Block[] = [];
  constructor(
    private readonly profile: ReportProfile,
    /** Slots every sentence may use: {year}, {priorYear}, {unit}. */
    private readonly common: Record<string, SlotValue> = {},
  ) {}
  heading(level: 1 | 2 | 3, key: string): void {
    const text = fillText(this.profile, key, this.common);
    if (text !== undefined) this.blocks.push({ type: 'heading', level, text });
  }
  para(key: string, ...parts: (Run[] | undefined)[]): void {
    const runs = parts.filter((p): p is Run[] => p !== undefined).flat();
    if (runs.length > 0) this.blocks.push({ type: 'paragraph', key, runs });
  }
  fill(key: string, vars: Record<string, SlotValue>): Run[] | undefined {
    return fill(this.profile, key, { ...this.common, ...vars });
  }
}

/** A comparison clause, or undefined when either figure is unknown (nothing can be said). */
function compare(
  o: Out,
  key: string,
  current: Fen | undefined,
  base: Fen | undefined,
  reason: string | undefined,
  ctx: NarrativeContext,
  extra: Record<string, SlotValue> = {},
): Run[] | undefined {
  if (current === undefined || base === undefined) return undefined;
  return o.fill(key, {
    change: changePhrase(current, base, ctx.profile),
    reason: reasonRuns(reason, ctx.profile),
    ...extra,
  });
}

/** Slots every sentence may use. */
function common(ctx: NarrativeContext): Record<string, SlotValue> {
  return { year: String(ctx.d.year), priorYear: String(ctx.d.year - 1), unit: ctx.d.unit.name };
}

function overview(o: Out, ctx: NarrativeContext, year: string): void {
  const t1 = ctx.d.tables.t1;
  const a = (k: string) => val(t1, k, 'amount');
  o.heading(2, 'overview.heading');
  const igt = t1.byKey.get('incomeGrandTotal');
  // Some profiles state income and expenditure totals as one figure (收入支出总计).
  const grand = o.fill('overview.grandTotal', {
    ...common(ctx),
    grandTotal: amt(a('incomeGrandTotal')),
    change:
      a('incomeGrandTotal') === undefined || prior(t1, 'incomeGrandTotal', 'amount') === undefined
        ? MISSING
        : changePhrase(a('incomeGrandTotal')!, prior(t1, 'incomeGrandTotal', 'amount')!, ctx.profile),
    reason: reasonRuns(igt?.reasons?.prior, ctx.profile),
  });
  if (grand) {
    o.para('overview.grandTotal', grand);
    return;
  }
  o.para(
    'overview.income',
    o.fill('overview.income', {
      ...common(ctx),
      year,
      incomeGrandTotal: amt(a('incomeGrandTotal')),
      incomeTotal: amt(a('incomeTotal')),
      useOfNonFiscalBalance: amt(a('useOfNonFiscalBalance')),
      openingCarryover: amt(a('openingCarryover')),
    }),
    compare(
      o,
      'overview.income.compare',
      a('incomeGrandTotal'),
      prior(t1, 'incomeGrandTotal', 'amount'),
      igt?.reasons?.prior,
      ctx,
    ),
  );
  const egt = t1.byKey.get('expenditureGrandTotal');
  o.para(
    'overview.expenditure',
    o.fill('overview.expenditure', {
      year,
      expenditureGrandTotal: amt(a('expenditureGrandTotal')),
      expenditureTotal: amt(a('expenditureTotal')),
      surplusDistribution: amt(a('surplusDistribution')),
      closingCarryover: amt(a('closingCarryover')),
    }),
    compare(
      o,
      'overview.expenditure.compare',
      a('expenditureGrandTotal'),
      prior(t1, 'expenditureGrandTotal', 'amount'),
      egt?.reasons?.prior,
      ctx,
    ),
  );
}

/** 收入 by kind: the three 财政拨款 rows of 表一 together are 财政拨款收入. */
const INCOME_ITEMS: readonly (readonly [string, readonly string[]])[] = [
  [glossaryName('fiscalIncome'), ['generalBudget', 'governmentFund', 'stateCapital']],
  [glossaryName('superiorSubsidy'), ['superiorSubsidy']],
  [glossaryName('businessIncome'), ['businessIncome']],
  [glossaryName('operatingIncome'), ['operatingIncome']],
  [glossaryName('subsidiaryRemittance'), ['subsidiaryRemittance']],
  [glossaryName('otherIncome'), ['otherIncome']],
];

function sumOf(values: (Fen | undefined)[]): Fen | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

function income(o: Out, ctx: NarrativeContext, year: string): void {
  const t1 = ctx.d.tables.t1;
  const total = val(t1, 'incomeTotal', 'amount');
  o.heading(2, 'income.heading');
  const items: Run[][] = [];
  for (const [name, keys] of INCOME_ITEMS) {
    const v = sumOf(keys.map((k) => val(t1, k, 'amount')));
    const r = o.fill('income.item', {
      name,
      amount: amt(v),
      share: v === undefined || total === undefined ? MISSING : shareText(v, total, ctx.profile),
    });
    if (r) items.push(r);
  }
  o.para(
    'income.total',
    o.fill('income.total', { year, incomeTotal: amt(total), items: joinRuns(items, '；') }),
  );
}

const EXPENDITURE_ITEMS: readonly (readonly [string, string])[] = [
  [glossaryName('basicExpenditure'), 'basic'],
  [glossaryName('projectExpenditure'), 'project'],
  [glossaryName('remittanceToSuperior'), 'remittance'],
  [glossaryName('operatingExpenditure'), 'operating'],
  [glossaryName('subsidiaryGrant'), 'subsidiaryGrant'],
];

function expenditure(o: Out, ctx: NarrativeContext, year: string): void {
  const t3 = ctx.d.tables.t3;
  const total = val(t3, 'total', 'total') ?? val(ctx.d.tables.t1, 'expenditureTotal', 'amount');
  o.heading(2, 'expenditure.heading');
  const items: Run[][] = [];
  for (const [name, col] of EXPENDITURE_ITEMS) {
    const v = val(t3, 'total', col);
    const r = o.fill('expenditure.item', {
      name,
      amount: amt(v),
      share: v === undefined || total === undefined ? MISSING : shareText(v, total, ctx.profile),
    });
    if (r) items.push(r);
  }
  o.para(
    'expenditure.total',
    o.fill('expenditure.total', { year, expenditureTotal: amt(total), items: joinRuns(items, '；') }),
  );
}

function fiscal(o: Out, ctx: NarrativeContext, year: string): void {
  const t4 = ctx.d.tables.t4;
  o.heading(2, 'fiscal.heading');
  const igt = t4.byKey.get('incomeGrandTotal');
  const egt = t4.byKey.get('expenditureGrandTotal');
  o.para(
    'fiscal.income',
    o.fill('fiscal.income', {
      year,
      incomeGrandTotal: amt(val(t4, 'incomeGrandTotal', 'total')),
      opening: amt(val(t4, 'openingCarryover', 'total')),
      income: amt(val(t4, 'incomeTotal', 'total')),
    }),
    compare(
      o,
      'fiscal.income.compare',
      val(t4, 'incomeGrandTotal', 'total'),
      prior(t4, 'incomeGrandTotal', 'total'),
      igt?.reasons?.prior,
      ctx,
    ),
  );
  o.para(
    'fiscal.expenditure',
    o.fill('fiscal.expenditure', {
      expenditureGrandTotal: amt(val(t4, 'expenditureGrandTotal', 'total')),
      closing: amt(val(t4, 'closingCarryover', 'total')),
      expenditure: amt(val(t4, 'expenditureTotal', 'total')),
    }),
    compare(
      o,
      'fiscal.expenditure.compare',
      val(t4, 'expenditureGrandTotal', 'total'),
      prior(t4, 'expenditureGrandTotal', 'total'),
      egt?.reasons?.prior,
      ctx,
    ),
  );
  const budgetClause = (key: string, row: Row | undefined): Run[] | undefined => {
    const b = row?.budget?.['total'];
    const f = row?.values['total'];
    if (b === undefined || f === undefined) return undefined;
    return o.fill(key, {
      budget: amountText(b),
      amount: amountText(f),
      rate: varianceRateText(f, b, ctx.profile),
      reason: reasonRuns(row?.reasons?.budget, ctx.profile),
    });
  };
  const bi = budgetClause('fiscal.budget.income', igt);
  const be = budgetClause('fiscal.budget.expenditure', egt);
  if (bi || be) o.para('fiscal.budget', o.fill('fiscal.budget.lead', {}), bi, be);
}

/** Name of a function code: the table's name, else the catalogue's. */
function codeName(ctx: NarrativeContext, table: Table, code: string): string {
  const n = table.byKey.get(code)?.name;
  if (n) return n;
  return catalogueName(ctx.catalogues.function, code) ?? code;
}

/** Budget comparison slots: {budget}, {completion} (完成年初预算的 x%), {varianceRate}, {budgetComparison}. */
function budgetSlots(
  finalAmount: Fen | undefined,
  b: Fen | undefined,
  reason: string | undefined,
  ctx: NarrativeContext,
): Record<string, SlotValue> {
  if (finalAmount === undefined || b === undefined)
    return { budget: MISSING, completion: MISSING, varianceRate: MISSING, budgetComparison: MISSING };
  return {
    budget: amountText(b),
    completion: completionText(finalAmount, b, ctx.profile),
    varianceRate: varianceRateText(finalAmount, b, ctx.profile),
    budgetComparison: budgetComparisonRuns(finalAmount, b, reason, ctx.profile),
  };
}

function general(o: Out, ctx: NarrativeContext, year: string): void {
  o.heading(2, 'general.heading');
  generalTotal(o, ctx, year);
  generalStructure(o, ctx);
  generalItems(o, ctx);
}

/** （一）总体情况: the total, its share of all spending, its change and its budget comparison. */
function generalTotal(o: Out, ctx: NarrativeContext, year: string): void {
  const t5 = ctx.d.tables.t5;
  const total = val(t5, 'total', 'total');
  const expenditureTotal =
    val(ctx.d.tables.t1, 'expenditureTotal', 'amount') ?? val(ctx.d.tables.t3, 'total', 'total');
  o.heading(3, 'general.total.heading');
  const totalRow = t5.byKey.get('total');
  const p = prior(t5, 'total', 'total');
  o.para(
    'general.total',
    o.fill('general.total', {
      ...common(ctx),
      ...budgetSlots(total, budget(t5, 'total', 'total'), totalRow?.reasons?.budget, ctx),
      year,
      amount: amt(total),
      share:
        total === undefined || expenditureTotal === undefined
          ? MISSING
          : shareText(total, expenditureTotal, ctx.profile),
      change: total === undefined || p === undefined ? MISSING : changePhrase(total, p, ctx.profile),
      reason: reasonRuns(totalRow?.reasons?.prior, ctx.profile),
    }),
  );
}

/** （二）结构情况: each non-zero 类 with its share, as one list or one paragraph each, as the profile words it. */
function generalStructure(o: Out, ctx: NarrativeContext): void {
  const t5 = ctx.d.tables.t5;
  const total = val(t5, 'total', 'total');
  o.heading(3, 'general.structure.heading');
  const classes = t5.rows.filter((r) => r.level === '类' && (r.values['total'] ?? 0) !== 0);
  if (o.fill('general.structure.list', { ...common(ctx), amount: '', items: '' }) !== undefined) {
    // Nothing spent and no 类 listed: no list to give (never “主要用于以下方面：。”).
    if (classes.length === 0 && total === 0) return;
    const items = classes.map((r) => {
      const v = r.values['total'];
      return (
        o.fill('general.structure.listItem', {
          name: codeName(ctx, t5, r.code!),
          amount: amt(v),
          share: v === undefined || total === undefined ? MISSING : shareText(v, total, ctx.profile),
        }) ?? []
      );
    });
    o.para(
      'general.structure.item',
      o.fill('general.structure.list', {
        ...common(ctx),
        amount: amt(total),
        // No 类 rows in 表五 (the table not given): a gap to fill, not an empty list.
        items: classes.length === 0 ? MISSING : joinRuns(items, '；'),
      }),
    );
  } else
    classes.forEach((r, i) => {
      const v = r.values['total'];
      o.para(
        'general.structure.item',
        o.fill('general.structure.item', {
          n: String(i + 1),
          name: codeName(ctx, t5, r.code!),
          amount: amt(v),
          share: v === undefined || total === undefined ? MISSING : shareText(v, total, ctx.profile),
        }),
      );
    });
}

/** （三）具体情况: the total against its budget, then every 项 non-zero in either year. */
function generalItems(o: Out, ctx: NarrativeContext): void {
  const t5 = ctx.d.tables.t5;
  const total = val(t5, 'total', 'total');
  const totalRow = t5.byKey.get('total');
  o.heading(3, 'general.items.heading');
  const tb = budget(t5, 'total', 'total');
  o.para(
    'general.items.total',
    o.fill('general.items.total', {
      ...common(ctx),
      ...budgetSlots(total, tb, totalRow?.reasons?.budget, ctx),
      amount: amt(total),
    }),
  );
  // Every 项 non-zero in either year: this year's first, in code order, then those only last year had.
  const items = t5.rows.filter(
    (r) => r.level === '项' && ((r.values['total'] ?? 0) !== 0 || (r.prior?.['total'] ?? 0) !== 0),
  );
  const ordered = [
    ...items.filter((r) => (r.values['total'] ?? 0) !== 0),
    ...items.filter((r) => (r.values['total'] ?? 0) === 0),
  ];
  ordered.forEach((r, i) => {
    const code = r.code!;
    const v = r.values['total'];
    const pv = r.prior?.['total'];
    const names = {
      ...common(ctx),
      ...budgetSlots(v, r.budget?.['total'], r.reasons?.budget, ctx),
      n: String(i + 1),
      className: codeName(ctx, t5, code.slice(0, 3)),
      sectionName: codeName(ctx, t5, code.slice(0, 5)),
      itemName: r.name || codeName(ctx, t5, code),
      amount: amt(v),
    };
    const usesPrior = /\{(change|reason)\}/.test(ctx.profile.templates['general.item'] ?? '');
    if (usesPrior && (pv === undefined || v === undefined)) {
      o.para('general.item', o.fill('general.item.noPrior', names));
      return;
    }
    if (pv === undefined || v === undefined) {
      o.para(
        'general.item',
        o.fill('general.item', {
          ...names,
          change: MISSING,
          reason: reasonRuns(r.reasons?.prior, ctx.profile),
        }),
      );
      return;
    }
    o.para(
      'general.item',
      o.fill('general.item', {
        ...names,
        change: changePhrase(v, pv, ctx.profile, 'item'),
        reason: reasonRuns(r.reasons?.prior, ctx.profile),
      }),
    );
  });
}

function basic(o: Out, ctx: NarrativeContext, year: string): void {
  const t6 = ctx.d.tables.t6;
  const t5 = ctx.d.tables.t5;
  o.heading(2, 'basic.heading');
  const personnel = val(t6, 'personnelTotal', 'amount');
  const pub = val(t6, 'publicTotal', 'amount');
  const names = (classes: readonly string[]) =>
    t6.rows
      .filter(
        (r) =>
          r.level === '款' &&
          r.code !== undefined &&
          classes.includes(r.code.slice(0, 3)) &&
          (r.values['amount'] ?? 1) !== 0,
      )
      .map((r) => r.name);
  const pNames = names(ctx.settings.personnelClasses);
  const gNames = names(ctx.settings.publicClasses);
  o.para(
    'basic.total',
    o.fill('basic.total', { year, amount: amt(val(t5, 'total', 'basic')) }),
    pNames.length > 0
      ? o.fill('basic.personnel', { amount: amt(personnel), items: pNames.join('、') })
      : o.fill('basic.personnel.noItems', { amount: amt(personnel) }),
    gNames.length > 0
      ? o.fill('basic.public', { amount: amt(pub), items: gNames.join('、') })
      : o.fill('basic.public.noItems', { amount: amt(pub) }),
  );
}

const T7_ITEMS: readonly (readonly [string, string])[] = [
  [spokenName('abroad'), 'abroad'],
  [spokenName('vehicle'), 'vehicle'],
  [spokenName('reception'), 'reception'],
];
/** The budget comparison names each item by its short form, as the seed does (公务用车运行费). */
const T7_BUDGET_ITEMS: readonly (readonly [string, string])[] = [
  [shortName('abroad'), 'abroad'],
  [shortName('vehiclePurchase'), 'vehiclePurchase'],
  [shortName('vehicleOperation'), 'vehicleOperation'],
  [shortName('reception'), 'reception'],
];

function threePublic(o: Out, ctx: NarrativeContext, year: string): void {
  o.heading(2, 'threePublic.heading');
  threePublicTotal(o, ctx, year);
  threePublicItems(o, ctx);
  threePublicBudget(o, ctx);
}

/** The total, its change, and each item's amount, share and change. */
function threePublicTotal(o: Out, ctx: NarrativeContext, year: string): void {
  const t7 = ctx.d.tables.t7;
  const total = val(t7, 'total', 'final');
  const items: Run[][] = [];
  for (const [name, key] of T7_ITEMS) {
    const v = val(t7, key, 'final');
    const pv = prior(t7, key, 'final');
    const r = o.fill('threePublic.item', {
      name,
      amount: amt(v),
      share: v === undefined || total === undefined ? MISSING : shareText(v, total, ctx.profile),
      change: v === undefined || pv === undefined ? MISSING : changePhrase(v, pv, ctx.profile),
      reason: reasonRuns(t7.byKey.get(key)?.reasons?.prior, ctx.profile),
    });
    if (r) items.push(r);
  }
  const tp0 = prior(t7, 'total', 'final');
  o.para(
    'threePublic.total',
    o.fill('threePublic.total', {
      year,
      amount: amt(total),
      change: total === undefined || tp0 === undefined ? MISSING : changePhrase(total, tp0, ctx.profile),
      reason: reasonRuns(t7.byKey.get('total')?.reasons?.prior, ctx.profile),
      items: joinRuns(items, '；'),
    }),
  );
}

/** 因公出国（境）, 公务用车 and 公务接待, each with what it paid for and its counts. */
function threePublicItems(o: Out, ctx: NarrativeContext): void {
  const t7 = ctx.d.tables.t7;
  const tp = ctx.d.threePublic;
  const count = (n: number | undefined) => (n === undefined ? MISSING : String(n));
  // An item that is zero and whose content the data leaves out (or states as just "无") takes the profile's `.none`
  // sentence, where it has one: "开支内容包括无" says nothing.
  const key = (item: string, fen: Fen | undefined, content: string | undefined) =>
    fen === 0 && /^\s*(无|没有)?[。.]?\s*$/u.test(content ?? '') && hasTemplate(ctx.profile, `${item}.none`)
      ? `${item}.none`
      : item;
  o.para(
    'threePublic.abroad',
    o.fill(key('threePublic.abroad', val(t7, 'abroad', 'final'), tp.abroadContent), {
      amount: amt(val(t7, 'abroad', 'final')),
      content: insertText(tp.abroadContent, '无'),
      groups: count(tp.abroadGroups),
      people: count(tp.abroadPeople),
    }),
  );
  o.para(
    'threePublic.vehicle',
    o.fill(key('threePublic.vehicle', val(t7, 'vehicleOperation', 'final'), tp.vehicleOperationContent), {
      amount: amt(val(t7, 'vehicle', 'final')),
      purchase: amt(val(t7, 'vehiclePurchase', 'final')),
      operation: amt(val(t7, 'vehicleOperation', 'final')),
      content: insertText(tp.vehicleOperationContent, '无'),
      purchased: count(tp.vehiclesPurchased),
      held: count(tp.vehiclesHeld),
    }),
  );
  o.para(
    'threePublic.reception',
    o.fill(key('threePublic.reception', val(t7, 'reception', 'final'), tp.receptionContent), {
      amount: amt(val(t7, 'reception', 'final')),
      content: insertText(tp.receptionContent, '无'),
      batches: count(tp.receptionBatches),
      people: count(tp.receptionPeople),
    }),
  );
}

/** The final figures against the budget, the total's and each item's. */
function threePublicBudget(o: Out, ctx: NarrativeContext): void {
  const t7 = ctx.d.tables.t7;
  const total = val(t7, 'total', 'final');
  const bItems: Run[][] = [];
  for (const [name, key] of T7_BUDGET_ITEMS) {
    const b = val(t7, key, 'budget');
    const f = val(t7, key, 'final');
    if (b === undefined || f === undefined) continue;
    const r = o.fill('threePublic.budget.item', {
      name,
      budget: amountText(b),
      amount: amountText(f),
      rate: varianceRateText(f, b, ctx.profile),
      reason: reasonRuns(t7.byKey.get(key)?.reasons?.budget, ctx.profile),
    });
    if (r) bItems.push(r);
  }
  const tb = val(t7, 'total', 'budget');
  if (tb !== undefined && total !== undefined) {
    o.para(
      'threePublic.budget',
      o.fill('threePublic.budget', {
        budget: amountText(tb),
        amount: amountText(total),
        rate: varianceRateText(total, tb, ctx.profile),
        reason: reasonRuns(t7.byKey.get('total')?.reasons?.budget, ctx.profile),
        items: joinRuns(bItems, '；'),
      }),
    );
  }
}

function hasAmounts(t: Table): boolean {
  return t.rows.some((r) => Object.values(r.values).some((v) => v !== undefined && v !== 0));
}

function fundSection(
  o: Out,
  ctx: NarrativeContext,
  year: string,
  table: Table,
  prefix: 'fund' | 'capital',
): void {
  o.heading(2, `${prefix}.heading`);
  if (!hasAmounts(table)) {
    const stated = table.emptyStatement?.trim();
    o.para(`${prefix}.empty`, stated ? [{ text: stated }] : o.fill(`${prefix}.empty`, {}));
    return;
  }
  o.para(
    `${prefix}.total`,
    o.fill(`${prefix}.total`, {
      year,
      income: amt(val(table, 'total', 'income')),
      expenditure: amt(val(table, 'total', 'expenditure')),
      opening: amt(val(table, 'total', 'opening')),
      closing: amt(val(table, 'total', 'closing')),
    }),
  );
}

const VEHICLE_NAMES: readonly (readonly [string, string])[] = VEHICLE_CATEGORIES.map((c) => [
  c,
  glossaryName(`vehicles.${c}`),
]);

function otherMatters(o: Out, ctx: NarrativeContext, year: string): void {
  o.heading(2, 'other.heading');
  adminCostSection(o, ctx, year);
  procurementSection(o, ctx, year);
  assetsSection(o, ctx, year);
}

/** 机关运行经费: the amount (an administrative unit's 公用经费 when not stated) and its change. */
function adminCostSection(o: Out, ctx: NarrativeContext, year: string): void {
  const d = ctx.d;
  o.heading(3, 'adminCost.heading');
  const ac = d.adminCost;
  const key = d.unit.kind === '事业' ? 'adminCost.institution' : 'adminCost.administrative';
  const acAmount =
    ac?.amount ?? (d.unit.kind !== '事业' ? val(d.tables.t6, 'publicTotal', 'amount') : undefined);
  o.para(
    'adminCost',
    o.fill(key, {
      year,
      unit: d.unit.name,
      amount: amt(acAmount),
      change:
        acAmount === undefined || ac?.prior === undefined
          ? MISSING
          : changePhrase(acAmount, ac.prior, ctx.profile),
      reason: reasonRuns(ac?.reasons?.prior, ctx.profile),
    }),
  );
}

/** 政府采购: the total by kind and the share awarded to small and medium enterprises, or the empty statement. */
function procurementSection(o: Out, ctx: NarrativeContext, year: string): void {
  const d = ctx.d;
  o.heading(3, 'procurement.heading');
  const p = d.procurement;
  if (!p || (p.total ?? 0) === 0) {
    o.para(
      'procurement.empty',
      p?.emptyStatement ? [{ text: p.emptyStatement }] : o.fill('procurement.empty', { year }),
    );
  } else {
    o.para(
      'procurement.total',
      o.fill('procurement.total', {
        year,
        total: amt(p.total),
        goods: amt(p.goods),
        works: amt(p.works),
        services: amt(p.services),
      }),
    );
    if (p.sme !== undefined) {
      o.para(
        'procurement.sme',
        o.fill('procurement.sme', {
          sme: amt(p.sme),
          smeShare: p.total === undefined ? MISSING : shareText(p.sme, p.total, ctx.profile),
          smallMicro: amt(p.smallMicro),
          smallMicroShare:
            p.smallMicro === undefined || p.total === undefined
              ? MISSING
              : shareText(p.smallMicro, p.total, ctx.profile),
        }),
      );
    }
  }
}

/** 国有资产占有使用情况: fixed assets, buildings, vehicles by category and large equipment. */
function assetsSection(o: Out, ctx: NarrativeContext, year: string): void {
  const d = ctx.d;
  o.heading(3, 'assets.heading');
  const a = d.assets;
  if (a) {
    const cat = a.vehicles?.byCategory ?? {};
    const categories = joinRuns(
      VEHICLE_NAMES.map(
        ([k, name]) =>
          o.fill('assets.category', { name, count: String(cat[k as keyof typeof cat] ?? 0) }) ?? [],
      ),
      '、',
    );
    o.para(
      'assets.total',
      o.fill('assets.total', {
        year,
        fixedAssets: amt(a.fixedAssetsOriginal),
        buildingArea: a.buildingArea ?? '0',
        buildingValue: amt(a.buildingValue ?? 0),
        vehicles: String(a.vehicles?.total ?? 0),
        vehicleValue: amt(a.vehicles?.value ?? 0),
        categories,
        otherNote: insertText(a.vehicles?.otherNote, '无'),
        equipment: String(a.equipmentOver1m ?? 0),
      }),
    );
  }
}

function performance(o: Out, ctx: NarrativeContext, year: string): void {
  const p = ctx.d.performance;
  o.heading(2, 'performance.heading');
  if (!p || (p.evaluatedProjects ?? p.projects.length) === 0) {
    o.para('performance.none', o.fill('performance.none', { year }));
    return;
  }
  const sumFunds = (f: 'annualBudget' | 'executed') => sumOf(p.projects.map((x) => x.funds.total[f]));
  o.para(
    'performance.total',
    o.fill('performance.total', {
      year,
      count: String(p.evaluatedProjects ?? p.projects.length),
      budget: amt(p.budgetTotal ?? sumFunds('annualBudget')),
      executed: amt(p.executedTotal ?? sumFunds('executed')),
    }),
    p.text ? [{ text: p.text.trim() }] : undefined,
  );
}

/** The narrative part: sections 一 to 十一 in the profile's wording. */
export function buildNarrative(ctx: NarrativeContext): Block[] {
  const o = new Out(ctx.profile, common(ctx));
  const year = String(ctx.d.year);
  const sections: Record<(typeof ctx.profile.narrativeOrder)[number], () => void> = {
    overview: () => overview(o, ctx, year),
    income: () => income(o, ctx, year),
    expenditure: () => expenditure(o, ctx, year),
    fiscal: () => fiscal(o, ctx, year),
    general: () => general(o, ctx, year),
    basic: () => basic(o, ctx, year),
    threePublic: () => threePublic(o, ctx, year),
    fund: () => fundSection(o, ctx, year, ctx.d.tables.t8, 'fund'),
    capital: () => fundSection(o, ctx, year, ctx.d.tables.t9, 'capital'),
    other: () => otherMatters(o, ctx, year),
    performance: () => performance(o, ctx, year),
  };
  for (const s of ctx.profile.narrativeOrder) sections[s]();
  return o.blocks;
}
