/**
 * The review and publication half's calls into @juesuan/core: the publication of a disclosure (its
 * document, the official files and the open data), the 整改通知 written with core's DOCX writer, and
 * the audit of published PDFs. Like core-adapter.ts, nothing here leaks core types: the rest of the
 * server sees the plain shapes declared below.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  JuesuanError,
  auditDocument,
  buildReport,
  builtinProfile,
  builtinProfileNames,
  disclosureFromData,
  findingPage,
  findingQuote,
  formatAmount,
  ruleMetaById,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeXlsx,
  type Block,
  type DocTable,
  type ReportDocument,
} from '@juesuan/core';
import type { FindingData } from './core-adapter.ts';

/** The rule behind a finding: its title and the official basis it enforces. */
export function ruleBasis(ruleId: string): { title: string; basis: string } | undefined {
  const r = ruleMetaById(ruleId);
  return r ? { title: r.title, basis: r.basis } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The publication

export interface PublicCell {
  text: string;
  colSpan?: number | undefined;
  rowSpan?: number | undefined;
  align?: 'left' | 'center' | 'right' | undefined;
  bold?: boolean | undefined;
  unknown?: boolean | undefined;
}

export interface PublicTable {
  id: string;
  number: string;
  title: string;
  subtitle?: string | undefined;
  unitLine?: string | undefined;
  unitLabel?: string | undefined;
  header: PublicCell[][];
  rows: { cells: PublicCell[]; bold?: boolean | undefined; indent?: number | undefined }[];
  notes: string[];
}

export interface PublicChart {
  id: string;
  kind: 'pie' | 'bar';
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  unit: string;
}

export type PublicBlock =
  | { type: 'title'; text: string; subtitle?: string | undefined }
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string; placeholder: boolean }
  | { type: 'table'; tableId: string }
  | { type: 'chart'; chartId: string };

export interface PublicDocument {
  title: string;
  unitName: string;
  year: number;
  profile: string;
  draft: boolean;
  blocks: PublicBlock[];
  tables: PublicTable[];
  charts: PublicChart[];
}

export const PUBLICATION_FORMATS = ['docx', 'xlsx', 'html', 'csv', 'json'] as const;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export const FORMAT_TYPE: Record<PublicationFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const cellOut = (c: DocTable['header'][number][number]): PublicCell => ({
  text: c.text,
  colSpan: c.colSpan,
  rowSpan: c.rowSpan,
  align: c.align,
  bold: c.bold,
  unknown: c.unknown,
});

function tableOut(t: DocTable): PublicTable {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    subtitle: t.subtitle,
    unitLine: t.unitLine,
    unitLabel: t.unitLabel,
    header: t.header.map((r) => r.map(cellOut)),
    rows: t.rows.map((r) => ({ cells: r.cells.map(cellOut), bold: r.bold, indent: r.indent })),
    notes: t.notes ?? [],
  };
}

function blockOut(b: Block): PublicBlock | undefined {
  switch (b.type) {
    case 'title':
      return { type: 'title', text: b.text, subtitle: b.subtitle };
    case 'heading':
      return { type: 'heading', level: b.level, text: b.text };
    case 'paragraph':
      return {
        type: 'paragraph',
        text: b.runs.map((r) => r.text).join(''),
        placeholder: b.runs.some((r) => r.placeholder === true),
      };
    case 'table':
      return { type: 'table', tableId: b.table.id };
    case 'chart':
      return { type: 'chart', chartId: b.chart.id };
    default:
      return undefined;
  }
}

/** A headline figure of a publication, for comparing units and years in the public index. */
export interface KeyFigure {
  key: string;
  label: string;
  /** Exact amount in 分 (an integer), for sorting; the text is what prints. */
  fen: number;
  text: string;
}

/** The figures the public index compares: T1's cells, by model row. */
const KEY_FIGURES: readonly { row: string; label: string }[] = [
  { row: 'incomeTotal', label: '本年收入合计' },
  { row: 'expenditureTotal', label: '本年支出合计' },
  { row: 'generalBudget', label: '一般公共预算财政拨款收入' },
];

/** A published disclosure, built once per request from its stored data in the profile it names. */
export class Publication {
  readonly #doc: ReportDocument;
  readonly #data: unknown;

  constructor(data: unknown) {
    const d = disclosureFromData(data);
    const name = d.profile && builtinProfileNames().includes(d.profile) ? d.profile : 'central';
    this.#doc = buildReport(d, builtinProfile(name), {});
    this.#data = data;
  }

  view(): PublicDocument {
    const doc = this.#doc;
    return {
      title: doc.title,
      unitName: doc.unitName,
      year: doc.year,
      profile: doc.profile,
      draft: doc.draft,
      blocks: doc.blocks.map(blockOut).filter((b): b is PublicBlock => b !== undefined),
      tables: doc.blocks.flatMap((b) => (b.type === 'table' ? [tableOut(b.table)] : [])),
      charts: doc.charts.map((c) => ({
        id: c.id,
        kind: c.kind,
        title: c.title,
        categories: [...c.categories],
        series: c.series.map((s) => ({ name: s.name, values: [...s.values] })),
        unit: c.unit,
      })),
    };
  }

  /** T1's headline figures (万元, as printed); a figure the data leaves unknown is left out. */
  keyFigures(): KeyFigure[] {
    const t1 = this.#doc.tables.find((t) => t.id === 't1');
    const byRow = new Map<string, number>();
    for (const r of t1?.rows ?? [])
      for (const c of r.cells) if (c.ref && c.fen !== undefined && !c.unknown) byRow.set(c.ref.row, c.fen);
    return KEY_FIGURES.flatMap((k) => {
      const fen = byRow.get(k.row);
      return fen === undefined
        ? []
        : [{ key: k.row, label: k.label, fen, text: formatAmount(fen, { unit: '万元', decimals: 2 }) }];
    });
  }

  async file(format: PublicationFormat): Promise<Uint8Array | string> {
    switch (format) {
      case 'docx':
        return writeDocx(this.#doc);
      case 'xlsx':
        return writeXlsx(this.#doc);
      case 'html':
        return writeHtml(this.#doc);
      case 'csv':
        return writeCsv(this.#doc);
      case 'json':
        return writeJson(this.#doc, disclosureFromData(this.#data));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 整改通知

export interface NoticeComment {
  body: string;
  where: string;
  author: string;
  createdAt: string;
}

export interface NoticeInput {
  unitName: string;
  year: number;
  /** Who issues it (the reviewer's organisation, or the bureau). */
  issuer: string;
  /** The date printed, YYYY年M月D日. */
  date: string;
  findings: FindingData[];
  comments: NoticeComment[];
}

const SEVERITY_TEXT: Record<FindingData['severity'], string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

const textCell = (text: string, align: 'left' | 'center' = 'left') => ({ text, align });

/** A sum's location names every addend; the notice names the first two and how many in all. */
function shortLocation(location: string): string {
  const parts = location.split('；');
  return parts.length > 2 ? `${parts.slice(0, 2).join('；')} 等 ${parts.length} 处` : location;
}

/** The 整改通知 as a format-neutral document: the findings to correct with the basis of each, then the reviewer's comments. */
export function rectificationNoticeDocument(n: NoticeInput): ReportDocument {
  const findings = n.findings.filter((f) => f.severity !== 'info');
  const blocks: Block[] = [
    { type: 'title', text: `关于${n.unitName}${n.year}年度部门决算公开的整改通知` },
    { type: 'paragraph', indent: false, runs: [{ text: `${n.unitName}：` }] },
    {
      type: 'paragraph',
      runs: [
        {
          text:
            findings.length + n.comments.length === 0
              ? `经审核，贵单位${n.year}年度部门决算公开材料未发现须整改的问题。`
              : `经审核，贵单位报送的${n.year}年度部门决算公开材料存在以下问题${findings.length > 0 ? `（校验发现错误 ${findings.filter((f) => f.severity === 'error').length} 个、警告 ${findings.filter((f) => f.severity === 'warning').length} 个）` : ''}，请对照所列依据逐项整改，整改完成后重新提交审核。`,
        },
      ],
    },
  ];
  const tables: DocTable[] = [];
  if (findings.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: '一、校验发现的问题' });
    const t: DocTable = {
      id: 'findings',
      number: '',
      title: '校验问题清单',
      columns: [
        { key: 'n', kind: 'count', width: 4 },
        { key: 'severity', kind: 'text', width: 5 },
        { key: 'location', kind: 'text', width: 12 },
        { key: 'message', kind: 'text', width: 32 },
        { key: 'basis', kind: 'text', width: 22 },
      ],
      header: [
        ['序号', '类别', '位置', '问题', '依据'].map((h) => ({
          text: h,
          align: 'center' as const,
          bold: true,
        })),
      ],
      rows: findings.map((f, i) => {
        const rule = ruleBasis(f.rule);
        return {
          cells: [
            textCell(String(i + 1), 'center'),
            textCell(SEVERITY_TEXT[f.severity], 'center'),
            textCell(shortLocation(f.location)),
            textCell(f.message),
            textCell(rule ? `${rule.title}（${rule.basis}）` : f.rule),
          ],
        };
      }),
    };
    tables.push(t);
    blocks.push({ type: 'table', table: t });
  }
  if (n.comments.length > 0) {
    blocks.push({
      type: 'heading',
      level: 2,
      text: findings.length > 0 ? '二、审核意见' : '一、审核意见',
    });
    n.comments.forEach((c, i) =>
      blocks.push({
        type: 'paragraph',
        runs: [
          { text: `${i + 1}. ${c.where ? `（${c.where}）` : ''}${c.body}（${c.author}，${c.createdAt}）` },
        ],
      }),
    );
  }
  blocks.push(
    { type: 'paragraph', indent: false, runs: [{ text: '' }] },
    { type: 'paragraph', align: 'right', indent: false, runs: [{ text: n.issuer }] },
    { type: 'paragraph', align: 'right', indent: false, runs: [{ text: n.date }] },
  );
  return {
    title: `${n.unitName}${n.year}年度部门决算公开整改通知`,
    unitName: n.unitName,
    year: n.year,
    profile: 'notice',
    draft: false,
    blocks,
    tables,
    charts: [],
  };
}

export function rectificationNoticeDocx(n: NoticeInput): Promise<Uint8Array> {
  return writeDocx(rectificationNoticeDocument(n));
}

// ---------------------------------------------------------------------------------------------
// Auditing published PDFs

export interface PdfAuditFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  page?: number | undefined;
  text?: string | undefined;
  expected?: string | undefined;
  actual?: string | undefined;
  basis?: string | undefined;
}

export interface PdfAuditOutcome {
  kind: string;
  pages: number;
  unit?: string | undefined;
  year?: number | undefined;
  summary: { error: number; warning: number; info: number };
  findings: PdfAuditFinding[];
  tables: { id: string; title: string; status: string; pages: number[]; reason?: string | undefined }[];
}

const require = createRequire(import.meta.url);
let assets: { cMapUrl: string; standardFontDataUrl: string } | undefined;
/** pdfjs's CMaps and fonts (without them Chinese text comes out empty). */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assets) {
    const pkg = dirname(require.resolve('pdfjs-dist/package.json'));
    assets = { cMapUrl: join(pkg, 'cmaps') + '/', standardFontDataUrl: join(pkg, 'standard_fonts') + '/' };
  }
  return assets;
}

/** A document that cannot be read: core's Chinese message (never a stack trace). */
export class UnreadableDocument extends Error {}

export async function auditPublishedDocument(bytes: Uint8Array, fileName: string): Promise<PdfAuditOutcome> {
  let r: Awaited<ReturnType<typeof auditDocument>>;
  try {
    r = await auditDocument(bytes, fileName, pdfjsAssets());
  } catch (e) {
    if (e instanceof JuesuanError) throw new UnreadableDocument(e.message);
    throw e;
  }
  return {
    kind: r.kind,
    pages: r.pages,
    unit: r.unit,
    year: r.year,
    summary: { ...r.summary },
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      page: findingPage(f),
      text: findingQuote(f),
      expected: f.expected,
      actual: f.actual,
      basis: ruleBasis(f.rule)?.basis,
    })),
    tables: r.tables.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      pages: [...t.pages],
      reason: t.reason,
    })),
  };
}
