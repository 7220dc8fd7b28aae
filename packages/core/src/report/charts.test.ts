import * as echarts from 'echarts';
import { describe, expect, it, vi } from 'vitest';
import { findAll, parseMarkup, textContent } from '../testing/markup-check.ts';
import { CHART_FONT_FAMILY, renderChartSvg, sharePercent } from './charts.ts';
import type { ChartSpec } from './document.ts';

// Record every instance the renderer creates, to prove each one is disposed.
const created = vi.hoisted(() => [] as { id: string; isDisposed(): boolean }[]);
vi.mock('echarts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('echarts')>();
  return {
    ...actual,
    init: (...args: Parameters<typeof actual.init>) => {
      const instance = actual.init(...args);
      created.push(instance);
      return instance;
    },
  };
});

const pie: ChartSpec = {
  id: 'income',
  kind: 'pie',
  title: '收入构成',
  unit: '万元',
  categories: ['财政拨款收入', '事业收入', '其他收入 <含利息> & 捐赠', '经营收入'],
  series: [{ name: '本年收入', values: [214.73, 30.0, 13.78, 0] }],
};

const bar: ChartSpec = {
  id: 'yoy',
  kind: 'bar',
  title: '本年与上年支出对比',
  unit: '万元',
  categories: ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出'],
  series: [
    { name: '2022年', values: [180.5, 20.1, 9.93, 12.0] },
    { name: '2021年', values: [170.25, 18.0, 11.2, 12.0] },
  ],
};

function svgTexts(svg: string): string[] {
  const r = parseMarkup(svg, 'xml');
  expect(r.errors).toEqual([]);
  return findAll(r.root, 'text').map(textContent);
}

describe('renderChartSvg', () => {
  it('draws a pie with each non-zero category, its amount and its share, as well-formed SVG', () => {
    const svg = renderChartSvg(pie);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    const texts = svgTexts(svg);
    expect(texts).toContain('收入构成');
    expect(texts).toContain('单位：万元');
    expect(texts).toContain('财政拨款收入');
    expect(texts).toContain('其他收入 <含利息> & 捐赠');
    // 214.73 / 258.51 = 83.064…% ; 30.00 / 258.51 = 11.604…% ; 13.78 / 258.51 = 5.330…%
    expect(texts).toContain('214.73万元（83.06%）');
    expect(texts).toContain('30.00万元（11.60%）');
    expect(texts).toContain('13.78万元（5.33%）');
    // A zero part gets no slice and no label.
    expect(texts.join()).not.toContain('经营收入');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).toContain('Microsoft YaHei');
    expect(svg).not.toContain('<style');
  });

  it('draws bars for categories × series with a legend and value labels', () => {
    const svg = renderChartSvg(bar, { width: 800, height: 400 });
    const texts = svgTexts(svg);
    for (const c of bar.categories) expect(texts.some((t) => t.includes(c.slice(0, 5)))).toBe(true);
    expect(texts).toContain('2022年');
    expect(texts).toContain('2021年');
    expect(texts).toContain('180.50');
    expect(texts).toContain('万元');
    expect(svg).toContain('viewBox="0 0 800 400"');
  });

  it('disposes every instance: 200 charts leave none alive', () => {
    created.length = 0;
    for (let i = 0; i < 200; i++) renderChartSvg(i % 2 === 0 ? pie : bar);
    expect(created).toHaveLength(200);
    expect(created.every((c) => c.isDisposed())).toBe(true);
    expect(created.every((c) => echarts.getInstanceById(c.id) === undefined)).toBe(true);
  });

  it('disposes the instance when rendering throws', () => {
    created.length = 0;
    const broken = { ...bar, series: null } as unknown as ChartSpec;
    expect(() => renderChartSvg(broken)).toThrow();
    expect(created).toHaveLength(1);
    expect(created[0]?.isDisposed()).toBe(true);
  });

  it('uses the CJK font stack', () => {
    expect(CHART_FONT_FAMILY).toMatch(/'Noto Sans CJK SC'.*'Microsoft YaHei'.*'SimHei'.*sans-serif$/);
  });
});

describe('sharePercent', () => {
  it('rounds each share half-up with integer arithmetic', () => {
    expect(sharePercent(214.73, 258.51)).toBe('83.06%');
    expect(sharePercent(1, 3)).toBe('33.33%');
    expect(sharePercent(2, 3)).toBe('66.67%');
    expect(sharePercent(0.01, 800)).toBe('0.00%');
    expect(sharePercent(1, 8)).toBe('12.50%');
    expect(sharePercent(5, 0)).toBe('—');
  });
});
