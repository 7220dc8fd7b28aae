/** The editor's data helpers (ui/editor/model.ts): amounts as typed or pasted, live totals, row order, merging after a 409. */
import { describe, expect, it } from 'vitest';
import {
  commentColumnOf,
  commentColumnProp,
  commentNamesColumn,
  commentRowName,
  gridColumns,
  groupedAmount,
  hundredths,
  insertCodeRow,
  liveTotals,
  mergeOnto,
  normaliseAmount,
  setPath,
  setValue,
  shiftDecimal,
  yuanText,
  yuanToStored,
  type RowData,
} from '../ui/editor/model.ts';

describe('editor model', () => {
  it('shows amounts with thousands separators, leaving other text as it is', () => {
    expect(groupedAmount('2940.05')).toBe('2,940.05');
    expect(groupedAmount('1234567')).toBe('1,234,567');
    expect(groupedAmount('-1000.5')).toBe('-1,000.5');
    expect(groupedAmount('999.99')).toBe('999.99');
    expect(groupedAmount('0.00')).toBe('0.00');
    expect(groupedAmount('')).toBe('');
    expect(groupedAmount(undefined)).toBe('');
    expect(groupedAmount('未提供')).toBe('未提供');
    expect(groupedAmount('12a')).toBe('12a');
  });
  it('takes amounts as exact text the way people type or paste them from Excel', () => {
    expect(normaliseAmount('1,234.50')).toEqual({ ok: true, value: '1234.50' });
    expect(normaliseAmount('１２.３')).toEqual({ ok: true, value: '12.3' });
    expect(normaliseAmount(' 360.44 万元')).toEqual({ ok: true, value: '360.44' });
    expect(normaliseAmount('(3.58)')).toEqual({ ok: true, value: '-3.58' });
    expect(normaliseAmount('007.10')).toEqual({ ok: true, value: '7.10' });
    // Empty or 未提供 is "not given", not zero.
    for (const blank of ['', '未提供', undefined])
      expect(normaliseAmount(blank)).toEqual({ ok: true, value: undefined });
    expect(normaliseAmount('约 5 万')).toMatchObject({ ok: false, text: '约 5 万' });
    expect(normaliseAmount('1.2.3').ok).toBe(false);
  });

  it('reads a dash as 0 (as core reads a workbook), refuses another unit, flags extra decimals', () => {
    // Excel's accounting format prints 0 as "-": core's workbook import reads it as 0; so does the grid.
    for (const dash of ['-', '—', '－', '--'])
      expect(normaliseAmount(dash)).toMatchObject({
        ok: true,
        value: '0',
        hint: expect.stringContaining('按 0 填入'),
      });
    // 1234元 in a 万元 table is 0.1234 万元, not 1234 万元: refused, saying so.
    const yuan = normaliseAmount('1234元', { unit: '万元' });
    expect(yuan.ok).toBe(false);
    expect(!yuan.ok && yuan.message).toContain('1234 元 = 0.1234 万元');
    expect(normaliseAmount('1234元', { unit: '元' })).toEqual({ ok: true, value: '1234' });
    expect(normaliseAmount('3万元', { unit: '元' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('30000 元'),
    });
    // More decimals than the data's `decimals`: kept exactly, with a warning.
    expect(normaliseAmount('5.295', { decimals: 2 })).toMatchObject({
      ok: true,
      value: '5.295',
      hint: expect.stringContaining('有 3 位小数，本表金额保留 2 位小数'),
    });
    expect(normaliseAmount('5.2951', { decimals: 4 })).toEqual({ ok: true, value: '5.2951' });
  });

  it('adds the top code rows in hundredths, never in binary floats', () => {
    expect(hundredths('0.1')! + hundredths('0.2')!).toBe(30);
    const rows: RowData[] = [
      { row: 'total', total: '214.73' },
      { code: '201', total: '190.62' },
      { code: '20104', total: '190.62' },
      { code: '2010450', total: '100.85' },
      { code: '208', total: '8.91' },
      { code: '210', total: '7.00' },
      { code: '221', total: '8.20' },
      { code: '2230101', total: '0.10', prior: { total: '0.05' } },
    ];
    // 2230101's parents are not listed: it counts at the top, as core's 合计 rule counts it.
    expect(liveTotals(rows, ['total', 'prior.total'])).toEqual({ total: '214.83', 'prior.total': '0.05' });
    expect(liveTotals([{ row: 'total', amount: '1' }], ['amount'])).toBeNull();
  });

  it('puts a new code row under its parent, fixed rows where they are', () => {
    const rows: RowData[] = [
      { row: 'total' },
      { code: '208' },
      { code: '20805' },
      { code: '2080505' },
      { code: '210' },
    ];
    expect(insertCodeRow(rows, { code: '2080599' })).toBe(4);
    expect(insertCodeRow(rows, { code: '221' })).toBe(6);
    expect(rows.map((r) => r.row ?? r.code)).toEqual([
      'total',
      '208',
      '20805',
      '2080505',
      '2080599',
      '210',
      '221',
    ]);
  });

  it('shows 上年 columns for the first column and any the data gives, 年初预算 where the table compares with it', () => {
    const spec = {
      id: 't5',
      number: '表五',
      name: '一般公共预算财政拨款支出决算表',
      columns: [
        { id: 'total', label: '合计' },
        { id: 'basic', label: '基本支出' },
        { id: 'project', label: '项目支出' },
      ],
      fixedRows: [{ id: 'total', label: '合计' }],
    };
    const cols = gridColumns(spec, { rows: [{ row: 'total', prior: { basic: '1' } }] }).map((c) => c.prop);
    // The standard wording of the published tables, never 合计（上年决算数） or 决算数（上年决算数）.
    expect(gridColumns(spec, { rows: [] }).map((c) => c.label)).toContain('上年决算数（合计）');
    expect(
      gridColumns(
        {
          id: 't1',
          number: '表一',
          name: '收入支出决算总表',
          columns: [{ id: 'amount', label: '决算数' }],
          fixedRows: [],
        },
        { rows: [] },
      ).map((c) => c.label),
    ).toEqual(['本年决算数', '上年决算数', '年初预算数']);
    expect(cols).toEqual(['total', 'basic', 'project', 'prior.total', 'prior.basic', 'initialBudget.total']);
  });

  it('merges one’s own edits onto the newer version; both sides kept, overlaps listed', () => {
    const base = {
      tables: { t5: { rows: [{ code: '2010450', total: '100.85', prior: { total: '91.73' } }] } },
    };
    const theirs = structuredClone(base);
    theirs.tables.t5.rows[0]!.prior.total = '91.74';
    const mine = structuredClone(base) as Record<string, unknown> & typeof base;
    (mine.tables.t5.rows[0] as Record<string, unknown>)['total'] = '100.86';
    setPath(mine, 'tables.t5.rows[0].reasons.prior', '调薪');
    const m = mergeOnto(base, mine, theirs);
    expect(m.data).toEqual({
      tables: {
        t5: {
          rows: [{ code: '2010450', total: '100.86', prior: { total: '91.74' }, reasons: { prior: '调薪' } }],
        },
      },
    });
    expect(m.overlapping).toEqual([]);
    const clash = structuredClone(base);
    clash.tables.t5.rows[0]!.prior.total = '90.00';
    expect(mergeOnto(base, clash, theirs).overlapping).toEqual(['tables.t5.rows.0.prior.total']);
  });

  it('takes amounts outside the tables in 元 and stores them in the file’s unit, exactly', () => {
    expect(shiftDecimal('1284000.00', -4)).toBe('128.4');
    expect(shiftDecimal('1234.56', -4)).toBe('0.123456');
    expect(shiftDecimal('0.123456', 4)).toBe('1234.56');
    expect(shiftDecimal('-0.00', 4)).toBe('0');
    expect(shiftDecimal('7', 8)).toBe('700000000');
    // 0.1 + 0.2 in binary floats is 0.30000000000000004; shifted text stays exact.
    expect(yuanToStored('3000.3', '万元')).toEqual({ ok: true, value: '0.30003' });
    expect(yuanToStored('1,284,000.00 元', '万元')).toEqual({ ok: true, value: '128.4' });
    expect(yuanToStored('１２.５', '元')).toEqual({ ok: true, value: '12.5' });
    expect(yuanToStored('', '万元')).toEqual({ ok: true, value: undefined });
    expect(yuanToStored('约五万', '万元').ok).toBe(false);
    // Finer than 1 分 or negative goes on as written: the server's check names it beside the field.
    expect(yuanToStored('0.001', '万元')).toEqual({ ok: true, value: '0.0000001' });
    expect(yuanToStored('-5', '万元')).toEqual({ ok: true, value: '-0.0005' });
    expect(yuanText('128.40', '万元')).toBe('1284000.00');
    expect(yuanText('360.44万元', '元')).toBe('3604400.00');
    expect(yuanText(17.7, '万元')).toBe('177000.00');
    expect(yuanText('0.0000001', '万元')).toBe('0.001');
    expect(yuanText(undefined, '万元')).toBe('');
    expect(yuanText('abc', '万元')).toBe('abc');
    // Round trip: what is shown is what is stored.
    for (const v of ['0.01', '467.55', '1095', '0.000001'])
      expect(yuanToStored(yuanText(v, '万元'), '万元')).toEqual({
        ok: true,
        value: v.replace(/\.?0+$/, '') || '0',
      });
  });

  it('writes and removes values at data paths with lists on the way', () => {
    const d: Record<string, unknown> = {};
    setValue(d, 'performance.projects[0].funds.total.executed', '1.5');
    expect(d).toEqual({ performance: { projects: [{ funds: { total: { executed: '1.5' } } }] } });
    setValue(d, 'performance.projects[0].funds.total.executed', undefined);
    expect(d).toEqual({ performance: { projects: [{ funds: { total: {} } }] } });
    setValue(d, 'assets.vehicles.total', undefined);
    expect(d['assets']).toBeUndefined();
  });

  it('points a comment at a cell by names, including the 上年决算数 and 年初预算数 columns', () => {
    const spec = {
      id: 't5',
      number: '表五',
      name: '一般公共预算财政拨款支出决算表',
      columns: [
        { id: 'total', label: '合计' },
        { id: 'basic', label: '基本支出' },
      ],
      fixedRows: [{ id: 'total', label: '合计' }],
    };
    const table = { rows: [{ row: 'total' }, { code: '2010101', name: '行政运行' }] };
    // A finding's row id / code and column id become what the dialog offers, and back.
    expect(commentRowName(spec, table, 'total')).toBe('合计');
    expect(commentRowName(spec, table, '2010101')).toBe('2010101 行政运行');
    expect(commentRowName(spec, table, '2999999')).toBe('2999999');
    expect(commentColumnProp(spec, 'basic', undefined)).toBe('basic');
    expect(commentColumnProp(spec, 'basic', 'prior')).toBe('prior.basic');
    expect(commentColumnProp(spec, '合计', 'budget')).toBe('initialBudget.total');
    expect(commentColumnProp(spec, undefined, 'prior')).toBe('');
    expect(commentColumnOf(spec, 'prior.basic')).toEqual({ column: '基本支出', which: 'prior' });
    expect(commentColumnOf(spec, 'initialBudget.total')).toEqual({ column: '合计', which: 'budget' });
    expect(commentColumnOf(spec, 'total')).toEqual({ column: '合计' });
    expect(commentColumnOf(spec, '')).toEqual({});
    // Which grid columns a location names: the 上年 one only when it says so.
    const basic = spec.columns[1]!;
    expect(commentNamesColumn({ column: '基本支出', which: 'prior' }, basic, 'prior')).toBe(true);
    expect(commentNamesColumn({ column: '基本支出', which: 'prior' }, basic, undefined)).toBe(false);
    expect(commentNamesColumn({ column: '基本支出' }, basic, undefined)).toBe(true);
    expect(commentNamesColumn({ column: 'basic' }, basic, undefined)).toBe(true);
    expect(commentNamesColumn({ column: '合计' }, basic, undefined)).toBe(false);
    expect(commentNamesColumn({}, basic, undefined)).toBe(true);
  });
});
