import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildPerformanceTables, projectFigures } from './performance-evaluation.ts';
import { assertRectangular, gridTexts, rowOf, tableProfile } from './testing.ts';

const text = readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8');
const changji = loadDisclosure(text);

type Project = Record<string, unknown> & { indicators: Record<string, unknown>[] };
function changjiWith(edit: (p: Project) => void) {
  const data = parse(text) as { performance: { projects: Project[] } };
  edit(data.performance.projects[0]!);
  return disclosureFromData(data);
}

describe('项目支出绩效自评表', () => {
  const [t] = buildPerformanceTables(changji, tableProfile());

  it('builds one table per evaluated project, titled with the year', () => {
    expect(buildPerformanceTables(changji, tableProfile())).toHaveLength(1);
    assertRectangular(t!);
    expect(t).toMatchObject({
      id: 'perf-1',
      number: '',
      title: '项目支出绩效自评表',
      subtitle: '（2022年度）',
    });
    expect(t!.columns).toHaveLength(9);
  });

  it('prints 项目名称, 主管部门 and 实施单位', () => {
    const g = gridTexts(t!);
    expect(g[0]!.slice(0, 2)).toEqual(['项目名称', '援疆工作业务经费']);
    expect(rowOf(t!, 'name').cells[1]!.colSpan).toBe(8);
    expect(g[1]).toEqual([
      '主管部门',
      '昌吉回族自治州对口援疆工作领导小组办公室',
      '',
      '',
      '实施单位',
      '昌吉回族自治州对口援疆工作领导小组办公室',
      '',
      '',
      '',
    ]);
  });

  it('prints the 项目资金 block with the seed’s 执行率 89.77% and 得分 8.98', () => {
    const g = gridTexts(t!);
    expect(rowOf(t!, 'funds').cells[0]).toMatchObject({ text: '项目资金（万元）', rowSpan: 5 });
    expect(g[2]).toEqual([
      '项目资金（万元）',
      '',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
    ]);
    expect(g[3]).toEqual(['', '年度资金总额', '', '100.00', '100.00', '89.77', '10', '89.77%', '8.98']);
    expect(g[4]).toEqual(['', '其中：当年财政拨款', '', '100.00', '100.00', '89.77', '—', '—', '—']);
    expect(g[5]).toEqual(['', '上年结转资金', '', '0.00', '0.00', '0.00', '—', '—', '—']);
    expect(g[6]).toEqual(['', '其他资金', '', '0.00', '0.00', '0.00', '—', '—', '—']);
    expect(rowOf(t!, 'funds.total').cells[3]).toMatchObject({
      fen: 89_770_000,
      ref: { row: 'funds.total', column: 'executed' },
    });
    expect(rowOf(t!, 'funds.total').cells[5]).toMatchObject({ text: '89.77%', number: 89.77 });
  });

  it('prints 年度总体目标 as 预期目标 | 实际完成情况', () => {
    const goals = rowOf(t!, 'goals');
    expect(goals.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1])).toEqual([
      ['年度总体目标', 1, 2],
      ['预期目标', 4, 1],
      ['实际完成情况', 4, 1],
    ]);
    const line = rowOf(t!, 'goals.1');
    expect(line.cells[0]!.text).toMatch(/^目标 1：搞好对口支援省市的产业对接/);
    expect(line.cells[1]!.text).toMatch(/该项目预算执行率达 89.77%/);
  });

  it('prints the indicators with merged 一级/二级 cells', () => {
    expect(gridTexts(t!)[rowIndex('indicators')]).toEqual([
      '年度绩效指标完成情况',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ]);
    expect(rowOf(t!, 'indicators').cells[0]!.rowSpan).toBe(12);
    const first = rowOf(t!, 'indicator.1');
    expect(first.cells[0]).toMatchObject({ text: '产出指标', rowSpan: 8 });
    expect(first.cells[1]).toMatchObject({ text: '数量指标', rowSpan: 2 });
    expect(first.cells.slice(2).map((c) => c.text)).toEqual([
      '争取 2022 年福建对口支援昌吉州计划实施固投类项目',
      '=58 个',
      '58 个',
      '10',
      '10',
      '',
    ]);
    // Covered rows carry no 一级/二级 cell; a new 二级 run starts a new merged cell.
    expect(rowOf(t!, 'indicator.2').cells).toHaveLength(6);
    expect(rowOf(t!, 'indicator.3').cells[0]).toMatchObject({ text: '质量指标', rowSpan: 2 });
    expect(gridTexts(t!)[rowIndex('indicator.7')]!.slice(3)).toEqual([
      '服务援疆省市各级领导考察、接待等工作经费',
      '<=80 万元',
      '71.77 万元',
      '10',
      '10',
      '受疫情影响，援疆省市无法来昌',
    ]);
    const last = rowOf(t!, 'indicator.11');
    expect(last.cells[0]!.text).toBe('满意度指标');
    expect(last.cells[0]!.rowSpan).toBeUndefined();
  });

  it('prints 总分: Σ 分值 100 and the seed’s 98.98', () => {
    expect(gridTexts(t!).at(-2)).toEqual(['总分', '', '', '', '', '', '100', '98.98', '']);
    // 评价等级 under it: the seed's 98.98 is 优.
    expect(gridTexts(t!).at(-1)).toEqual(['评价等级', '', '', '', '', '', '优', '', '']);
    expect(rowOf(t!, 'total').cells[0]!.colSpan).toBe(6);
    expect(rowOf(t!, 'total').cells[2]!.number).toBe(98.98);
  });

  it('computes 执行率得分, indicator scores and 总分 when the data does not state them', () => {
    const d = changjiWith((p) => {
      delete p['executionScore'];
      delete p['totalScore'];
      for (const ind of p.indicators)
        if (ind['target'] !== '提高' && ind['target'] !== '长期' && !String(ind['target']).startsWith('2022'))
          delete ind['score'];
    });
    const f = projectFigures(d.performance!.projects[0]!);
    expect(f).toEqual({ rate: '89.77%', executionScore: '8.98', weightTotal: '100', total: '98.98' });
    const [t2] = buildPerformanceTables(d, tableProfile());
    expect(gridTexts(t2!)[rowIndex('indicator.1')]![7]).toBe('10');
    expect(gridTexts(t2!).at(-2)![7]).toBe('98.98');
  });

  it('leaves 总分 empty when an unscored indicator cannot be computed, and 执行率 empty when 全年预算数 is 0', () => {
    const d = changjiWith((p) => {
      delete p['totalScore'];
      delete p.indicators[8]!['score']; // qualitative (提高): scored by the evaluator only
    });
    expect(projectFigures(d.performance!.projects[0]!).total).toBe('');
    const z = changjiWith((p) => {
      delete p['executionScore'];
      (p['funds'] as Record<string, Record<string, unknown>>)['total'] = {
        initialBudget: 0,
        annualBudget: 0,
        executed: 0,
      };
    });
    expect(projectFigures(z.performance!.projects[0]!)).toMatchObject({ rate: '', executionScore: '' });
  });

  it('prints the stated figures, never a computed one that disagrees', () => {
    const d = changjiWith((p) => {
      p['executionScore'] = '9.50';
      p['totalScore'] = '99.50';
    });
    const [t3] = buildPerformanceTables(d, tableProfile());
    expect(gridTexts(t3!)[3]![8]).toBe('9.50');
    expect(gridTexts(t3!).at(-2)![7]).toBe('99.50');
  });

  it('builds the tables of generated units with their stated total', () => {
    for (const seed of [1, 2, 3]) {
      const d = disclosureFromData(generateUnitData({ seed }));
      const tables = buildPerformanceTables(d, tableProfile());
      expect(tables).toHaveLength(1);
      assertRectangular(tables[0]!);
      const p = d.performance!.projects[0]!;
      expect(gridTexts(tables[0]!).at(-2)![7]).toBe(p.totalScore);
      expect(gridTexts(tables[0]!)[3]![8]).toBe(p.executionScore);
      // The computed figures agree with what the generator states.
      const f = projectFigures({ ...p, executionScore: undefined, totalScore: undefined });
      expect([f.executionScore, f.total].map(Number)).toEqual([
        Number(p.executionScore),
        Number(p.totalScore),
      ]);
    }
  });

  it('has no table when no project is evaluated', () => {
    const data = parse(text) as Record<string, unknown>;
    delete data['performance'];
    expect(buildPerformanceTables(disclosureFromData(data), tableProfile())).toEqual([]);
  });

  function rowIndex(key: string): number {
    return t!.rows.findIndex((r) => r.key === key);
  }
});
