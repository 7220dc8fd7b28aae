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

/** Heading text without its numbering (第三部分, 十一、, （二）, 1.) and quotes. */
function headingTitle(norm: string): string {
  return norm
    .replace(/^第[一二三四五六七八九十]+部分[:：]?/, '')
    .replace(/^[一二三四五六七八九十]{1,3}、/, '')
    .replace(/^\([一二三四五六七八九十]{1,3}\)/, '')
    .replace(/^\d{1,2}[.、](?!\d)/, '')
    .replace(/[“”"'‘’]/g, '');
}

/** A table's own title (收入支出决算总表, "三公"经费支出决算表): not a part of the publication. */
function isTableTitle(t: string): boolean {
  const bare = t.replace(/^\d{4}年度?/, '').replace(/[《》]/g, '');
  return TABLE_TITLE_PATTERNS.some(([, re]) => re.test(bare)) && /表$/.test(bare);
}

export function partIdOf(norm: string): PartId | undefined {
  if (/^项目支出绩效自评表/.test(norm)) return 'performanceTable';
  const t = headingTitle(norm);
  if (/名词解释/.test(t)) return 'glossary';
  if (/情况说明|决算情况|决算说明|决算公开说明/.test(t)) return 'narrative';
  if (isTableTitle(t)) return undefined;
  if (/决算表|报表|决算公开表/.test(t)) return 'tables';
  if (/概况|基本情况/.test(t)) return 'profile';
  return undefined;
}

export function sectionIdOf(norm: string): SectionId | undefined {
  const t = headingTitle(norm);
  if (/其他(需要|重要)?(需要)?说明的?(事项|情况)|其他重要事项/.test(t)) return 'other';
  if (!/(情况|说明|情况说明|变动情况)。?$/.test(t)) return undefined;
  if (/财政拨款收入?支出?决算总体|财政拨款收支(决算)?总体/.test(t)) return 'fiscal';
  if (/收入支出决算总体|收支决算总体|财政收入支出决算总体/.test(t)) return 'overview';
  if (/三公/.test(t)) return 'threePublic';
  if (/基本支出决算|一般公共预算(财政拨款)?基本支出/.test(t)) return 'basic';
  if (/一般公共(预算)?(决算)?财政拨款(支出)?(决算)?/.test(t)) return 'general';
  if (/政府性基金预算(财政拨款)?收/.test(t)) return 'fund';
  if (/国有资本经营预算(财政拨款)?(收入)?支/.test(t)) return 'capital';
  if (/^(部门|单位)?收入决算/.test(t)) return 'income';
  if (/^(部门|单位)?支出决算/.test(t)) return 'expenditure';
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
    if (/国有资产|资产占用/.test(t)) return 'assets';
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

/**
 * What kind of publication a document is (issue 9 item 2): completeness is checked against its kind. `tables`: the
 * tables alone (a page holding 表一, the tables part printed apart), without any narrative.
 */
export type DocumentKind = 'full' | 'three-public' | 'procurement' | 'excerpt' | 'tables';
/** Whether a publication is a 部门决算 (department with its units) or a 单位决算 (one unit). */
export type DocumentForm = 'department' | 'unit';

/** A stretch of text with no heading of its own, recognised as a section by its vocabulary. */
export interface InferredSection extends FoundHeading<SectionId> {
  sub?: SubsectionId;
}

export interface DocumentSections {
  title?: DocumentTitle;
  parts: FoundHeading<PartId>[];
  sections: FoundHeading<SectionId>[];
  subsections: (FoundHeading<SubsectionId> & { parent: SectionId })[];
  /**
   * Stretches of narrative outside every section found by its heading (an unknown heading style, no
   * heading at all, a page that starts mid-section), each named by what it talks about.
   */
  inferred: InferredSection[];
  /** The sections the text covers, by heading or by vocabulary. */
  covered: SectionId[];
  kind: DocumentKind;
  form: DocumentForm;
  /** Tables named in the tables part (a list or the printed tables' titles), first mention of each. */
  tables: ListedTable[];
  /** The parts and sections the document's kind must have and it lacks (neither heading nor text). */
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

/**
 * What a heading means, whatever its numbering: the same section is "七、" in one province, "（七）" in
 * another and "第七部分" in a third, so the role comes from the words, the level from the numbering only
 * to tell where a heading's text ends.
 */
type Role =
  | { role: 'part'; id: PartId }
  | { role: 'section'; id: SectionId }
  | { role: 'subsection'; id: SubsectionId }
  | { role: 'none' };

function roleOf(h: RawHeading): Role {
  if (h.kind === 'part') {
    const p = partIdOf(h.norm);
    if (p) return { role: 'part', id: p };
  }
  // （一）一般公共预算财政拨款支出决算总体情况 is a part of its section, not the section.
  const sub = subsectionIdOf(h.norm, undefined);
  if (sub?.startsWith('general.')) return { role: 'subsection', id: sub };
  const sec = sectionIdOf(h.norm);
  if (sec) return { role: 'section', id: sec };
  if (sub) return { role: 'subsection', id: sub };
  const p = partIdOf(h.norm);
  if (p) return { role: 'part', id: p };
  return { role: 'none' };
}

const ROLE_RANK = { part: 0, section: 1, subsection: 2, none: 3 } as const;

/**
 * Where a heading's text ends: at the next heading numbered at its level or above, or at the next
 * heading whose meaning is of its role or above (a section ends where the next section begins, whatever
 * their numbering).
 */
function governs(flow: Flow, hs: RawHeading[], roles: Role[], i: number): number {
  const rank = LEVEL_RANK[hs[i]!.kind]!;
  const role = ROLE_RANK[roles[i]!.role];
  for (let j = i + 1; j < hs.length; j++) {
    const level = LEVEL_RANK[hs[j]!.kind]!;
    const other = roles[j]!.role;
    // A part is not ended by a heading of its own numbering that means nothing (the tables' titles under
    // 二、部门决算表 are numbered 一、二、… like the parts).
    if (level < rank || (level === rank && (role > 0 || other !== 'none'))) return hs[j]!.start;
    // （一）“三公”经费财政拨款支出决算总体情况说明 under 七、…“三公”… is part of it.
    const mine = roles[i]!;
    const theirs = roles[j]!;
    if (level > rank && mine.role !== 'none' && theirs.role === mine.role && theirs.id === mine.id) continue;
    if (ROLE_RANK[other] <= role) return hs[j]!.start;
  }
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

/**
 * Sections with text: a section may come twice with text (Hunan prints 机关运行经费, 政府采购 and 国有资产
 * as sections of their own, all "other"); a heading with no text is a line of the table of contents,
 * dropped when the same section has text elsewhere.
 */
function withText<Id extends string, H extends FoundHeading<Id>>(flow: Flow, found: H[]): H[] {
  const n = new Map<H, number>(found.map((h) => [h, bodyChars(flow, h.bodyStart, h.bodyEnd)]));
  const out: H[] = [];
  for (const h of found) {
    const mine = n.get(h)!;
    const same = found.filter((x) => x.id === h.id);
    const most = Math.max(...same.map((x) => n.get(x)!));
    if (mine === most || mine >= 40) {
      if (mine === most && out.some((x) => x.id === h.id && n.get(x)! === most)) continue;
      out.push(h);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One section, not two: a heading inside a section of the same meaning, or right after it, belongs to it. */
function mergeNested<H extends FoundHeading<SectionId>>(found: H[]): H[] {
  const out: H[] = [];
  for (const h of found) {
    const last = out[out.length - 1];
    if (last && last.id === h.id && h.start <= last.bodyEnd) {
      last.bodyEnd = Math.max(last.bodyEnd, h.bodyEnd);
      continue;
    }
    out.push({ ...h });
  }
  return out;
}

function findTitle(flow: Flow): DocumentTitle | undefined {
  const titleLines = flow.lines.filter((l) => l.kind === 'title');
  let text = titleLines.map((l) => l.norm).join('');
  const first = titleLines[0]?.source;
  const isTitle = (t: string) => /决算|三公|政府采购/.test(t) && /\d{4}年/.test(t);
  if (!isTitle(text) && flow.doc.title) text = foldText(flow.doc.title);
  if (!isTitle(text)) {
    // No title block: the first part heading that names the year (Shanghai: 第三部分 〈单位〉2024年度部门决算情况说明).
    const h = flow.lines.find((l) => l.kind === 'part' && /\d{4}年度?部门决算/.test(l.norm));
    if (!h) return undefined;
    text = h.norm.replace(/^第[一二三四五六七八九十]+部分/, '');
    return { ...titleParts(text), text, page: h.source.page, line: h.source.line };
  }
  return { ...titleParts(text), text, page: first?.page ?? 1, line: first?.line ?? 1 };
}

function titleParts(text: string): { unit?: string; year?: number } {
  // The year of the final accounts: 2021年“三公”经费决算 in a title that also names 2022年 … 预算.
  const m =
    /^(.*?)(\d{4})年度?(?:部门|单位)?决算/.exec(text) ??
    /^(.*?)(\d{4})年度?[^\d]{0,14}?(?:决算|情况说明|公开)/.exec(text);
  if (!m) return {};
  const unit = m[1]!.replace(/^[“”"]+|[“”"]+$/g, '').trim();
  return { ...(unit && !/\d{4}年/.test(unit) ? { unit } : {}), year: Number(m[2]) };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: what a sentence talks about, when no heading says it.

/** Topic patterns, most specific first; the earliest match in a sentence names it. */
const TOPICS: readonly (readonly [SectionId, SubsectionId | undefined, RegExp])[] = [
  ['threePublic', undefined, /三公|因公出国\(境\)(费|团组)|公务用车(购置|运行|保有)|公务接待(费|批次)/],
  ['fund', undefined, /政府性基金预算/],
  ['capital', undefined, /国有资本经营预算/],
  ['other', 'adminCost', /机关运行经费/],
  ['other', 'procurement', /政府采购|授予中小企业合同/],
  ['other', 'assets', /国有资产|固定资产|资产总额|占有使用|车辆\d+辆|房屋\d/],
  ['performance', undefined, /绩效/],
  [
    'basic',
    undefined,
    /一般公共预算财政拨款基本支出|人员经费(合计|支出)?(为|共计)?\d|公用经费(合计|支出)?(为|共计)?\d/,
  ],
  ['fiscal', undefined, /财政拨款收入?支出?总计|财政拨款收、?支|财政拨款(收入|支出)(合计|总计)/],
  ['general', undefined, /一般公共预算财政拨款|\(类\)[^。]{0,40}\(款\)[^。]{0,40}\(项\)|完成年初预算的/],
  ['overview', undefined, /收入总计|支出总计|收支总计|收、支总计|收入共计|支出共计|收支总额/],
  ['income', undefined, /收入合计|本年收入|总收入|上级补助收入|事业收入|经营收入|其他收入/],
  ['expenditure', undefined, /支出合计|本年支出|总支出|基本支出|项目支出/],
];

function topicOf(sentence: string): { id: SectionId; sub?: SubsectionId } | undefined {
  let bestAt = Infinity;
  let out: { id: SectionId; sub?: SubsectionId } | undefined;
  for (const [id, sub, re] of TOPICS) {
    const m = re.exec(sentence);
    if (m && m.index < bestAt) {
      bestAt = m.index;
      out = { id, ...(sub ? { sub } : {}) };
    }
  }
  return out;
}

/** Whether any disclosure vocabulary occurs in a text (a 决算公开, however incomplete). */
export function hasDisclosureVocabulary(text: string): boolean {
  return TOPICS.some(([, , re]) => re.test(text)) || /财政拨款|决算/.test(text);
}

interface Span {
  start: number;
  end: number;
}

/** The stretches of a range not covered by any of the spans. */
function uncovered(from: number, to: number, spans: Span[]): Span[] {
  const out: Span[] = [];
  let at = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= at) continue;
    if (s.start >= to) break;
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < to) out.push({ start: at, end: to });
  return out;
}

/**
 * Sentences of a stretch, each named by its topic: a sentence with no topic continues the one before
 * (or, at the start, the one after). Only prose counts: a sentence must end with 。 (a table copied as
 * text has none).
 */
function inferSections(flow: Flow, stretches: Span[]): InferredSection[] {
  const out: InferredSection[] = [];
  const text = flow.text;
  for (const st of stretches) {
    const sentences: { start: number; end: number; topic?: { id: SectionId; sub?: SubsectionId } }[] = [];
    let s = st.start;
    for (let i = st.start; i < st.end; i++) {
      const ch = text[i]!;
      if (ch === '\n') {
        s = i + 1;
        continue;
      }
      if (ch === '。') {
        const body = text.slice(s, i + 1);
        const topic = topicOf(body);
        sentences.push({ start: s, end: i + 1, ...(topic ? { topic } : {}) });
        s = i + 1;
      }
    }
    // No topic: the one before, else the one after.
    let prev: { id: SectionId; sub?: SubsectionId } | undefined;
    for (const x of sentences) {
      if (x.topic) prev = x.topic;
      else if (prev) x.topic = prev;
    }
    let next: { id: SectionId; sub?: SubsectionId } | undefined;
    for (let k = sentences.length - 1; k >= 0; k--) {
      const x = sentences[k]!;
      if (x.topic) next = x.topic;
      else if (next) x.topic = next;
    }
    for (const x of sentences) {
      if (!x.topic) continue;
      const last = out[out.length - 1];
      if (last && last.id === x.topic.id && last.sub === x.topic.sub && last.bodyEnd >= x.start - 1) {
        last.bodyEnd = x.end;
        continue;
      }
      const p = positionOf(flow, x.start);
      out.push({
        id: x.topic.id,
        ...(x.topic.sub ? { sub: x.topic.sub } : {}),
        text: '',
        page: p.page,
        line: p.line,
        start: x.start,
        bodyStart: x.start,
        bodyEnd: x.end,
      });
    }
  }
  return out;
}

function positionOf(flow: Flow, index: number): { page: number; line: number } {
  for (let i = index; i < flow.text.length; i++) {
    const li = flow.lineOf[i]!;
    if (li >= 0) return { page: flow.lines[li]!.source.page, line: flow.lines[li]!.source.line };
  }
  return { page: 1, line: 1 };
}

/**
 * Topics the narrative states figures of, sentence by sentence (a section's text kept without its
 * heading, or told inside another section: Chongqing's 2.收入情况 inside （一）). A sentence that only
 * says there is nothing ("本单位无国有资本经营预算…") is not the section.
 */
function topicsIn(text: string): Set<SectionId> {
  const out = new Set<SectionId>();
  for (const sentence of text.split(/[。\n]/)) {
    if (!/\d(万元|元|%)/.test(sentence)) continue;
    const t = topicOf(sentence);
    if (t) out.add(t.id);
  }
  return out;
}

/** Words that name a subsection told inside its section's paragraphs. */
const SUBSECTION_WORDS: Readonly<Record<SubsectionId, RegExp>> = {
  'general.total': /总体情况/,
  'general.structure': /结构情况|主要用于以下方面|\(类\)\d/,
  'general.items': /具体情况|\(项\)/,
  adminCost: /机关运行经费/,
  procurement: /政府采购/,
  assets: /国有资产|资产占用|固定资产/,
};

/** Sections every full publication has, whatever its province's template. */
const CORE_SECTIONS: readonly SectionId[] = ['overview', 'general', 'threePublic'];

/** The sections and parts a kind of publication must have. */
export function requiredSections(
  kind: DocumentKind,
  standardTemplate = true,
): { parts: PartId[]; sections: SectionId[] } {
  switch (kind) {
    case 'full':
      // The MoF template's eleven sections when the document follows it (most of its headings are
      // there); a regional template (Yunnan's four, Shanxi's one) only the core of every template.
      return {
        parts: ['profile', 'narrative', 'glossary', 'tables'],
        sections: standardTemplate ? Object.values(SectionId) : [...CORE_SECTIONS],
      };
    case 'three-public':
      return { parts: [], sections: ['threePublic'] };
    case 'procurement':
      return { parts: [], sections: [] };
    case 'excerpt':
      return { parts: [], sections: [] };
    case 'tables':
      // The tables are there: the other parts of a publication are not.
      return { parts: ['profile', 'narrative', 'glossary'], sections: [] };
  }
}

/**
 * The kind of a publication: a stand-alone "三公" or 政府采购 statement by its title or by talking of
 * nothing else; a full publication when it has the parts of one (two of 概况, 报表, 说明, 名词解释) or most
 * of the sections; the tables alone when it prints tables (or their part) and no narrative at all; otherwise an
 * excerpt (a page or a section of a longer publication).
 */
export function documentKind(
  title: string | undefined,
  parts: readonly PartId[],
  covered: ReadonlySet<SectionId>,
  headed: ReadonlySet<SectionId>,
  listedTables = 0,
): DocumentKind {
  const t = (title ?? '').replace(/[“”"]/g, '');
  const fullTitle =
    /部门决算|单位决算|机关决算/.test(t) || (/决算公开说明$/.test(t) && !/三公|政府采购/.test(t));
  if (/三公经费/.test(t) && !fullTitle) return 'three-public';
  if (/政府采购/.test(t) && !fullTitle) return 'procurement';
  const standard = new Set(
    ['profile', 'narrative', 'glossary', 'tables'].filter((p) => parts.includes(p as PartId)),
  );
  const topics = [...covered].filter((x) => x !== 'other' && x !== 'performance');
  if (standard.size >= 2 || headed.size >= 6 || (standard.size >= 1 && headed.size >= 4)) return 'full';
  if (covered.size === 0 && listedTables > 0 && parts.every((p) => p === 'tables')) return 'tables';
  if (!fullTitle && topics.length > 0 && topics.every((x) => x === 'threePublic')) return 'three-public';
  if (!fullTitle && covered.size > 0 && [...covered].every((x) => x === 'other') && topics.length === 0)
    return 'procurement';
  return 'excerpt';
}

type LooseSubsection = FoundHeading<SubsectionId> & { parent: SectionId };

/** The headings found, by role: parts, sections, and subsections not yet placed under a section. */
function headingsByRole(flow: Flow): {
  parts: FoundHeading<PartId>[];
  sectionsAll: FoundHeading<SectionId>[];
  loose: LooseSubsection[];
} {
  const hs = rawHeadings(flow);
  const roles = hs.map(roleOf);
  const parts: FoundHeading<PartId>[] = [];
  const sectionsAll: FoundHeading<SectionId>[] = [];
  const loose: LooseSubsection[] = [];
  hs.forEach((h, i) => {
    const r = roles[i]!;
    if (r.role === 'none') return;
    const found = {
      text: h.norm,
      page: h.page,
      line: h.line,
      start: h.start,
      bodyStart: h.end,
      bodyEnd: governs(flow, hs, roles, i),
    };
    if (r.role === 'part') parts.push({ id: r.id, ...found });
    else if (r.role === 'section') sectionsAll.push({ id: r.id, ...found });
    else loose.push({ id: r.id, parent: SUBSECTION_PARENT[r.id], ...found });
  });
  return { parts, sectionsAll, loose };
}

/**
 * The sections, outside the tables and the glossary (their titles and terms repeat the words), and the
 * subsections under them. A subsection heading inside its parent section is a subsection; one standing alone
 * (Hunan's 十、机关运行经费支出情况说明) is a section of its own.
 */
function placeSections(
  flow: Flow,
  bestParts: readonly FoundHeading<PartId>[],
  sectionsAll: FoundHeading<SectionId>[],
  loose: readonly LooseSubsection[],
): {
  sectionHeads: FoundHeading<SectionId>[];
  sections: FoundHeading<SectionId>[];
  subsAll: LooseSubsection[];
} {
  const outside = bestParts.filter(
    (p) => p.id === 'tables' || p.id === 'glossary' || p.id === 'performanceTable',
  );
  const inOutside = (h: { start: number }) =>
    outside.some((p) => h.start >= p.bodyStart && h.start < p.bodyEnd);
  const sectionHeads = mergeNested(
    withText(
      flow,
      sectionsAll.filter((h) => !inOutside(h)),
    ),
  );
  const sections = [...sectionHeads];
  const subsAll: LooseSubsection[] = [];
  for (const h of loose) {
    if (inOutside(h)) continue;
    const parent = sectionHeads.find((s) => h.start >= s.bodyStart && h.start < s.bodyEnd);
    if (parent) {
      if (parent.id === h.parent) subsAll.push(h);
    } else if (h.parent === 'other') {
      const end = Math.min(h.bodyEnd, ...sectionHeads.filter((s) => s.start > h.start).map((s) => s.start));
      sections.push({
        id: 'other',
        text: h.text,
        page: h.page,
        line: h.line,
        start: h.start,
        bodyStart: h.bodyStart,
        bodyEnd: end,
      });
      subsAll.push({ ...h, bodyEnd: end });
    }
  }
  sections.sort((a, b) => a.start - b.start);
  return { sectionHeads, sections, subsAll };
}

/** The sections inferred from narrative without a heading, and the topics covered, headed or not. */
function coverage(
  flow: Flow,
  bestParts: readonly FoundHeading<PartId>[],
  sections: readonly FoundHeading<SectionId>[],
): { inferred: InferredSection[]; headed: Set<SectionId>; covered: Set<SectionId> } {
  // Narrative without a heading of its own: everything outside the profile, tables, glossary, title and the sections.
  const excluded: Span[] = [
    ...bestParts.filter((p) => p.id !== 'narrative').map((p) => ({ start: p.start, end: p.bodyEnd })),
    ...sections.map((s) => ({ start: s.start, end: s.bodyEnd })),
  ];
  const titleEnd = flow.lines.reduce(
    (e, l, i) => (l.kind === 'title' ? Math.max(e, flow.lineStart[i]! + l.norm.length) : e),
    0,
  );
  const inferred = inferSections(flow, uncovered(titleEnd, flow.text.length, excluded));
  const headed = new Set(sections.map((s) => s.id));
  const covered = new Set<SectionId>([...headed, ...inferred.map((s) => s.id)]);
  const narrativeText = [...sections, ...inferred]
    .map((s) => flow.text.slice(s.bodyStart, s.bodyEnd))
    .join('\n');
  for (const id of topicsIn(narrativeText)) covered.add(id);
  return { inferred, headed, covered };
}

/**
 * The parts, sections and (in a full publication) subsections the kind of document requires and lacks. The
 * totals told in 收入 and 支出 sections of their own (Gansu) stand for the overview: `covered` gains it.
 */
function missingSections(
  flow: Flow,
  kind: DocumentKind,
  found: {
    bestParts: readonly FoundHeading<PartId>[];
    sectionHeads: readonly FoundHeading<SectionId>[];
    subsections: readonly FoundHeading<SubsectionId>[];
    inferred: readonly InferredSection[];
    headed: ReadonlySet<SectionId>;
    covered: Set<SectionId>;
  },
): MissingSection[] {
  const { bestParts, sectionHeads, subsections, inferred, headed, covered } = found;
  const required = requiredSections(kind, headed.size >= 8);
  const missing: MissingSection[] = [];
  for (const id of required.parts) {
    if (!bestParts.some((p) => p.id === id)) missing.push({ level: 'part', id, name: PART_NAMES[id] });
  }
  if (covered.has('income') || covered.has('expenditure')) covered.add('overview');
  for (const id of required.sections) {
    if (!covered.has(id)) missing.push({ level: 'section', id, name: SECTION_NAMES[id] });
  }
  if (kind !== 'full') return missing;
  for (const id of Object.values(SubsectionId)) {
    const parentFound = sectionHeads.some((s) => s.id === SUBSECTION_PARENT[id]);
    // Run into the paragraph ("1.总体情况。…", "（一）机关运行经费情况" inline) counts as there.
    const inline = sectionHeads
      .filter((x) => x.id === SUBSECTION_PARENT[id])
      .some((x) => SUBSECTION_WORDS[id].test(flow.text.slice(x.bodyStart, x.bodyEnd)));
    if (
      parentFound &&
      !inline &&
      !subsections.some((s) => s.id === id) &&
      !inferred.some((s) => s.sub === id)
    )
      missing.push({ level: 'subsection', id, name: SUBSECTION_NAMES[id] });
  }
  return missing;
}

/** Finds the parts, sections and tables of an already built stream. */
export function sectionsOfFlow(flow: Flow): DocumentSections {
  const { parts, sectionsAll, loose } = headingsByRole(flow);
  const bestParts = best(flow, parts);
  const { sectionHeads, sections, subsAll } = placeSections(flow, bestParts, sectionsAll, loose);
  const subsections = best(flow, subsAll);
  const tablesPart = bestParts.find((p) => p.id === 'tables');
  const tables = listedTables(flow, tablesPart);
  const { inferred, headed, covered } = coverage(flow, bestParts, sections);
  const title = findTitle(flow);
  const kind = documentKind(
    title?.text,
    bestParts.map((p) => p.id),
    covered,
    headed,
    tables.length,
  );
  const form: DocumentForm =
    /单位决算|单位\d{4}年度?决算/.test(title?.text ?? '') || /单位决算情况说明/.test(flow.text)
      ? 'unit'
      : 'department';
  const missing = missingSections(flow, kind, {
    bestParts,
    sectionHeads,
    subsections,
    inferred,
    headed,
    covered,
  });
  return {
    ...(title ? { title } : {}),
    parts: bestParts,
    sections,
    subsections,
    inferred,
    covered: [...covered],
    kind,
    form,
    tables,
    missing,
  };
}

function listedTables(flow: Flow, part: FoundHeading<PartId> | undefined): ListedTable[] {
  const out: ListedTable[] = [];
  flow.lines.forEach((l, i) => {
    const start = flow.lineStart[i]!;
    if (start < 0 || l.kind === 'title') return;
    if (part && (start < part.bodyStart || start >= part.bodyEnd)) return;
    // Without a tables part, a body line counts only when it is a table's title and nothing else (a page holding
    // 表一 in plain text), not a sentence that names a table.
    if (!part && l.kind === 'body' && !isTableTitle(l.norm)) return;
    const t = l.norm
      .replace(/^[一二三四五六七八九十]{1,3}、/, '')
      .replace(/^\d{1,2}[.、]/, '')
      .replace(/^(附)?表[一二三四五六七八九十\d]+[、.:]?/, '')
      // The unit and year before the title: 汾阳市某镇人民政府2021年收入支出决算总表.
      .replace(/^[^\d。,，:]{0,24}\d{4}年度?(部门|单位)?(?=\S*表)/, '')
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
  const section =
    s.sections.find((x) => index >= x.bodyStart && index < x.bodyEnd) ??
    s.inferred.find((x) => index >= x.bodyStart && index < x.bodyEnd);
  const subsection = s.subsections.find((x) => index >= x.bodyStart && index < x.bodyEnd);
  if (!subsection && section && 'sub' in section && section.sub) {
    const x = section as InferredSection;
    return { section, subsection: { ...x, id: x.sub! } };
  }
  return { ...(section ? { section } : {}), ...(subsection ? { subsection } : {}) };
}
