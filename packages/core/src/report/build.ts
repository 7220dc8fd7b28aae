/**
 * The report builder: disclosure → format-neutral document (STYLE.md "Model → document → bytes").
 * Parts in the profile's order: 单位概况, 决算情况说明 (with charts), 名词解释, 决算报表 and the
 * 项目支出绩效自评表. Writers in writers/ turn the document into DOCX, XLSX, HTML, PDF, Markdown.
 */
import { builtinCatalogues } from '../classification/builtin.ts';
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { ruleSettingsFor } from '../profiles/rule-settings.ts';
import { buildCharts } from './chart-data.ts';
import type { Block, ChartSpec, DocTable, ReportDocument } from './document.ts';
import { documentGaps } from './gaps.ts';
import { buildNarrative } from './narrative.ts';
import type { ReportProfile } from './profile.ts';
import { buildPerformanceTables, buildTables } from './tables/build-tables.ts';
import { fill, fillText } from './template.ts';
import { insertText } from './wording.ts';

export interface BuildOptions {
  /** Mark the document as a draft (built over validation errors with --force). */
  draft?: boolean;
  /**
   * Build it final even where it is incomplete (placeholders or unknown table cells): by default such a
   * publication is a draft, since it cannot go out as it is (`juesuan build --final`).
   */
  final?: boolean;
  catalogues?: CatalogueSet;
}

/** The draft mark's reason for a publication built over validation errors. */
export const DRAFT_REASON_ERRORS = '校验未通过';
/** … and for one with figures or text still to be supplied. */
export const DRAFT_REASON_INCOMPLETE = '数据不完整';

/** Slots every template may use: {unit}, {year}, {priorYear}. */
function commonSlots(d: Disclosure): Record<string, string> {
  return { unit: d.unit.name, year: String(d.year), priorYear: String(d.year - 1) };
}

function profilePart(d: Disclosure, profile: ReportProfile): Block[] {
  const out: Block[] = [];
  const u = d.unit;
  const year = String(d.year);
  const h = (key: string) => {
    const text = fillText(profile, key, commonSlots(d));
    if (text !== undefined) out.push({ type: 'heading', level: 2, text });
  };
  h('profile.functions.heading');
  if (u.functions)
    out.push({ type: 'paragraph', key: 'profile.functions', runs: [{ text: u.functions.trim() }] });
  else
    out.push({
      type: 'paragraph',
      key: 'profile.functions',
      runs: [{ text: '【请填写主要职能】', placeholder: true }],
    });
  h('profile.organisation.heading');
  const s = u.staff;
  if (s) {
    const n = (v: number | undefined) =>
      v === undefined ? [{ text: '【未提供】', placeholder: true }] : String(v);
    const r = fill(profile, 'profile.staff', {
      ...commonSlots(d),
      unit: u.name,
      year,
      actual: n(s.actual),
      active: n(s.active),
      retiredCadre: n(s.retiredCadre),
      retired: n(s.retired),
    });
    if (r) out.push({ type: 'paragraph', key: 'profile.staff', runs: r });
  }
  if (u.consolidatedUnits && u.consolidatedUnits.length > 0) {
    const r = fill(profile, 'profile.consolidated', {
      ...commonSlots(d),
      unit: u.name,
      consolidated: u.consolidatedUnits.join('决算、'),
    });
    if (r) out.push({ type: 'paragraph', key: 'profile.consolidated', runs: r });
  }
  if (u.internalDivisions && u.internalDivisions.length > 0) {
    const r = fill(profile, 'profile.divisions', {
      ...commonSlots(d),
      organisation: insertText(u.organisation, ''),
      divisionCount: String(u.internalDivisions.length),
      divisions: u.internalDivisions.join('、'),
    });
    if (r) out.push({ type: 'paragraph', key: 'profile.divisions', runs: r });
  } else if (u.organisation)
    out.push({ type: 'paragraph', key: 'profile.organisation', runs: [{ text: u.organisation.trim() }] });
  return out;
}

/** Charts go after the section they illustrate. */
const CHART_AFTER: Readonly<Record<string, string>> = {
  'year-on-year': 'overview.expenditure',
  'income-structure': 'income.total',
  'expenditure-structure': 'expenditure.total',
  'general-budget-classes': 'general.structure.item',
};

function placeCharts(blocks: Block[], charts: ChartSpec[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    out.push(b);
    const next = blocks[i + 1];
    for (const c of charts) {
      const after = CHART_AFTER[c.id];
      const endsGroup = !(next?.type === 'paragraph' && next.key === after);
      if (b.type === 'paragraph' && b.key === after && endsGroup) out.push({ type: 'chart', chart: c });
    }
  }
  return out;
}

export function buildReport(
  d: Disclosure,
  profile: ReportProfile,
  options: BuildOptions = {},
): ReportDocument {
  const catalogues = options.catalogues ?? builtinCatalogues(d.year);
  const settings = ruleSettingsFor(d.profile ?? profile.id);
  const title = fillText(profile, 'title', commonSlots(d)) ?? `${d.unit.name}${d.year}年度部门决算公开说明`;
  const blocks: Block[] = [{ type: 'title', text: title }];
  const charts = buildCharts(d);
  const tables: DocTable[] = buildTables(d, profile);
  const perfTables = buildPerformanceTables(d, profile);
  for (const part of profile.sections) {
    const heading = fillText(profile, `part.${part}`, commonSlots(d));
    if (part === 'profile') {
      if (heading) blocks.push({ type: 'heading', level: 1, text: heading });
      blocks.push(...profilePart(d, profile));
    } else if (part === 'narrative') {
      if (heading) blocks.push({ type: 'heading', level: 1, text: heading });
      blocks.push(...placeCharts(buildNarrative({ d, profile, catalogues, settings }), charts));
    } else if (part === 'glossary') {
      if (profile.glossary.length === 0) continue;
      if (heading) blocks.push({ type: 'heading', level: 1, text: heading });
      for (const g of profile.glossary)
        blocks.push({
          type: 'paragraph',
          key: 'glossary',
          runs: [{ text: `${g.term}：`, bold: true }, { text: g.text }],
        });
    } else if (part === 'tables') {
      blocks.push({ type: 'pageBreak' });
      if (heading) blocks.push({ type: 'heading', level: 1, text: heading });
      tables.forEach((t, i) => {
        const r = fill(profile, 'tables.list.item', {
          ...commonSlots(d),
          n: CHINESE_NUMERALS[i] ?? String(i + 1),
          name: t.title,
        });
        if (r) blocks.push({ type: 'paragraph', key: 'tables.list', runs: r });
      });
      for (const t of tables) blocks.push({ type: 'pageBreak' }, { type: 'table', table: t });
      for (const t of perfTables) blocks.push({ type: 'pageBreak' }, { type: 'table', table: t });
    }
  }
  const doc: ReportDocument = {
    title,
    unitName: d.unit.name,
    year: d.year,
    profile: profile.id,
    draft: options.draft ?? false,
    blocks,
    tables: [...tables, ...perfTables],
    charts,
  };
  const gaps = documentGaps(doc);
  const incomplete = gaps.placeholders.length + gaps.unknownCells.length > 0 && options.final !== true;
  const reasons = [
    ...(doc.draft ? [DRAFT_REASON_ERRORS] : []),
    ...(incomplete ? [DRAFT_REASON_INCOMPLETE] : []),
  ];
  if (reasons.length > 0) {
    doc.draft = true;
    doc.draftReason = reasons.join('，');
  }
  return doc;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
