/**
 * Charts of the HTML publication (issue 3: income structure, expenditure structure, function 类
 * shares, this year vs last year), rendered on the server as SVG with Apache ECharts' SSR renderer,
 * so that the page needs no script. Values are floats for drawing only; the percentages printed on
 * pie labels are computed with integer arithmetic from the printed 万元 figures, each share rounded
 * on its own half-up as in the narrative (ECharts' own `{d}` would force the shares to add to 100%).
 */
import * as echarts from 'echarts';
import type { ChartSpec } from './document.ts';

/** Sans-serif CJK stack for chart labels (Linux, Windows and generic fallbacks). */
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'SimHei', sans-serif";

/** A muted palette that stays distinguishable when printed in greyscale. */
const PALETTE = [
  '#2f5597',
  '#c55a11',
  '#548235',
  '#7f6000',
  '#7030a0',
  '#2e75b6',
  '#bf9000',
  '#a5a5a5',
  '#843c0c',
  '#375623',
];

export interface ChartRenderOptions {
  /** Pixels; default 640. */
  width?: number;
  /** Pixels; default 360. */
  height?: number;
}

/** A printed 万元 value (at most 2 decimals) as an integer count of 0.01 万元. */
function hundredths(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/** Share of `part` in `total` as a two-decimal percentage, rounded half-up on integers: "83.06%". */
export function sharePercent(part: number, total: number): string {
  const p = hundredths(part);
  const t = hundredths(total);
  if (t === 0n) return '—';
  // Percentage × 100, rounded half away from zero.
  const numer = p * 10000n;
  const neg = numer < 0n !== t < 0n;
  const a = numer < 0n ? -numer : numer;
  const d = t < 0n ? -t : t;
  const q = (a * 2n + d) / (d * 2n);
  const s = q.toString().padStart(3, '0');
  return `${neg && q !== 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}%`;
}

function formatValue(value: number): string {
  return value.toFixed(2);
}

function pieOption(chart: ChartSpec): echarts.EChartsCoreOption {
  const values = chart.series[0]?.values ?? [];
  const total = values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
  const data = chart.categories.map((name, i) => {
    const value = values[i] ?? 0;
    return { name, value, share: sharePercent(value, total) };
  });
  return {
    legend: { show: false },
    series: [
      {
        type: 'pie',
        name: chart.series[0]?.name ?? chart.title,
        radius: ['0%', '58%'],
        center: ['50%', '56%'],
        // Zero parts would draw labels on top of one another and say nothing.
        data: data.filter((d) => d.value !== 0).map((d) => ({ name: d.name, value: d.value })),
        label: {
          formatter: (p: { name: string; value: number }) => {
            const d = data.find((x) => x.name === p.name);
            return `${p.name}\n${formatValue(p.value)}${chart.unit}（${d?.share ?? ''}）`;
          },
          fontSize: 12,
          lineHeight: 16,
        },
        labelLine: { length: 10, length2: 14 },
        avoidLabelOverlap: true,
      },
    ],
  };
}

function barOption(chart: ChartSpec): echarts.EChartsCoreOption {
  const longLabels = chart.categories.some((c) => c.length > 6) || chart.categories.length > 6;
  return {
    legend: { show: chart.series.length > 1, top: 32, textStyle: { fontSize: 12 } },
    grid: { left: 16, right: 16, top: chart.series.length > 1 ? 64 : 48, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisLabel: { interval: 0, fontSize: 11, rotate: longLabels ? 30 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: chart.unit, nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 } },
    series: chart.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 36,
      label: {
        show: true,
        position: 'top',
        fontSize: 10,
        formatter: (p: { value: number }) => formatValue(p.value),
      },
    })),
  };
}

/**
 * Renders one chart as a standalone SVG string (pie: shares of one series with name, amount and
 * percentage; bar: categories × series, e.g. 本年 vs 上年). The ECharts instance is always disposed.
 */
export function renderChartSvg(chart: ChartSpec, options: ChartRenderOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      color: PALETTE,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#222222' },
      title: {
        text: chart.title,
        subtext: chart.kind === 'pie' ? `单位：${chart.unit}` : '',
        left: 'center',
        top: 4,
        textStyle: { fontSize: 15, fontWeight: 'bold', fontFamily: CHART_FONT_FAMILY },
        subtextStyle: { fontSize: 11, fontFamily: CHART_FONT_FAMILY },
      },
      ...(chart.kind === 'pie' ? pieOption(chart) : barOption(chart)),
    });
    const svg = instance.renderToSVGString();
    // Hover styles mean nothing on a printed page, and their class names would repeat across charts.
    return svg.replace(/<style\s*>[\s\S]*?<\/style>\s*/g, '');
  } finally {
    instance.dispose();
  }
}
