/**
 * Auditing one file from disk: resolves pdfjs's CMaps and fonts, reads and audits the document and turns the result
 * into its JSON form (with the damage the PDF reader found; the audit reports it as document-damaged findings).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import {
  auditTextDocument,
  ErrorCode,
  formatAmount,
  JuesuanError,
  readDocument,
  type AuditResult,
  type PdfDamage,
  type SeverityOverrides,
} from '@juesuan/core/audit';
import type { SummaryRow } from './audit-report.ts';
import { findingWithHint } from './hints.ts';

const require = createRequire(import.meta.url);

/** pdfjs-dist's CMaps and standard fonts as plain directory paths ending in "/" (without them Chinese comes out empty). */
export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const pkg = dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(pkg, 'cmaps') + '/', standardFontDataUrl: join(pkg, 'standard_fonts') + '/' };
}

export const MAX_AUDIT_BYTES = 200 * 1024 * 1024;

export interface FigureJson {
  name: string;
  key: string;
  value: string;
  unit: string;
  page: number;
  text: string;
  share?: string;
  change?: string;
}

export interface AuditJson {
  file: string;
  year?: number;
  unit?: string;
  kind: AuditResult['kind'];
  pages: number;
  figures: FigureJson[];
  tables: AuditResult['tables'];
  findings: AuditResult['findings'];
  summary: AuditResult['summary'];
  /** What is damaged in the PDF (reader's data; the findings of document-damaged say it in words). */
  damage?: PdfDamage[];
}

function figureValue(f: AuditResult['figures'][number]): string {
  if (f.fen === undefined) return f.value ?? '';
  const unit = f.unit === '元' || f.unit === '亿元' ? f.unit : '万元';
  return formatAmount(f.fen, { unit, decimals: Math.max(f.decimals, 2) });
}

export function auditToJson(r: AuditResult): AuditJson {
  const out: AuditJson = {
    file: r.file,
    kind: r.kind,
    pages: r.pages,
    figures: r.figures.map((f) => {
      const x: FigureJson = {
        name: f.name,
        key: f.key,
        value: figureValue(f),
        unit: f.unit,
        page: f.evidence.page,
        text: f.evidence.text,
      };
      if (f.share) x.share = f.share.text;
      if (f.change)
        x.change = [f.change.direction, f.change.amountText, f.change.rateDirection, f.change.rateText]
          .filter(Boolean)
          .join(' ');
      return x;
    }),
    tables: r.tables,
    findings: r.year === undefined ? r.findings : r.findings.map((f) => findingWithHint(f, r.year!)),
    summary: r.summary,
  };
  if (r.year !== undefined) out.year = r.year;
  if (r.unit !== undefined) out.unit = r.unit;
  return out;
}

/** Audits one file; `overrides` are the severities of a config file (parseRuleConfig). */
export async function auditFile(file: string, overrides: SeverityOverrides = {}): Promise<AuditJson> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new JuesuanError(ErrorCode.NotFound, `找不到文件 ${file}`, [
      { file, message: '文件不存在或无法读取' },
    ]);
  }
  if (size > MAX_AUDIT_BYTES)
    throw new JuesuanError(ErrorCode.TooLarge, `${file} 过大（${size} 字节），单个文件不应超过 200 MiB`);
  const bytes = readFileSync(file);
  const ext = extname(file).toLowerCase();
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (ext === '.pdf' && !head.startsWith('%PDF')) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file} 的扩展名是 .pdf，但内容不是 PDF（文件损坏或改错了扩展名）`,
      [{ file, message: '文件开头没有 %PDF 标记' }],
    );
  }
  if (ext === '.docx' && !head.startsWith('PK')) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file} 的扩展名是 .docx，但内容不是 DOCX（文件损坏或改错了扩展名）`,
      [{ file, message: '不是 ZIP 格式的 Word 文档' }],
    );
  }
  const doc = await readDocument(bytes, file, pdfjsAssets());
  const out = auditToJson(auditTextDocument(doc, { overrides }));
  if (doc.damage) out.damage = doc.damage;
  return out;
}

/** Whether the damage lost content (a rebuilt cross-reference table alone does not). */
export const lostContent = (r: AuditJson) => (r.damage ?? []).some((d) => d.reason !== 'xref');

/** The line of summary.csv for one audited file. */
export function summaryRow(r: AuditJson): SummaryRow {
  return {
    file: r.file,
    unit: r.unit,
    year: r.year,
    errors: r.summary.error,
    warnings: r.summary.warning,
    infos: r.summary.info,
    figures: r.figures.length,
    tablesRead: r.tables.filter((t) => t.status === 'read').length,
    status: lostContent(r)
      ? '文件已损坏'
      : r.findings.some((f) => f.rule === 'document-scanned')
        ? '扫描件'
        : '已审查',
  };
}
