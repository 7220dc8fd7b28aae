/**
 * Markdown writer (issue 3, item 4): headings, paragraphs, placeholders as **【…】**, tables as GFM
 * tables (a merged header flattened into "a / b" labels), charts as a small data table under the
 * chart title. Meant for review in a merge request or a wiki, not for printing.
 */
import { sharePercent } from '../charts.ts';
import { draftNotice, type ChartSpec, type DocTable, type ReportDocument, type Run } from '../document.ts';
import { headerLabels, isNumericColumn, nameColumnIndex, placeCells } from './table-grid.ts';

/** Escapes Markdown syntax in running text so that data prints as written. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      // "&amp;"-like sequences would be read as entities.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      .replace(/\r?\n/g, ' ')
  );
}

/** Escapes the start of a line that Markdown would read as a heading, list, quote or rule. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const FLANK_OK = /[\s\p{P}\p{S}]/u;

/**
 * Placeholders print as **【…】**. CommonMark only reads "**" as bold when the character outside it is
 * a space or punctuation, so a placeholder glued to a CJK character on either side ("原因是【…】")
 * prints as 【**…**】 instead, which reads the same and still renders bold.
 */
function renderRuns(runs: readonly Run[]): string {
  return runs
    .map((run, i) => {
      const text = escapeMarkdown(run.text);
      if (text.trim() === '') return text;
      const before = runs[i - 1]?.text.slice(-1) ?? ' ';
      const after = runs[i + 1]?.text.slice(0, 1) ?? ' ';
      const glued = !FLANK_OK.test(before || ' ') || !FLANK_OK.test(after || ' ');
      if (run.placeholder) {
        const inner = /^【[\s\S]*】$/.test(run.text) ? text.slice(1, -1) : text;
        return glued ? `【**${inner}**】` : `**【${inner}】**`;
      }
      return run.bold && !glued ? `**${text}**` : run.bold ? `<strong>${text}</strong>` : text;
    })
    .join('');
}

/** Cell text for a GFM table: escaped, on one line, never empty of meaning to the table syntax. */
function cell(text: string): string {
  return escapeMarkdown(text).trim();
}

/** Two ideographic spaces per level: GFM trims ASCII spaces at the cell edges, not U+3000. */
const INDENT = '\u3000\u3000';

function gfmTable(
  labels: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(labels.map(cell)),
    line(labels.map((_, i) => (numeric[i] ? '---:' : '---'))),
    ...rows.map((r) => line(r)),
  ];
}

function renderTable(table: DocTable): string[] {
  const width = table.columns.length;
  // A form (no header rows, e.g. 绩效自评表) gets an empty header line: GFM requires one.
  const labels = table.header.length > 0 ? headerLabels(table) : table.columns.map(() => ' ');
  const nameCol = nameColumnIndex(table);
  const grid = placeCells(
    table.rows.map((r) => r.cells),
    width,
  );
  const rows = table.rows.map((row, r) =>
    table.columns.map((_, c) => {
      const slot = grid[r]?.[c];
      // A merged cell prints once, in its top-left slot.
      if (!slot || !slot.origin) return '';
      let text = cell(slot.cell.text);
      // An unknown figure stands out as the narrative's placeholders do; the note under the table says what it means.
      if (slot.cell.unknown === true) return `**${text}**`;
      if (c === nameCol && (row.indent ?? 0) > 0 && text !== '') text = INDENT.repeat(row.indent ?? 0) + text;
      if ((row.bold || slot.cell.bold) && text !== '') text = `**${text}**`;
      return text;
    }),
  );
  const out: string[] = [];
  const caption = [table.number, table.title].filter((s) => s !== '').join(' ');
  out.push(`**${escapeMarkdown(caption)}**`, '');
  const meta = [table.unitLine, table.unitLabel].filter((s): s is string => s !== undefined && s !== '');
  if (meta.length > 0) out.push(escapeLineStart(meta.map(escapeMarkdown).join('　　')), '');
  out.push(
    ...gfmTable(
      labels,
      rows,
      table.columns.map((c) => isNumericColumn(c)),
    ),
  );
  for (const note of table.notes ?? []) out.push('', escapeLineStart(escapeMarkdown(note)));
  return out;
}

function renderChart(chart: ChartSpec): string[] {
  const out = [`**图：${escapeMarkdown(chart.title)}**（单位：${escapeMarkdown(chart.unit)}）`, ''];
  const labels = ['项目', ...chart.series.map((s) => s.name)];
  const numeric = labels.map((_, i) => i > 0);
  const total = (chart.series[0]?.values ?? []).reduce((s, v) => s + Math.round(v * 100), 0) / 100;
  if (chart.kind === 'pie') {
    labels.push('占比');
    numeric.push(true);
  }
  const rows = chart.categories.map((name, i) => {
    const row = [cell(name), ...chart.series.map((s) => (s.values[i] ?? 0).toFixed(2))];
    if (chart.kind === 'pie') row.push(sharePercent(chart.series[0]?.values[i] ?? 0, total));
    return row;
  });
  out.push(...gfmTable(labels, rows, numeric));
  return out;
}

/** Writes the document as GitHub-flavoured Markdown. */
export function writeMarkdown(doc: ReportDocument): string {
  const parts: string[][] = [];
  if (doc.draft) {
    parts.push([`> **草稿**：${escapeMarkdown(draftNotice(doc).why)}，仅供内部核对，不得公开。`]);
  }
  if (!doc.blocks.some((b) => b.type === 'title')) parts.push([`# ${escapeMarkdown(doc.title)}`]);
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        parts.push([`# ${escapeMarkdown(block.text)}`]);
        if (block.subtitle) parts.push([escapeLineStart(escapeMarkdown(block.subtitle))]);
        break;
      case 'heading':
        parts.push([`${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}`]);
        break;
      case 'paragraph':
        parts.push([escapeLineStart(renderRuns(block.runs))]);
        break;
      case 'table':
        parts.push(renderTable(block.table));
        break;
      case 'chart':
        parts.push(renderChart(block.chart));
        break;
      case 'pageBreak':
        break;
    }
  }
  const placed = new Set(doc.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart.id] : [])));
  const unplaced = doc.charts.filter((c) => !placed.has(c.id));
  if (unplaced.length > 0) {
    parts.push(['## 附：图表']);
    for (const chart of unplaced) parts.push(renderChart(chart));
  }
  return parts.map((p) => p.join('\n')).join('\n\n') + '\n';
}
