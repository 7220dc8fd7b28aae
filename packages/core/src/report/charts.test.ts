import { describe, expect, it } from 'vitest';
import { findAll, parseMarkup, textContent } from '../testing/markup-check.ts';
import { CHART_FONT_FAMILY, renderChartSvg, sharePercent } from './charts.ts';
import type { ChartSpec } from './document.ts';

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

  it('keeps no state between charts: 200 charts drawn in turn give the same SVG each time', () => {
    const first = [renderChartSvg(pie), renderChartSvg(bar)];
    for (let i = 0; i < 200; i++) expect(renderChartSvg(i % 2 === 0 ? pie : bar)).toBe(first[i % 2]);
  });

  it('throws on a chart it cannot draw, and draws the next one as before', () => {
    const before = renderChartSvg(pie);
    const broken = { ...bar, series: null } as unknown as ChartSpec;
    expect(() => renderChartSvg(broken)).toThrow();
    expect(() => renderChartSvg({ ...bar, series: [{ name: 'x', values: [1, Number.NaN, 2, 3] }] })).toThrow(
      /数值无效/,
    );
    expect(renderChartSvg(pie)).toBe(before);
  });

  it('lays bars out inside the picture, labels below the axis and values above the bars', () => {
    const svg = renderChartSvg(bar, { width: 800, height: 400 });
    const numbers = (attr: string) =>
      [...svg.matchAll(new RegExp(`<rect [^>]*${attr}="([-\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
    for (const x of numbers('x')) expect(x).toBeGreaterThanOrEqual(0);
    for (const y of numbers('y')) expect(y).toBeGreaterThanOrEqual(0);
    // Eight bars plus the background and two legend swatches.
    expect(svg.match(/<rect /g)).toHaveLength(11);
    // The nice scale: 0 … 210 in steps of 30 for a largest value of 180.50.
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['0', '30', '180', '210']));
    expect(texts).not.toContain('240');
  });

  it('draws negative bars below the zero line', () => {
    const svg = renderChartSvg({ ...bar, series: [{ name: '结余', values: [5, -1.5, 0.3, 0] }] });
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['-1.50', '0.00', '-2', '5']));
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
