/**
 * Open data (issue 3, item 4): the publication's tables as data for the public, researchers and
 * journalists — CSV with one row per table cell, and JSON with the tables and (given the disclosure)
 * the figures stated outside the tables. Amounts are exact decimal strings computed from integer 分;
 * no binary floating point touches them.
 */
import type { Disclosure } from '../../model/disclosure.ts';
import type { Fen } from '../../money/amount.ts';
import type { DocColumn, DocTable, ReportDocument } from '../document.ts';
import { headerLabels, placeCells, rowLabelColumns, type RowLabelColumns } from './table-grid.ts';

/** Exact yuan with two decimals: 123456 分 → "1234.56". */
export function fenToYuan(fen: Fen): string {
  const f = BigInt(fen);
  const abs = f < 0n ? -f : f;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${f < 0n ? '-' : ''}${abs / 100n}.${frac}`;
}

/** Exact 万元, at least two decimals and no trailing zeros beyond: 12345600 分 → "12.3456". */
export function fenToWan(fen: Fen): string {
  const f = BigInt(fen);
  const abs = f < 0n ? -f : f;
  const frac = (abs % 1_000_000n)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${f < 0n ? '-' : ''}${abs / 1_000_000n}.${frac}`;
}

/** One cell of a table as open data. */
export interface OpenDataCell {
  table: string;
  tableName: string;
  code: string;
  name: string;
  /** Stable column key (model column id), the same in every year and profile. */
  column: string;
  /** The column's printed header, merged levels joined with " / ". */
  columnName: string;
  fen: Fen | undefined;
  text: string;
}

interface RowCells {
  code: string;
  name: string;
  cells: OpenDataCell[];
}

/**
 * The figure cells of each row with the code and name of the row (code/name cells are labels, not
 * figures). A cell with neither an amount nor text is left out; so are the slots a merged cell covers.
 * A form (a table without header rows) gives its amounts only.
 */
function cellsByRow(table: DocTable): RowCells[] {
  const width = table.columns.length;
  const labels = headerLabels(table);
  const groups = rowLabelColumns(table);
  const singleGroup = new Set(groups.filter((g) => g !== undefined)).size <= 1;
  const firstGroup = groups.find((g) => g !== undefined);
  // A table without header rows is a form (项目支出绩效自评表): its columns mean nothing on their own,
  // so only its amounts become open data, each named by the texts left of it and above it.
  const form = table.header.length === 0;
  const grid = placeCells(
    table.rows.map((r) => r.cells),
    width,
  );
  return table.rows.map((row, r) => {
    const slots = grid[r] ?? [];
    const textAt = (c: number | undefined) => (c === undefined ? '' : (slots[c]?.cell.text ?? '').trim());
    const codeOf = (group: RowLabelColumns) => {
      let code = group.code.map((i) => textAt(i).replace(/\s+/g, '')).join('');
      // "合计" merged over the code and name columns is a name, not a code.
      if (!/^[0-9A-Za-z]*$/.test(code)) code = '';
      if (code === '' && singleGroup && row.key !== undefined && /^\d{3,}$/.test(row.key)) return row.key;
      return code;
    };
    const cells: OpenDataCell[] = [];
    /** In a form, the name of a figure is the nearest text left of it in its row ("年度资金总额"). */
    const leftLabel = (c: number) => {
      for (let i = c - 1; i >= 0; i--) {
        const cell = slots[i]?.cell;
        if (cell && cell.fen === undefined && cell.text.trim() !== '') return cell.text.trim();
      }
      return '';
    };
    /** In a form, the label of a figure is the nearest text above it in its column ("全年预算数"). */
    const aboveLabel = (c: number) => {
      for (let i = r - 1; i >= 0; i--) {
        const cell = grid[i]?.[c]?.cell;
        if (cell && cell.fen === undefined && cell.text.trim() !== '') return cell.text.trim();
      }
      return table.columns[c]?.key ?? '';
    };
    table.columns.forEach((column, c) => {
      const slot = slots[c];
      if (slot === undefined || !slot.origin) return;
      const { cell } = slot;
      if (form) {
        if (cell.fen === undefined) return;
        cells.push({
          table: table.id,
          tableName: table.title,
          code: '',
          name: leftLabel(c),
          column: column.key,
          columnName: aboveLabel(c),
          fen: cell.fen,
          text: cell.text,
        });
        return;
      }
      const group = groups[c];
      if (group === undefined || (cell.fen === undefined && cell.text.trim() === '')) return;
      cells.push({
        table: table.id,
        tableName: table.title,
        code: codeOf(group),
        name: textAt(group.name),
        column: column.key,
        columnName: labels[c] ?? column.key,
        fen: cell.fen,
        text: cell.text,
      });
    });
    return {
      code: firstGroup ? codeOf(firstGroup) : '',
      name: textAt(firstGroup?.name),
      cells,
    };
  });
}

/** Every figure cell of a table, row by row, with the code and name of its row. */
export function tableCells(table: DocTable): OpenDataCell[] {
  return cellsByRow(table).flatMap((r) => r.cells);
}

export const CSV_COLUMNS = [
  'table',
  'table_name',
  'code',
  'name',
  'column',
  'column_name',
  'amount_yuan',
  'amount_wan',
  'text',
] as const;

/**
 * Quotes a CSV field (RFC 4180) and defuses text that a spreadsheet would run as a formula
 * ("=…", "+…", "@…"): such text gets a leading apostrophe. Numbers such as "-12.00" are left alone.
 */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+@\t\r]/.test(v) || /^-(?![\d.])/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV of every table cell: UTF-8 with a byte-order mark (so that Excel reads the Chinese correctly),
 * CRLF line ends, one row per cell. An unknown amount leaves the amount columns empty; a zero prints
 * as 0.00 even where the table leaves the cell blank.
 */
export function writeCsv(doc: ReportDocument): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const table of doc.tables) {
    for (const c of tableCells(table)) {
      const yuan = c.fen === undefined ? '' : fenToYuan(c.fen);
      const wanText = c.fen === undefined ? '' : fenToWan(c.fen);
      lines.push(
        [c.table, c.tableName, c.code, c.name, c.column, c.columnName, yuan, wanText, c.text]
          .map(csvField)
          .join(','),
      );
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export interface OpenDataColumn {
  key: string;
  kind: DocColumn['kind'];
  label: string;
}

export interface OpenDataRowCell {
  /** Absent for an unknown amount or a cell that is not an amount. */
  fen?: Fen;
  text: string;
  /** Only where the cell belongs to another item than its row's first (two-sided tables). */
  name?: string;
  code?: string;
}

export interface OpenDataRow {
  key: string | null;
  code: string | null;
  name: string;
  /** By column key. */
  cells: Record<string, OpenDataRowCell>;
}

export interface OpenDataTable {
  id: string;
  number: string;
  title: string;
  unitLabel: string | null;
  columns: OpenDataColumn[];
  rows: OpenDataRow[];
  notes: string[];
}

export interface OpenDataJson {
  format: 'juesuan-open-data/1';
  /** Amounts are integer 分 (0.01 元). */
  amountUnit: '分';
  unit: string;
  year: number;
  profile: string;
  draft: boolean;
  tables: OpenDataTable[];
  /** Figures stated outside the tables (staff, "三公" counts, 机关运行经费, 政府采购, 资产, 绩效). */
  figures?: Record<string, unknown>;
}

function openTable(table: DocTable): OpenDataTable {
  const labels = headerLabels(table);
  const byRow = cellsByRow(table);
  const rows = table.rows.map((row, r): OpenDataRow => {
    const info = byRow[r];
    const cells: Record<string, OpenDataRowCell> = {};
    for (const cell of info?.cells ?? []) {
      const out: OpenDataRowCell =
        cell.fen === undefined ? { text: cell.text } : { fen: cell.fen, text: cell.text };
      // Two-sided tables (T1 收入 ‖ 支出): a cell of the second side names its own row.
      if (cell.name !== info?.name) out.name = cell.name;
      if (cell.code !== info?.code) out.code = cell.code;
      cells[cell.column] = out;
    }
    return { key: row.key ?? null, code: info?.code || null, name: info?.name ?? '', cells };
  });
  return {
    id: table.id,
    number: table.number,
    title: table.title,
    unitLabel: table.unitLabel ?? null,
    columns: table.columns.map((c, i) => ({ key: c.key, kind: c.kind, label: labels[i] ?? c.key })),
    rows,
    notes: table.notes ?? [],
  };
}

/** A JSON-ready copy without source locations (internal to the data file) and undefined values. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' || k === 'cellSources' || v === undefined) continue;
      out[k] = plain(v);
    }
    return out;
  }
  return value;
}

/** The non-table figures of a disclosure, in open-data form. */
function disclosureFigures(d: Disclosure): Record<string, unknown> {
  const figures: Record<string, unknown> = {
    unit: plain({
      name: d.unit.name,
      code: d.unit.code,
      region: d.unit.region,
      kind: d.unit.kind,
      level: d.unit.level,
      supervisor: d.unit.supervisor,
      staff: d.unit.staff,
      consolidatedUnits: d.unit.consolidatedUnits,
    }),
    threePublic: plain(d.threePublic),
  };
  if (d.adminCost) figures['adminCost'] = plain(d.adminCost);
  if (d.procurement) figures['procurement'] = plain(d.procurement);
  if (d.assets) figures['assets'] = plain(d.assets);
  if (d.performance) figures['performance'] = plain(d.performance);
  return figures;
}

/** The document's tables (and, given the disclosure, its other figures) as one JSON text. */
export function writeJson(doc: ReportDocument, disclosure?: Disclosure): string {
  const data: OpenDataJson = {
    format: 'juesuan-open-data/1',
    amountUnit: '分',
    unit: doc.unitName,
    year: doc.year,
    profile: doc.profile,
    draft: doc.draft,
    tables: doc.tables.map(openTable),
  };
  if (disclosure) data.figures = disclosureFigures(disclosure);
  return JSON.stringify(data, null, 2) + '\n';
}
