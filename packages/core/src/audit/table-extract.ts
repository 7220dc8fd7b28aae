/**
 * The nine public tables rebuilt from a read PDF (issue 4, item 3): each found by its title, its
 * columns by the header labels' positions, its rows by code or label, and mapped to the model (rows
 * keyed by code or fixed row id of model/tables.ts, columns by the spec's column ids). A table is
 * accepted only when its own identities balance (DOMAIN.md §5, with the rounding interval rule of
 * rules/arithmetic.ts: the table rules of the catalogue run on a model holding that table alone);
 * otherwise it is 'unreadable' with the reason, so that no wrong figure is ever checked.
 */
import { normaliseNumberText } from '../money/amount.ts';
import { TABLE_IDS, TABLE_SPECS } from '../model/tables.ts';
import type { TextDocument } from '../read/text-document.ts';
import type { Token, TokenLine } from './table-geometry.ts';
import { documentLines, hasPositions, locateTables, plainLines, type LocatedTable } from './table-locate.ts';
import type { ExtractedTable } from './types.ts';
import type { TableRead, Context } from './tables/read-common.ts';
import { readClassified } from './tables/classified.ts';
import { readT6 } from './tables/t6.ts';
import { readT1 } from './tables/t1.ts';
import { readT4 } from './tables/t4.ts';
import { readT7 } from './tables/t7.ts';
import { checkTable, classNameIndex } from './tables/check.ts';

export { TABLE_IDENTITY_RULES } from './tables/check.ts';

/** The report year from the document ("2024 年度"), for the classification catalogue. */
function documentYear(lines: readonly TokenLine[]): number | undefined {
  for (const l of lines.slice(0, 200)) {
    const m = /(20\d{2})年度/.exec(l.norm);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function placeholdersOf(loc: LocatedTable): Token[] {
  return loc.lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'placeholder'));
}

function extractOne(loc: LocatedTable, ctx: Context): ExtractedTable {
  const base: ExtractedTable = { id: loc.id, title: loc.title, pages: loc.pages, status: 'unreadable' };
  if (loc.statement !== undefined) base.statement = loc.statement;
  const figures = loc.lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'amount'));
  const nonZero = figures.filter((t) => !/^[-+(]?[0.,]+\)?$/.test(normaliseNumberText(t.text)));
  const placeholders = placeholdersOf(loc);
  if (nonZero.length === 0 && (figures.length === 0 || loc.statement !== undefined)) {
    if (loc.statement !== undefined) return { ...base, status: 'empty', reason: loc.statement };
    if (placeholders.length > 0)
      return {
        ...base,
        status: 'unreadable',
        reason: `表中只有占位符（${[...new Set(placeholders.map((t) => t.text))].slice(0, 3).join('、')}），没有金额`,
      };
    return { ...base, status: 'empty', reason: '表中没有金额，也没有空表说明' };
  }
  let read: TableRead;
  switch (loc.id) {
    case 't1':
      read = readT1(loc, ctx);
      break;
    case 't4':
      read = readT4(loc, ctx);
      break;
    case 't6':
      read = readT6(loc, ctx);
      break;
    case 't7':
      read = readT7(loc, ctx);
      break;
    default:
      read = readClassified(loc, ctx);
  }
  const notes = [...read.notes];
  if (loc.statement !== undefined) notes.push(`表中有金额，但表下写有空表说明：${loc.statement}`);
  if (read.problems.length === 0 && read.rows.length === 0) read.problems.push('没有读到任何行');
  if (read.problems.length > 0) return withNotes({ ...base, reason: summarise(read.problems) }, notes);
  const checked = checkTable(loc.id, read, ctx);
  if (checked.problems.length > 0 || !checked.model)
    return withNotes({ ...base, reason: `表内关系不平衡，可能读错：${summarise(checked.problems)}` }, notes);
  if (checked.unchecked) notes.push('表中没有可以互相核对的数（缺少明细或合计），读出的数未经表内关系核对');
  const table = checked.model.tables[loc.id];
  const rows: NonNullable<ExtractedTable['rows']> = table.rows.map((r) => {
    const out: NonNullable<ExtractedTable['rows']>[number] = { key: r.key, name: r.name, cells: r.values };
    if (r.code !== undefined) out.code = r.code;
    if (r.budget) out.budget = r.budget;
    const ev = read.evidence.get(r.key);
    if (ev) out.evidence = ev;
    return out;
  });
  return withNotes({ ...base, status: 'read', rows }, notes);
}

function withNotes(t: ExtractedTable, notes: readonly string[]): ExtractedTable {
  if (notes.length > 0) t.notes = [...new Set(notes)];
  return t;
}

function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('；');
  return problems.length > 3 ? `${shown}；另有 ${problems.length - 3} 处` : shown;
}

/**
 * The nine tables of a publication, in order t1 … t9: 'read' with rows keyed as in the model when the
 * table's own identities balance; 'empty' for a table published empty (with its statement); 'unreadable'
 * with the reason; 'missing' when its title is not found. `year` selects the classification catalogue
 * (表一、表四 print 类 names without codes); by default the year in the document.
 */
export function extractTables(doc: TextDocument, year?: number): ExtractedTable[] {
  try {
    return extractAll(doc, year);
  } catch (e) {
    // A bug must not stop the audit: every table is reported unreadable with the cause.
    return TABLE_IDS.map((id) => ({
      id,
      title: TABLE_SPECS[id].name,
      pages: [],
      status: 'unreadable',
      reason: `读取表格时出错：${(e as Error).message}`,
    }));
  }
}

function extractAll(doc: TextDocument, year: number | undefined): ExtractedTable[] {
  const positioned = hasPositions(doc);
  const lines = positioned ? documentLines(doc) : plainLines(doc);
  const y = year ?? documentYear(lines) ?? new Date().getFullYear() - 1;
  const ctx: Context = { unit: '万元', year: y, classNames: classNameIndex(y) };
  const found = locateTables(lines);
  return TABLE_IDS.map((id): ExtractedTable => {
    const loc = found.get(id);
    const name = TABLE_SPECS[id].name;
    if (!loc) return { id, title: name, pages: [], status: 'missing', reason: `没有找到《${name}》` };
    if (!positioned) {
      const t: ExtractedTable = { id, title: loc.title, pages: loc.pages, status: 'unreadable' };
      if (loc.statement !== undefined)
        return { ...t, status: 'empty', reason: loc.statement, statement: loc.statement };
      return { ...t, reason: '文档没有文字位置（不是 PDF），无法按版面重建表格' };
    }
    try {
      return extractOne(loc, { ...ctx, unit: loc.unit });
    } catch (e) {
      return {
        id,
        title: loc.title,
        pages: loc.pages,
        status: 'unreadable',
        reason: `读取时出错：${(e as Error).message}`,
      };
    }
  });
}
