/**
 * The parts and sections of a publication, found by their headings (DOMAIN.md §1 and §6): 第一部分 …
 * 第四部分; 一、… 十一、 of 决算情况说明; （一）… within them; and the nine tables listed or printed.
 * The vocabulary covers the three profiles (xinjiang-2022, central, shanghai-2024) and the real
 * publications in the fixtures. A table of contents repeats the headings without text: of two
 * headings with the same meaning, the one followed by more text is the real one.
 */
import { glossaryName } from '../glossary/glossary.ts';
import type { TextDocument } from '../read/text-document.ts';
import { buildFlow, foldText, type Flow, type FlowLineKind } from './text-flow.ts';

export const PartId = {
  Profile: 'profile',
  Tables: 'tables',
  Narrative: 'narrative',
  Glossary: 'glossary',
  PerformanceTable: 'performanceTable',
} as const;
export type PartId = (typeof PartId)[keyof typeof PartId];

export const SectionId = {
  Overview: 'overview',
  Income: 'income',
  Expenditure: 'expenditure',
  Fiscal: 'fiscal',
  General: 'general',
  Basic: 'basic',
  ThreePublic: 'threePublic',
  Fund: 'fund',
  Capital: 'capital',
  Other: 'other',
  Performance: 'performance',
} as const;
export type SectionId = (typeof SectionId)[keyof typeof SectionId];

export const SubsectionId = {
  GeneralTotal: 'general.total',
  GeneralStructure: 'general.structure',
  GeneralItems: 'general.items',
  AdminCost: 'adminCost',
  Procurement: 'procurement',
  Assets: 'assets',
} as const;
export type SubsectionId = (typeof SubsectionId)[keyof typeof SubsectionId];

/** Standard names (DOMAIN.md §1, §6, from the glossary), for messages. */
export const PART_NAMES: Readonly<Record<PartId, string>> = Object.fromEntries(
  Object.values(PartId).map((id) => [id, glossaryName(`part.${id}`)]),
) as Record<PartId, string>;

export const SECTION_NAMES: Readonly<Record<SectionId, string>> = Object.fromEntries(
  Object.values(SectionId).map((id) => [id, glossaryName(`section.${id}`)]),
) as Record<SectionId, string>;

export const SUBSECTION_NAMES: Readonly<Record<SubsectionId, string>> = Object.fromEntries(
  Object.values(SubsectionId).map((id) => [id, glossaryName(`subsection.${id}`)]),
) as Record<SubsectionId, string>;

const SUBSECTION_PARENT: Readonly<Record<SubsectionId, SectionId>> = {
  'general.total': 'general',
  'general.structure': 'general',
  'general.items': 'general',
  adminCost: 'other',
  procurement: 'other',
  assets: 'other',
};

/** Heading text without its numbering (第三部分, 十一、, （二）) and quotes. */
function headingTitle(norm: string): string {
  return norm
    .replace(/^第[一二三四五六七八九十]+部分/, '')
    .replace(/^[一二三四五六七八九十]{1,3}、/, '')
    .replace(/^\([一二三四五六七八九十]{1,3}\)/, '')
    .replace(/[“”"'‘’]/g, '');
}

export function partIdOf(norm: string): PartId | undefined {
  if (/^项目支出绩效自评表/.test(norm)) return 'performanceTable';
  const t = headingTitle(norm);
  if (/名词解释/.test(t)) return 'glossary';
  if (/情况说明|决算情况|决算说明/.test(t)) return 'narrative';
  if (/决算表|报表/.test(t)) return 'tables';
  if (/概况|基本情况/.test(t)) return 'profile';
  return undefined;
}

export function sectionIdOf(norm: string): SectionId | undefined {
  const t = headingTitle(norm);
  if (!/(情况|说明|情况说明)。?$/.test(t)) return undefined;
  if (/财政拨款收入支出决算总体/.test(t)) return 'fiscal';
  if (/收入支出决算总体/.test(t)) return 'overview';
  if (/三公/.test(t)) return 'threePublic';
  if (/基本支出决算/.test(t)) return 'basic';
  if (/一般公共预算财政拨款支出决算/.test(t)) return 'general';
  if (/政府性基金预算财政拨款/.test(t)) return 'fund';
  if (/国有资本经营预算财政拨款/.test(t)) return 'capital';
  if (/^收入决算/.test(t)) return 'income';
  if (/^支出决算/.test(t)) return 'expenditure';
  if (/其他重要事项/.test(t)) return 'other';
  if (/绩效/.test(t)) return 'performance';
  return undefined;
}

export function subsectionIdOf(norm: string, parent: SectionId | undefined): SubsectionId | undefined {
  const t = headingTitle(norm);
  if (parent === 'general' || parent === undefined) {
    if (/总体情况/.test(t) && /一般公共预算/.test(t)) return 'general.total';
    if (/结构情况/.test(t)) return 'general.structure';
    if (/具体情况/.test(t) && /一般公共预算/.test(t)) return 'general.items';
  }
  if (parent === 'other' || parent === undefined) {
    if (/机关运行经费/.test(t)) return 'adminCost';
    if (/政府采购/.test(t)) return 'procurement';
    if (/国有资产/.test(t)) return 'assets';
  }
  return undefined;
}

/** A heading found in the document, with the stretch of the stream it governs. */
export interface FoundHeading<Id extends string> {
  id: Id;
  /** The heading as printed (folded). */
  text: string;
  page: number;
  line: number;
  /** Stream offsets: the heading itself, and its body up to the next heading of the same or a higher level. */
  start: number;
  bodyStart: number;
  bodyEnd: number;
}

export interface DocumentTitle {
  text: string;
  unit?: string;
  year?: number;
  page: number;
  line: number;
}

export const TABLE_TITLE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['t4', /财政拨款收入支出决算总表/],
  ['t1', /^收入支出决算总表/],
  ['t2', /^收入决算表/],
  ['t3', /^支出决算表/],
  ['t6', /一般公共预算财政拨款基本支出决算(明细)?表/],
  ['t5', /一般公共预算财政拨款支出决算表/],
  ['t7', /三公.*决算表/],
  ['t8', /政府性基金预算财政拨款收入支出决算表/],
  ['t9', /国有资本经营预算财政拨款(收入)?支出决算表/],
];

export interface ListedTable {
  id: string;
  title: string;
  page: number;
  line: number;
}

export interface MissingSection {
  level: 'part' | 'section' | 'subsection';
  id: string;
  name: string;
}

export interface DocumentSections {
  title?: DocumentTitle;
  parts: FoundHeading<PartId>[];
  sections: FoundHeading<SectionId>[];
  subsections: (FoundHeading<SubsectionId> & { parent: SectionId })[];
  /** Tables named in the tables part (a list or the printed tables' titles), first mention of each. */
  tables: ListedTable[];
  /** Standard parts and sections with no heading in the document. */
  missing: MissingSection[];
}

const LEVEL_RANK: Readonly<Partial<Record<FlowLineKind, number>>> = { part: 0, section: 1, subsection: 2 };

interface RawHeading {
  kind: 'part' | 'section' | 'subsection';
  norm: string;
  start: number;
  end: number;
  page: number;
  line: number;
}

function rawHeadings(flow: Flow): RawHeading[] {
  const out: RawHeading[] = [];
  flow.lines.forEach((l, i) => {
    if (l.kind !== 'part' && l.kind !== 'section' && l.kind !== 'subsection') return;
    const start = flow.lineStart[i]!;
    out.push({
      kind: l.kind,
      norm: l.norm,
      start,
      end: start + l.norm.length,
      page: l.source.page,
      line: l.source.line,
    });
  });
  return out;
}

/** Characters of body text in a stretch (headings and line breaks excluded). */
function bodyChars(flow: Flow, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const li = flow.lineOf[i]!;
    if (li >= 0 && flow.lines[li]!.kind === 'body') n++;
  }
  return n;
}

function govern(flow: Flow, hs: RawHeading[], i: number): number {
  const rank = LEVEL_RANK[hs[i]!.kind]!;
  for (let j = i + 1; j < hs.length; j++) if (LEVEL_RANK[hs[j]!.kind]! <= rank) return hs[j]!.start;
  return flow.text.length;
}

/** Of several headings with one meaning, the one with the most text under it (a table of contents has none). */
function best<Id extends string, H extends FoundHeading<Id>>(flow: Flow, found: H[]): H[] {
  const byId = new Map<Id, { h: H; n: number }>();
  for (const h of found) {
    const n = bodyChars(flow, h.bodyStart, h.bodyEnd);
    const prev = byId.get(h.id);
    if (!prev || n > prev.n) byId.set(h.id, { h, n });
  }
  return [...byId.values()].map((x) => x.h).sort((a, b) => a.start - b.start);
}

function findTitle(flow: Flow): DocumentTitle | undefined {
  const titleLines = flow.lines.filter((l) => l.kind === 'title');
  let text = titleLines.map((l) => l.norm).join('');
  const first = titleLines[0]?.source;
  if (!/决算/.test(text) && flow.doc.title) text = foldText(flow.doc.title);
  if (!/决算/.test(text)) {
    // No title block: the first part heading that names the year (Shanghai: 第三部分 〈单位〉2024年度部门决算情况说明).
    const h = flow.lines.find((l) => l.kind === 'part' && /\d{4}年度?部门决算/.test(l.norm));
    if (!h) return undefined;
    text = h.norm.replace(/^第[一二三四五六七八九十]+部分/, '');
    return { ...titleParts(text), text, page: h.source.page, line: h.source.line };
  }
  return { ...titleParts(text), text, page: first?.page ?? 1, line: first?.line ?? 1 };
}

function titleParts(text: string): { unit?: string; year?: number } {
  const m = /^(.*?)(\d{4})年度?(?:部门|单位)?决算/.exec(text);
  if (!m) return {};
  const unit = m[1]!.replace(/^[“”"]+|[“”"]+$/g, '').trim();
  return { ...(unit ? { unit } : {}), year: Number(m[2]) };
}

/** Finds the parts, sections and tables of an already built stream. */
export function sectionsOfFlow(flow: Flow): DocumentSections {
  const hs = rawHeadings(flow);
  const parts: FoundHeading<PartId>[] = [];
  const sectionsAll: FoundHeading<SectionId>[] = [];
  hs.forEach((h, i) => {
    const end = govern(flow, hs, i);
    if (h.kind === 'part') {
      const id = partIdOf(h.norm);
      if (id)
        parts.push({
          id,
          text: h.norm,
          page: h.page,
          line: h.line,
          start: h.start,
          bodyStart: h.end,
          bodyEnd: end,
        });
    } else if (h.kind === 'section') {
      const id = sectionIdOf(h.norm);
      if (id)
        sectionsAll.push({
          id,
          text: h.norm,
          page: h.page,
          line: h.line,
          start: h.start,
          bodyStart: h.end,
          bodyEnd: end,
        });
    }
  });
  const bestParts = best(flow, parts);
  const narrative = bestParts.find((p) => p.id === 'narrative');
  const inNarrative = (h: { start: number }) =>
    !narrative || (h.start >= narrative.bodyStart && h.start < narrative.bodyEnd);
  const sections = best(flow, sectionsAll.filter(inNarrative));
  const subsAll: (FoundHeading<SubsectionId> & { parent: SectionId })[] = [];
  hs.forEach((h, i) => {
    if (h.kind !== 'subsection') return;
    const parent = sections.find((s) => h.start >= s.bodyStart && h.start < s.bodyEnd);
    if (!parent) return;
    const id = subsectionIdOf(h.norm, parent.id);
    if (!id || SUBSECTION_PARENT[id] !== parent.id) return;
    subsAll.push({
      id,
      parent: parent.id,
      text: h.norm,
      page: h.page,
      line: h.line,
      start: h.start,
      bodyStart: h.end,
      bodyEnd: govern(flow, hs, i),
    });
  });
  const subsections = best(flow, subsAll);
  const tablesPart = bestParts.find((p) => p.id === 'tables');
  const tables = listedTables(flow, tablesPart);
  const missing: MissingSection[] = [];
  for (const id of ['profile', 'narrative', 'glossary', 'tables'] as const) {
    if (!bestParts.some((p) => p.id === id)) missing.push({ level: 'part', id, name: PART_NAMES[id] });
  }
  for (const id of Object.values(SectionId)) {
    if (!sections.some((s) => s.id === id)) missing.push({ level: 'section', id, name: SECTION_NAMES[id] });
  }
  for (const id of Object.values(SubsectionId)) {
    const parentFound = sections.some((s) => s.id === SUBSECTION_PARENT[id]);
    if (parentFound && !subsections.some((s) => s.id === id))
      missing.push({ level: 'subsection', id, name: SUBSECTION_NAMES[id] });
  }
  const title = findTitle(flow);
  return { ...(title ? { title } : {}), parts: bestParts, sections, subsections, tables, missing };
}

function listedTables(flow: Flow, part: FoundHeading<PartId> | undefined): ListedTable[] {
  const out: ListedTable[] = [];
  flow.lines.forEach((l, i) => {
    const start = flow.lineStart[i]!;
    if (start < 0 || l.kind === 'title') return;
    if (part && (start < part.bodyStart || start >= part.bodyEnd)) return;
    if (!part && l.kind === 'body') return;
    const t = l.norm
      .replace(/^[一二三四五六七八九十]{1,3}、/, '')
      .replace(/^\d{1,2}[.、]/, '')
      .replace(/^(附)?表[一二三四五六七八九十\d]+[、.:]?/, '')
      .replace(/[《》]/g, '')
      .replace(/[“”"]/g, '');
    if (t.length > 32) return;
    for (const [id, re] of TABLE_TITLE_PATTERNS) {
      if (re.test(t) && !out.some((x) => x.id === id)) {
        out.push({ id, title: t, page: l.source.page, line: l.source.line });
        break;
      }
    }
  });
  return out.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

/** Finds the parts, sections and tables of a document, and the standard ones it lacks. */
export function findSections(doc: TextDocument): DocumentSections {
  return sectionsOfFlow(buildFlow(doc));
}

/** The section (and subsection) a stream position belongs to. */
export function sectionAt(
  s: DocumentSections,
  index: number,
): { section?: FoundHeading<SectionId>; subsection?: FoundHeading<SubsectionId> } {
  const section = s.sections.find((x) => index >= x.bodyStart && index < x.bodyEnd);
  const subsection = s.subsections.find((x) => index >= x.bodyStart && index < x.bodyEnd);
  return { ...(section ? { section } : {}), ...(subsection ? { subsection } : {}) };
}
