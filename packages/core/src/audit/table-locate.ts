/**
 * Finds the nine tables in a read PDF: each by its title (the names vary by region and year: the
 * glossary's names and variants of each table, the profiles' `tables.names`), confirmed by a table
 * header below it (so the table of contents and narrative mentions are not taken for tables), and
 * followed down the page and onto the next pages until the notes under it, the next table or text.
 */
import type { MoneyUnit } from '../money/amount.ts';
import { glossaryLabels } from '../glossary/glossary.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';
import type { TextDocument } from '../read/text-document.ts';
import { builtinProfile, builtinProfileNames } from '../report/profile.ts';
import { fold, groupLines, pageTokens, type Token, type TokenLine } from './table-geometry.ts';

let titleIndex: { name: string; id: TableId }[] | undefined;

/** Every known title, longest first (so 财政拨款收入支出决算总表 wins over 收入支出决算总表). */
function titles(): { name: string; id: TableId }[] {
  if (titleIndex) return titleIndex;
  const seen = new Map<string, TableId>();
  const add = (id: TableId, name: string) => {
    const n = fold(name);
    if (n && !seen.has(n)) seen.set(n, id);
  };
  // The MoF name and the names other regions and years print (the glossary's labels of the table).
  for (const id of TABLE_IDS) for (const n of glossaryLabels(TABLE_SPECS[id].term)) add(id, n);
  for (const p of builtinProfileNames()) {
    const names = builtinProfile(p).tables.names as Record<string, string | undefined>;
    for (const id of TABLE_IDS) {
      const n = names[id];
      if (n) add(id, n);
    }
  }
  titleIndex = [...seen].map(([name, id]) => ({ name, id })).sort((a, b) => b.name.length - a.name.length);
  return titleIndex;
}

/** The table a title line names, or undefined. Accepts "表二 收入决算表", "附表2：…", "XX单位2024年度收入决算表（续）". */
export function matchTitle(lineNorm: string): { id: TableId; name: string } | undefined {
  const s = lineNorm.replace(/[(（]续(?:表)?[)）]$|续表$/, '');
  if (s.length > 70 || /[。，;；]/.test(s)) return undefined;
  for (const t of titles()) {
    if (!s.endsWith(t.name)) continue;
    const prefix = s.slice(0, s.length - t.name.length);
    // A narrative sentence that ends with a table name ("详见…") is not a title.
    if (/见|如下|详|根据|所示/.test(prefix)) return undefined;
    return { id: t.id, name: t.name };
  }
  return undefined;
}

const UNIT_RE = /单位[:：]?\s*(万元|元|亿元)/;

/** Words of table headers: a title followed by these within a few lines is a table, not a contents entry. */
const HEADER_WORDS = [
  '项目',
  '科目名称',
  '科目编码',
  '功能分类',
  '经济分类',
  '决算数',
  '预算数',
  '本年收入',
  '本年支出',
  '基本支出',
  '项目支出',
  '因公出国',
  '公务接待',
  '年初结转',
];

export interface LocatedTable {
  id: TableId;
  /** The title as printed. */
  title: string;
  titleLine: TokenLine;
  /** Lines of the table below the title, page by page (page numbers removed). */
  lines: TokenLine[];
  pages: number[];
  unit: MoneyUnit;
  /** The empty-table statement printed with it ("本表为空表", "故本表无数据"). */
  statement?: string;
  /** Lines printed under the table (notes, statements), for quoting. */
  notes: TokenLine[];
}

function isTerminator(l: TokenLine): boolean {
  const n = l.norm;
  if (/^(?:注|说明|备注|填表说明)[:：]/.test(n) || /^注\d?[、.．]/.test(n)) return true;
  if (/^第[一二三四五六七八九十]+部分/.test(n)) return true;
  // Prose: a sentence, not a table row.
  if (/。/.test(n) && n.length > 16) return true;
  if (n.length >= 28 && /[,，]/.test(n) && l.tokens.length <= 2 && !l.tokens.some((t) => t.kind === 'amount'))
    return true;
  if (
    /^[一二三四五六七八九十]+、.*(?:情况说明|情况|说明)$/.test(n) &&
    !l.tokens.some((t) => t.kind === 'amount')
  )
    return true;
  return false;
}

function headerEvidence(lines: TokenLine[], start: number, page: number): boolean {
  let words = 0;
  for (let i = start; i < Math.min(lines.length, start + 10); i++) {
    const l = lines[i]!;
    if (l.page !== page) break;
    if (matchTitle(l.norm)) break;
    if (UNIT_RE.test(l.norm)) return true;
    // Contents entries and narrative headings ("四、财政拨款收入支出决算总体情况说明") are not headers.
    if (/^[一二三四五六七八九十]+、|说明|情况|第[一二三四五六七八九十]+部分/.test(l.norm)) continue;
    for (const w of HEADER_WORDS) if (l.norm.includes(w)) words++;
    if (words >= 2) return true;
  }
  return false;
}

const EMPTY_RE = /空表|无数据|不涉及|没有[^。]{0,60}(?:收入|支出|经费|数据)/;

/** The sentence under a table saying it is empty ("…故本表无数据。"), joined across line breaks. */
function emptyStatement(notes: readonly TokenLine[]): string | undefined {
  // Paragraphs start at "注：" / "说明：" lines; sentences end at "。".
  const text = notes.map((l) => (/^(?:注|说明|备注)[:：]/.test(l.norm) ? '\n' : '') + l.text).join('');
  for (const sentence of text.split(/(?<=。)|\n/)) {
    const f = fold(sentence);
    if (EMPTY_RE.test(f) && !/^注[:：]?本表反映/.test(f)) return sentence.trim();
  }
  return undefined;
}

/** Lines of the whole document, page by page, with page numbers removed. */
export function documentLines(doc: TextDocument): TokenLine[] {
  const out: TokenLine[] = [];
  for (const p of doc.pages) out.push(...groupLines(pageTokens(p)));
  return out;
}

/** Whether the document has positions (a PDF read with items); DOCX and text do not. */
export function hasPositions(doc: TextDocument): boolean {
  return doc.pages.some((p) => p.lines.some((l) => (l.items?.length ?? 0) > 0));
}

/** Lines of a document without positions, one token per line (for finding titles and statements only). */
export function plainLines(doc: TextDocument): TokenLine[] {
  const out: TokenLine[] = [];
  for (const p of doc.pages) {
    for (const l of p.lines) {
      const t: Token = {
        text: l.text,
        norm: fold(l.text),
        kind: 'text',
        page: p.page,
        x: 0,
        x2: 0,
        y: l.line,
        h: 1,
      };
      out.push({ page: p.page, y: l.line, h: 1, tokens: [t], norm: t.norm, text: l.text });
    }
  }
  return out;
}

/** Finds each of the nine tables; a table not found is absent from the map. */
export function locateTables(lines: TokenLine[]): Map<TableId, LocatedTable> {
  // Title candidates confirmed by a header.
  const starts: { index: number; id: TableId }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = matchTitle(lines[i]!.norm);
    if (!m) continue;
    if (!headerEvidence(lines, i + 1, lines[i]!.page)) continue;
    starts.push({ index: i, id: m.id });
  }
  const startAt = new Map(starts.map((s) => [s.index, s.id]));
  const out = new Map<TableId, LocatedTable>();
  for (const s of starts) {
    if (out.has(s.id)) continue;
    const titleLine = lines[s.index]!;
    const body: TokenLine[] = [];
    const notes: TokenLine[] = [];
    let unit: MoneyUnit = '万元';
    let i = s.index + 1;
    let page = titleLine.page;
    let continuationPages = 0;
    let ended = false;
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      const other = startAt.get(i);
      // Another table starts; the same title on the next page is this table continued ("（续）").
      if (other !== undefined && (other !== s.id || l.page === page)) break;
      if (l.page !== page) {
        // The table goes on to the next page only when that page starts with table rows (or its own title
        // repeated, "（续）"), not with text, another table or a title of something else ("…绩效自评表").
        if (l.page !== page + 1 || continuationPages >= 8 || isTerminator(l)) break;
        const again = matchTitle(l.norm);
        if (again && again.id !== s.id) break;
        if (!again && /表$/.test(l.norm) && !l.tokens.some((t) => t.kind === 'amount' || t.kind === 'digits'))
          break;
        page = l.page;
        continuationPages++;
        if (again) continue;
      }
      const u = UNIT_RE.exec(l.norm);
      if (u && body.length === 0) {
        unit = u[1] as MoneyUnit;
        continue;
      }
      if (/^编制单位/.test(l.norm) || (u && !l.tokens.some((t) => t.kind === 'amount'))) continue;
      if (isTerminator(l)) {
        ended = true;
        break;
      }
      body.push(l);
    }
    // Notes and statements printed under the table, up to the next table.
    if (ended) {
      for (let j = i; j < lines.length && j < i + 8 && !startAt.has(j); j++) notes.push(lines[j]!);
    }
    const pages = [...new Set([titleLine.page, ...body.map((l) => l.page)])];
    const located: LocatedTable = {
      id: s.id,
      title: titleLine.text,
      titleLine,
      lines: body,
      pages,
      unit,
      notes,
    };
    const statement = emptyStatement([...body.filter((l) => EMPTY_RE.test(l.norm)), ...notes]);
    if (statement !== undefined) located.statement = statement;
    out.set(s.id, located);
  }
  return out;
}
