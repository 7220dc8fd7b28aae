/**
 * Charts of the HTML publication (issue 3: income structure, expenditure structure, function 类
 * shares, this year vs last year), drawn on the server as SVG so that the page needs no script.
 * Values are floats for drawing only; the percentages printed on pie labels are computed with
 * integer arithmetic from the printed 万元 figures, each share rounded on its own half-up as in the
 * narrative (a charting library's own percentages would force the shares to add to 100%).
 *
 * The layout follows the Apache ECharts charts these replace (same sizes, colours, label placement);
 * drawing the two simple kinds directly costs a fraction of a millisecond instead of ~5 ms per chart
 * (docs/adr/0009-office-files-written-directly.md).
 */
import type { ChartSpec } from './document.ts';
import { fitLines } from './writers/line-fit.ts';
import { escapeXml } from './writers/ooxml/xml.ts';

/** Sans-serif CJK stack for chart labels (Linux, Windows and generic fallbacks). */
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'SimHei', sans-serif";

/**
 * A muted palette that stays distinguishable when printed in greyscale, shared by the HTML charts and the DOCX's
 * native charts (docx-chart.ts) so that a chart has the same colours in every format: the n-th category of a pie,
 * the n-th series of a bar chart.
 */
export const CHART_PALETTE = [
  '2F5597',
  'C55A11',
  '548235',
  '7F6000',
  '7030A0',
  '2E75B6',
  'BF9000',
  'A5A5A5',
  '843C0C',
  '375623',
] as const;
const PALETTE = CHART_PALETTE.map((c) => `#${c.toLowerCase()}`);

const COLOR = {
  title: '#3c3c41',
  subtitle: '#86878c',
  label: '#333',
  axis: '#54555a',
  split: '#dbdee4',
  name: '#222222',
};

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

/** Helvetica advance widths (1/1000 em) of printable ASCII; other characters (CJK) measure one em. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Estimated width of a line of text in pixels (no font is at hand on the server; CJK glyphs are square). */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    w += c >= 32 && c <= 126 ? ASCII_WIDTHS[c - 32]! : 1000;
  }
  return (w * fontSize) / 1000;
}

/** The text on as many lines (at most `max`) as it needs to fit `width` pixels, broken at word boundaries: never cut. */
function wrap(text: string, width: number, fontSize: number, max = 3): string[] {
  if (textWidth(text, fontSize) <= width) return [text];
  // fitLines measures in em of CJK characters; Latin text is estimated wider than it is, which errs on the safe side.
  return fitLines(text, { capacity: [Math.max(2, width / fontSize)], maxLines: max });
}

const n1 = (v: number): string => String(Math.round(v * 10) / 10);
const n2 = (v: number): string => String(Math.round(v * 100) / 100);

interface TextOptions {
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  fill: string;
  bold?: boolean;
  /** White outline behind the glyphs, for labels drawn over lines. */
  halo?: boolean;
  transform?: string;
  /** Squeeze the text to this width (SVG textLength) rather than let it run off the chart. */
  fitWidth?: number;
}

function text(x: number, y: number, content: string, o: TextOptions): string {
  const style = `font-size:${o.size}px;font-family:${CHART_FONT_FAMILY};${o.bold === true ? 'font-weight:bold;' : ''}`;
  const at =
    (o.transform !== undefined ? ` transform="${o.transform}"` : ` x="${n2(x)}" y="${n2(y)}"`) +
    (o.fitWidth !== undefined ? ` textLength="${n1(o.fitWidth)}" lengthAdjust="spacingAndGlyphs"` : '');
  const halo =
    o.halo === true ? ' stroke="#ffffff" stroke-width="2" paint-order="stroke" stroke-miterlimit="2"' : '';
  return (
    `<text dominant-baseline="central" text-anchor="${o.anchor ?? 'middle'}" style="${escapeXml(style)}"${at} fill="${o.fill}"${halo}>` +
    `${escapeXml(content)}</text>`
  );
}

/**
 * Title (15 px bold, smaller down to 12 px when it is wider than the chart, never cut) and subtitle (11 px) centred
 * at the top, as the chart's heading.
 */
function heading(chart: ChartSpec, width: number, subtitle: string): string {
  let size = 15;
  while (size > 12 && textWidth(chart.title, size) > width - 16) size--;
  let out = text(width / 2, 16.5, chart.title, {
    size,
    fill: COLOR.title,
    bold: true,
    ...(textWidth(chart.title, size) > width - 16 ? { fitWidth: width - 16 } : {}),
  });
  if (subtitle !== '') out += text(width / 2, 39.5, subtitle, { size: 11, fill: COLOR.subtitle });
  return out;
}

interface PieLabel {
  index: number;
  angle: number;
  right: boolean;
  y: number;
  lines: [string, string];
}

/** Spreads labels of one side of a pie apart vertically (each `h` high), keeping them inside [top, bottom]. */
function spread(labels: PieLabel[], h: number, top: number, bottom: number): void {
  labels.sort((a, b) => a.y - b.y);
  let edge = top;
  for (const l of labels) {
    l.y = Math.max(l.y, edge + h / 2);
    edge = l.y + h / 2;
  }
  edge = bottom;
  for (let i = labels.length - 1; i >= 0; i--) {
    const l = labels[i]!;
    l.y = Math.min(l.y, edge - h / 2);
    edge = l.y - h / 2;
  }
}

/** A pie of the first series: slices clockwise from twelve o'clock, each labelled outside with its amount and share. */
function pieSvg(chart: ChartSpec, width: number, height: number): string {
  const values = chart.series[0]?.values ?? [];
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`图表“${chart.title}”的数值无效`);
  const total = values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
  // Zero parts would draw labels on top of one another and say nothing.
  const parts = chart.categories
    .map((name, i) => ({ name, value: values[i] ?? 0, index: i }))
    .filter((p) => p.value > 0);
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const cx = width / 2;
  const cy = height * 0.56;
  const r = (Math.min(width, height) / 2) * 0.58;
  const elbowR = r + 10;
  let slices = '';
  const labels: PieLabel[] = [];
  let start = 0;
  parts.forEach((p) => {
    const sweep = (p.value / sum) * Math.PI * 2;
    // Coloured by category, as the DOCX chart colours its data points.
    const color = PALETTE[p.index % PALETTE.length]!;
    const a0 = start - Math.PI / 2;
    const a1 = start + sweep - Math.PI / 2;
    if (parts.length === 1) {
      slices += `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="${n1(r)}" fill="${color}"/>`;
    } else {
      const large = sweep > Math.PI ? 1 : 0;
      slices +=
        `<path d="M${n1(cx + r * Math.cos(a0))} ${n1(cy + r * Math.sin(a0))}A${n1(r)} ${n1(r)} 0 ${large} 1 ` +
        `${n1(cx + r * Math.cos(a1))} ${n1(cy + r * Math.sin(a1))}L${n1(cx)} ${n1(cy)}Z" fill="${color}"/>`;
    }
    const mid = start + sweep / 2 - Math.PI / 2;
    labels.push({
      index: p.index,
      angle: mid,
      // A label straight below or above the centre goes left, as ECharts puts it.
      right: Math.cos(mid) > 1e-9,
      y: cy + elbowR * Math.sin(mid),
      lines: [p.name, `${formatValue(p.value)}${chart.unit}（${sharePercent(p.value, total)}）`],
    });
    start += sweep;
  });
  spread(
    labels.filter((l) => l.right),
    32,
    0,
    height,
  );
  spread(
    labels.filter((l) => !l.right),
    32,
    0,
    height,
  );
  let lines = '';
  let texts = '';
  for (const l of labels) {
    const color = PALETTE[l.index % PALETTE.length]!;
    const side = l.right ? 1 : -1;
    const dy = l.y - cy;
    // A label moved to make room keeps its line's elbow on the circle 10 px outside the pie.
    const ex =
      Math.abs(dy) < elbowR
        ? cx + side * Math.sqrt(elbowR * elbowR - dy * dy)
        : cx + elbowR * Math.cos(l.angle);
    const end = ex + side * 14;
    lines +=
      `<polyline points="${n1(cx + r * Math.cos(l.angle))} ${n1(cy + r * Math.sin(l.angle))} ${n1(ex)} ${n1(l.y)} ${n1(end)} ${n1(l.y)}" ` +
      `fill="none" stroke="${color}"/>`;
    const anchor = l.right ? 'start' : 'end';
    const x = end + side * 5;
    texts += text(x, l.y - 8, l.lines[0], { size: 12, anchor, fill: COLOR.label, halo: true });
    texts += text(x, l.y + 8, l.lines[1], { size: 12, anchor, fill: COLOR.label, halo: true });
  }
  return lines + slices + texts + heading(chart, width, `单位：${chart.unit}`);
}

/** ECharts' "nice" step: 1, 2, 3, 5 or 10 times a power of ten, near a fifth of the range. */
function niceStep(range: number): number {
  const rough = range / 5;
  const exp = 10 ** Math.floor(Math.log10(rough));
  const f = rough / exp;
  const nice = f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10;
  return nice * exp;
}

function axisNumber(v: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const [int = '0', frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${v < 0 && Number(int + (frac ?? '')) !== 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

interface Scale {
  min: number;
  max: number;
  step: number;
}

function valueScale(values: readonly number[]): Scale {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo === hi) return { min: 0, max: 1, step: 0.2 };
  const step = niceStep(hi - lo);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

/** Legend items centred in one row: a rounded swatch and the series name. */
function legendSvg(names: readonly string[], width: number, top: number): string {
  const widths = names.map((n) => 30 + textWidth(n, 12));
  const total = widths.reduce((s, w) => s + w, 0) + 10 * (names.length - 1);
  let x = (width - total) / 2;
  let out = '';
  names.forEach((name, i) => {
    out +=
      `<rect x="${n1(x)}" y="${top}" width="25" height="14" rx="3.5" fill="${PALETTE[i % PALETTE.length]}"/>` +
      text(x + 30, top + 7, name, { size: 12, anchor: 'start', fill: COLOR.axis });
    x += widths[i]! + 10;
  });
  return out;
}

/** Clustered bars: categories along the bottom, one bar per series, the value above each bar. */
function barSvg(chart: ChartSpec, width: number, height: number): string {
  const all = chart.series.flatMap((s) => s.values);
  if (all.some((v) => !Number.isFinite(v))) throw new Error(`图表“${chart.title}”的数值无效`);
  const scale = valueScale(all);
  const ticks: number[] = [];
  for (let v = scale.min; v <= scale.max + scale.step / 2; v += scale.step)
    ticks.push(Math.round(v / scale.step) * scale.step);
  const tickText = ticks.map((v) => axisNumber(v, scale.step));
  // The plot area holds the axis labels inside the margins (16 px at the sides, 8 px at the bottom).
  const left = 16 + Math.max(...tickText.map((t) => textWidth(t, 11))) + 8;
  const right = width - 16;
  const top = chart.series.length > 1 ? 64 : 48;
  // Category labels are wrapped to their band, up to three lines, never cut short.
  const bandWidth = (right - left) / Math.max(1, chart.categories.length);
  const labels = chart.categories.map((c) => wrap(c, bandWidth - 6, 11));
  const labelHeight = Math.max(1, ...labels.map((l) => l.length)) * 13 - 2;
  const bottom = height - 8 - labelHeight - 8;
  const y = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top);
  const y0 = y(0);

  let grid = '';
  ticks.forEach((v, i) => {
    const ty = Math.round(y(v)) + 0.5;
    grid += `<path d="M${n1(left)} ${ty}L${n1(right)} ${ty}" fill="none" stroke="${COLOR.split}"/>`;
    grid += text(left - 8, y(v), tickText[i]!, { size: 11, anchor: 'end', fill: COLOR.axis });
  });
  const axisY = Math.round(y0) + 0.5;
  grid += `<path d="M${n1(left)} ${axisY}L${n1(right)} ${axisY}" fill="none" stroke="${COLOR.axis}" stroke-linecap="round"/>`;
  grid += text(left, top - 20.5, chart.unit, { size: 11, fill: COLOR.name });

  const band = (right - left) / Math.max(1, chart.categories.length);
  const n = Math.max(1, chart.series.length);
  const barWidth = Math.min(36, (band * 0.73) / (n + 0.1 * (n - 1)));
  const gap = barWidth * 0.1;
  const group = n * barWidth + (n - 1) * gap;
  let bars = '';
  let values = '';
  labels.forEach((label, c) => {
    const center = left + band * (c + 0.5);
    label.forEach((line, i) => {
      grid += text(center, bottom + 8 + 5.5 + i * 13, line, { size: 11, fill: COLOR.axis });
    });
    chart.series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      const x = center - group / 2 + i * (barWidth + gap);
      const yv = y(v);
      const [t, b] = yv < y0 ? [yv, y0] : [y0, yv];
      bars += `<rect x="${n1(x)}" y="${n1(t)}" width="${n1(barWidth)}" height="${n1(b - t)}" fill="${PALETTE[i % PALETTE.length]}"/>`;
      values += text(x + barWidth / 2, t - 10, formatValue(v), { size: 10, fill: COLOR.label, halo: true });
    });
  });
  const legend =
    chart.series.length > 1
      ? legendSvg(
          chart.series.map((s) => s.name),
          width,
          37,
        )
      : '';
  return grid + bars + values + legend + heading(chart, width, '');
}

/**
 * Renders one chart as a standalone SVG string (pie: shares of one series with name, amount and
 * percentage; bar: categories × series, e.g. 本年 vs 上年). Pure: the same chart gives the same SVG.
 */
export function renderChartSvg(chart: ChartSpec, options: ChartRenderOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const body = chart.kind === 'pie' ? pieSvg(chart, width, height) : barSvg(chart, width, height);
  return (
    `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${width} ${height}">\n` +
    `<rect width="${width}" height="${height}" x="0" y="0" fill="#ffffff"/>\n${body}\n</svg>`
  );
}
