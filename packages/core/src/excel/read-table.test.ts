/** Layout details of the table reader, each on a small sheet written by hand. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { disclosureFromData } from '../model/load.ts';
import { importWorkbook } from './import.ts';
import { splitCodeText } from './read-table.ts';
import { matchTableTitle } from './vocabulary.ts';

type Cells = (string | number | null)[][];

/** A workbook of sheets given as rows of cells; `merges` as "A1:C1". */
async function book(
  sheets: { name: string; rows: Cells; merges?: string[]; hiddenRows?: number[] }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        // "=…" is a formula saved without its result, as a program writes it.
        ws.getCell(i + 1, j + 1).value =
          typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const h of s.hiddenRows ?? []) ws.getRow(h).hidden = true;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const opts = { year: 2022, unit: { kind: '行政' as const, name: '甲单位' } };

describe('titles', () => {
  it('public names, the software’s names and regional variants', () => {
    expect(matchTableTitle('Z01 收入支出决算总表(财决01表)')).toMatchObject({ table: 't1', strong: true });
    expect(matchTableTitle('2022年度某某局部门收入支出决算总表')).toMatchObject({
      table: 't1',
      strong: true,
    });
    expect(matchTableTitle('财政拨款收入支出决算总表')?.table).toBe('t4');
    expect(matchTableTitle('表五  一般公共预算财政拨款支出决算表')?.table).toBe('t5');
    expect(matchTableTitle('一般公共预算财政拨款基本支出决算明细表')?.table).toBe('t6');
    expect(matchTableTitle('财政拨款“三公”经费支出决算表')?.table).toBe('t7');
    expect(matchTableTitle('国有资本经营预算财政拨款（收入）支出决算表')?.table).toBe('t9');
    expect(matchTableTitle('国有资本经营预算财政拨款支出决算表（续）')?.table).toBe('t9');
    expect(matchTableTitle('基本支出决算表')).toMatchObject({ table: 't3', strong: false });
    expect(matchTableTitle('注：本表反映部门本年度收入支出决算总表的情况。')).toBeUndefined();
    expect(matchTableTitle('收入')).toBeUndefined();
  });

  it('codes merged, bracketed, or spaced', () => {
    expect(splitCodeText('2010450 事业运行')).toEqual({ code: '2010450', rest: '事业运行' });
    expect(splitCodeText('[20104]发展与改革事务')).toEqual({ code: '20104', rest: '发展与改革事务' });
    expect(splitCodeText('201 04 50 事业运行')).toEqual({ code: '2010450', rest: '事业运行' });
    expect(splitCodeText('政府办公厅（室）及相关机构事务')).toEqual({
      rest: '政府办公厅（室）及相关机构事务',
    });
    expect(splitCodeText('2022年')).toEqual({ rest: '2022年' });
  });
});

describe('layouts', () => {
  it('T1 with 年初预算数 and 全年预算数 columns: the budget is read, 全年预算数 is reported as skipped', async () => {
    const bytes = await book([
      {
        name: '收入支出决算总表',
        rows: [
          ['收入支出决算总表', null, null, null],
          ['编制单位：甲单位', null, null, '金额单位：万元'],
          ['项目', '年初预算数', '全年预算数', '决算数'],
          ['一、一般公共预算财政拨款收入', 90, 95, 100],
          ['本年收入合计', 90, 95, 100],
          ['总计', 90, 95, 100],
        ],
      },
    ]);
    const r = await importWorkbook(bytes, 't1.xlsx', opts);
    const d = disclosureFromData(r.data);
    expect(d.tables.t1.byKey.get('generalBudget')?.values['amount']).toBe(100_000_000);
    expect(d.tables.t1.byKey.get('generalBudget')?.budget?.['amount']).toBe(90_000_000);
    expect(d.tables.t1.byKey.get('incomeGrandTotal')?.values['amount']).toBe(100_000_000);
    expect(r.report.skipped.some((s) => s.text === '全年预算数' && s.reason.includes('全年预算数'))).toBe(
      true,
    );
  });

  it('T4 with the fund kinds of 年初 and 年末 carry-overs as rows', async () => {
    const bytes = await book([
      {
        name: 'Sheet1',
        rows: [
          ['财政拨款收入支出决算总表', null, null, null, null, null],
          ['单位：万元', null, null, null, null, null],
          ['收入', null, '支出', null, null, null],
          ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
          ['一、一般公共预算财政拨款', 80, '一、一般公共服务支出', 70, 70, 0],
          ['二、政府性基金预算财政拨款', 5, '二、城乡社区支出', 5, 0, 5],
          ['本年收入合计', 85, '本年支出合计', 75, 70, 5],
          ['年初财政拨款结转和结余', 10, '年末财政拨款结转和结余', 20, null, null],
          ['一般公共预算财政拨款', 10, '一般公共预算财政拨款', 20, null, null],
          ['政府性基金预算财政拨款', 0, '政府性基金预算财政拨款', 0, null, null],
          ['总计', 95, '总计', 95, 90, 5],
        ],
        merges: ['A3:B3', 'C3:F3'],
      },
    ]);
    const d = disclosureFromData((await importWorkbook(bytes, 't4.xlsx', opts)).data);
    const v = (row: string, col: string) => d.tables.t4.byKey.get(row)?.values[col];
    expect(v('incomeTotal', 'generalBudget')).toBe(80_000_000);
    expect(v('incomeTotal', 'governmentFund')).toBe(5_000_000);
    expect(v('incomeTotal', 'total')).toBe(85_000_000);
    expect(v('openingCarryover', 'total')).toBe(10_000_000);
    expect(v('openingCarryover', 'generalBudget')).toBe(10_000_000);
    expect(v('closingCarryover', 'total')).toBe(20_000_000);
    expect(v('closingCarryover', 'generalBudget')).toBe(20_000_000);
    expect(v('incomeGrandTotal', 'total')).toBe(95_000_000);
    expect(v('expenditureGrandTotal', 'generalBudget')).toBe(90_000_000);
    expect(v('212', 'governmentFund')).toBe(5_000_000); // 城乡社区支出 by its name
  });

  it('T7 printed as rows (项目 | 预算数 | 决算数)', async () => {
    const bytes = await book([
      {
        name: '三公',
        rows: [
          ['财政拨款“三公”经费支出决算表', null, null],
          ['单位：元', null, null],
          ['项目', '预算数', '决算数'],
          ['合计', '20,000.00', '18,500.50'],
          ['1.因公出国（境）费', '-', '-'],
          ['2.公务用车购置及运行（维护）费', '15,000.00', '14,000.50'],
          ['其中：（1）公务用车购置费', null, null],
          ['（2）公务用车运行（维护）费', '15,000.00', '14,000.50'],
          ['3.公务接待费', '5,000.00', '4,500.00'],
        ],
      },
    ]);
    const d = disclosureFromData((await importWorkbook(bytes, 't7.xlsx', opts)).data);
    const v = (row: string, col: string) => d.tables.t7.byKey.get(row)?.values[col];
    expect(d.amountUnit).toBe('元');
    expect(v('total', 'final')).toBe(1_850_050);
    expect(v('abroad', 'budget')).toBe(0);
    expect(v('vehicle', 'final')).toBe(1_400_050);
    expect(v('vehiclePurchase', 'final')).toBe(0);
    expect(v('vehicleOperation', 'budget')).toBe(1_500_000);
    expect(v('reception', 'final')).toBe(450_000);
  });

  it('rows named without codes, found in the year’s classification by their 类 and 款 above', async () => {
    const bytes = await book([
      {
        name: '表五',
        rows: [
          ['一般公共预算财政拨款支出决算表', null, null, null],
          ['单位：万元', null, null, null],
          ['项目', '合计', '基本支出', '项目支出'],
          ['合计', 30, 20, 10],
          ['一般公共服务支出', 30, 20, 10],
          ['  发展与改革事务', 30, 20, 10],
          ['    行政运行', 20, 20, 0],
          ['    其他发展与改革事务支出', 10, 0, 10],
          ['说明：本表金额保留两位小数。', null, null, null],
        ],
      },
    ]);
    const r = await importWorkbook(bytes, 't5.xlsx', opts);
    const d = disclosureFromData(r.data);
    expect(d.tables.t5.rows.map((x) => x.key)).toEqual(['total', '201', '20104', '2010401', '2010499']);
    expect(d.tables.t5.byKey.get('2010401')?.values['basic']).toBe(20_000_000);
    expect(r.report.skipped.some((s) => s.reason === '表下的说明文字')).toBe(true);
  });

  it('two tables side by side on one sheet, and a missing 单位 line read in the default unit with a warning', async () => {
    const bytes = await book([
      {
        name: '报表',
        rows: [
          [
            '政府性基金预算财政拨款收入支出决算表',
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            '国有资本经营预算财政拨款支出决算表',
            null,
            null,
            null,
          ],
          ['单位：万元', null, null, null, null, null, null, null, null, null, null, null, null],
          [
            '科目编码',
            '科目名称',
            '年初结转和结余',
            '本年收入',
            '本年支出',
            null,
            null,
            '年末结转和结余',
            null,
            '科目编码',
            '科目名称',
            '本年支出',
            null,
          ],
          [
            null,
            null,
            null,
            null,
            '小计',
            '基本支出',
            '项目支出',
            null,
            null,
            null,
            null,
            '合计',
            '项目支出',
          ],
          ['合计', null, 1, 10, 8, 0, 8, 3, null, '合计', null, null, null],
          [
            '2296002',
            '用于社会福利的彩票公益金支出',
            1,
            10,
            8,
            0,
            8,
            3,
            null,
            '本单位无国有资本经营预算财政拨款支出，故本表为空表。',
            null,
            null,
            null,
          ],
        ],
        merges: ['E3:G3', 'L3:M3'],
      },
    ]);
    const r = await importWorkbook(bytes, 'funds.xlsx', opts);
    const d = disclosureFromData(r.data);
    expect(d.tables.t8.byKey.get('2296002')?.values['closing']).toBe(3_000_000);
    expect(d.tables.t8.byKey.get('total')?.values['expenditure']).toBe(8_000_000);
    expect(d.tables.t9.rows).toEqual([]);
    expect(d.tables.t9.emptyStatement).toContain('故本表为空表');
    expect(r.report.warnings.join('\n')).toContain('未写“单位：”，按万元读取');
    expect(r.report.notFound).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7']);
  });

  it('a formula saved without its result is computed; one that cannot be is reported at its cell', async () => {
    const rows = (total: string): Cells => [
      ['一般公共预算财政拨款支出决算表', null, null, null, null],
      ['单位：万元', null, null, null, null],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, total, '=D5', '=E5'],
      ['2010450', '事业运行', '=D5+E5', 12.5, 7.25],
    ];
    const d = disclosureFromData(
      (await importWorkbook(await book([{ name: '表五', rows: rows('=SUM(C5:C5)') }]), 'f.xlsx', opts)).data,
    );
    expect(d.tables.t5.byKey.get('total')?.values['total']).toBe(19_750_000);
    expect(d.tables.t5.byKey.get('2010450')?.values['total']).toBe(19_750_000);
    const e = await importWorkbook(
      await book([{ name: '表五', rows: rows('=VLOOKUP(A1,B:B,1)') }]),
      'f.xlsx',
      opts,
    ).catch((x: unknown) => x);
    expect(String((e as { problems: { message: string }[] }).problems[0]!.message)).toMatch(
      /工作表「表五」C4：公式「=VLOOKUP/,
    );
  });
});
