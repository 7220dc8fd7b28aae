/**
 * The format-neutral document (STYLE.md "Model → document → bytes"): the report builder turns a
 * disclosure into this, with every figure already computed and worded; the DOCX, XLSX, HTML, PDF and
 * Markdown writers only lay it out. Tests check this document, not the bytes.
 */
import type { Fen } from '../money/amount.ts';

/** A run of text; `placeholder` marks text the officer must still supply (shown highlighted). */
export interface Run {
  text: string;
  placeholder?: boolean;
  bold?: boolean;
}

export interface TitleBlock {
  type: 'title';
  text: string;
  /** Second line under the title, e.g. "（2022 年度）". */
  subtitle?: string;
}

/**
 * Headings: level 1 = part (第一部分 …, 黑体), level 2 = section (一、…, 楷体), level 3 = subsection
 * (（一）…, 仿宋 bold).
 */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  /** Narrative key of the template that produced it (for tests and the auditor), e.g. `income.total`. */
  key?: string;
  /** First-line indent of two characters (default true, GB/T 9704 body text). */
  indent?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
}

export type CellKind = 'text' | 'code' | 'amount' | 'percent' | 'count' | 'score';

export interface DocCell {
  /** Text as printed (amounts with thousands separators, zero cells blank where the layout says so). */
  text: string;
  /** The exact amount behind an amount cell, for spreadsheets and open data. */
  fen?: Fen;
  /**
   * The model cell an amount cell prints (row key and column id of model/tables.ts), for open data:
   * two-sided tables (T1, T4, T6) hold cells of different model rows in one printed row.
   */
  ref?: { row: string; column: string };
  /** Plain number for non-money numeric cells (counts, scores, percentages as printed). */
  number?: number;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /**
   * The cell prints a model figure the data does not give (unknown, distinct from 0): its text is
   * UNKNOWN_CELL_TEXT and writers highlight it; the table's notes say what the mark means.
   */
  unknown?: boolean;
}

/**
 * What an unknown figure prints as in a table. Not a dash: many published tables print "—" or "-" for
 * nil, and the auditor reads a dash in a figure column as 0 (audit/table-read.ts).
 */
export const UNKNOWN_CELL_TEXT = '未提供';

/** The note under a table with unknown cells. */
export const UNKNOWN_CELL_NOTE = `注：“${UNKNOWN_CELL_TEXT}”表示数据文件没有给出该数（未知，不等于零），补齐数据后重新生成。`;

export interface DocColumn {
  /** Stable key (for CSV/JSON): the model column id, or 'code'/'name'. */
  key: string;
  kind: CellKind;
  /** Relative width (characters). */
  width: number;
}

export interface DocRow {
  cells: DocCell[];
  /** The model row key (fixed id or code), when the row comes from a table of the model. */
  key?: string;
  /** Indent level of the name cell (0 = 合计/类, 1 = 款, 2 = 项). */
  indent?: number;
  bold?: boolean;
  /**
   * The row heads the rows below it inside a form without header rows (the 绩效自评表's 一级指标 | 二级指标 …
   * line): writers repeat it at the top of a page those rows continue on, and keep it with the row after it.
   */
  groupHeader?: boolean;
}

export interface DocTable {
  /** t1 … t9, or `perf-<n>` for a 项目支出绩效自评表, or another id. */
  id: string;
  /** 表一 …, or '' */
  number: string;
  title: string;
  /** Second line under the title, e.g. "（2022年度）" of a 项目支出绩效自评表. */
  subtitle?: string;
  /** Line above the table on the left (编制单位：…) */
  unitLine?: string;
  /** Line above the table on the right: 单位：万元 */
  unitLabel?: string;
  columns: DocColumn[];
  /** Header rows (merged cells via colSpan/rowSpan), repeated on each page. */
  header: DocCell[][];
  rows: DocRow[];
  /** Notes printed under the table ("注：本表为空表" …). */
  notes?: string[];
  /** Print landscape (wide tables). */
  landscape?: boolean;
}

export interface TableBlock {
  type: 'table';
  table: DocTable;
}

export interface ChartSeries {
  name: string;
  /** Values in 万元 as printed numbers (drawing only; exact figures are in the text and tables). */
  values: number[];
}

export interface ChartSpec {
  id: string;
  kind: 'pie' | 'bar';
  title: string;
  categories: string[];
  series: ChartSeries[];
  unit: string;
}

export interface ChartBlock {
  type: 'chart';
  chart: ChartSpec;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | TableBlock | ChartBlock | PageBreakBlock;

export interface ReportDocument {
  /** Document title: 〈单位〉〈年度〉年度部门决算公开说明. */
  title: string;
  unitName: string;
  year: number;
  profile: string;
  /**
   * True when the publication must not go out as final — built with --force over validation errors, or with
   * unknown figures or text still to be supplied: writers mark every page 草稿.
   */
  draft: boolean;
  /** Why it is a draft, as the draft mark prints it ("校验未通过", "数据不完整"); default 校验未通过. */
  draftReason?: string;
  blocks: Block[];
  /** Every table of the publication, also reachable through the blocks (for XLSX/CSV/JSON). */
  tables: DocTable[];
  charts: ChartSpec[];
}

/** The plain text of a paragraph. */
export function paragraphText(p: ParagraphBlock): string {
  return p.runs.map((r) => r.text).join('');
}

/** What the draft marks of a document say: the page mark "草稿（…）" and a sentence on why and what it is for. */
export function draftNotice(doc: Pick<ReportDocument, 'draftReason'>): { mark: string; why: string } {
  const reason = doc.draftReason ?? '校验未通过';
  const errors = reason.includes('校验未通过');
  const incomplete = reason.includes('数据不完整');
  const why =
    errors && incomplete
      ? '本文件在校验未通过、数据不完整时生成'
      : incomplete
        ? '本文件的数据不完整（有未提供的数或待填写的内容）'
        : errors
          ? '本文件在校验未通过时生成'
          : `本文件为草稿（${reason}）`;
  return { mark: `草稿（${reason}）`, why };
}
