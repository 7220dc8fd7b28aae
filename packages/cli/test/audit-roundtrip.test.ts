/**
 * Round trip of the audit (issue 4, "Must show"): 20 generated units (the three profiles) are built, written as DOCX
 * and converted to PDF by LibreOffice; `auditDocument` must read back every amount and percentage the builder printed
 * in the narrative (with the right key where the paragraph says which figure it is) and report no error on these
 * unmodified PDFs. Then 100 single-figure mutations of the PDFs' text (5 per unit: a share, a total, a direction word,
 * a year, a rate) must each be reported as an error or warning that quotes the changed text.
 *
 * Needs LibreOffice: skipped with a reason when missing, a failure when JUESUAN_FULL_TEST=1. The PDFs are made once per
 * run in a temporary directory (two conversions at a time; about 30 s of the test's 35 s on two cores); set
 * JUESUAN_ROUNDTRIP_DIR to keep and reuse them while working on the auditor (empty it when the builder changes).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditDocument,
  auditTextDocument,
  findingPage,
  findingQuote,
  buildReport,
  builtinCatalogue,
  builtinProfile,
  disclosureFromData,
  parseAmount,
  readDocument,
  writeDocx,
  type AuditResult,
  type StatedFigure,
  type TextDocument,
} from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
import { pdfjsAssets } from '../src/audit-run.ts';
import { convertWithLibreOffice } from '../src/pdf.ts';
import { toolsMissing } from '../src/tools.ts';

const skip = toolsMissing(['soffice'], '生成 PDF 再审查的往返测试');

const UNITS = 20;
const PROFILES = ['xinjiang-2022', 'central', 'shanghai-2024'] as const;
const YEAR = 2022;

/** Folded for comparing printed text: NFKC, no white space. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** Folded and without punctuation (a PDF may lose a hanging "。" at the end of a full line). */
const bare = (s: string) => fold(s).replace(/[^\p{L}\p{N}.%-]/gu, '');

interface Paragraph {
  key: string;
  text: string;
}

interface Unit {
  seed: number;
  profile: string;
  file: string;
  paragraphs: Paragraph[];
  audit: AuditResult;
  doc: TextDocument;
}

const units: Unit[] = [];
const ownDir = process.env['JUESUAN_ROUNDTRIP_DIR'];
const dir = ownDir ?? mkdtempSync(join(tmpdir(), 'juesuan-roundtrip-'));
afterAll(() => {
  if (!ownDir) rmSync(dir, { recursive: true, force: true });
});

/** The narrative paragraphs (not the profile part, the glossary or the list of tables). */
function narrativeParagraphs(doc: ReturnType<typeof buildReport>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of doc.blocks) {
    if (b.type !== 'paragraph' || !b.key || /^(profile\.|glossary|tables\.)/.test(b.key)) continue;
    out.push({ key: b.key, text: b.runs.map((r) => r.text).join('') });
  }
  return out;
}

async function makeUnit(seed: number): Promise<Omit<Unit, 'audit' | 'doc'>> {
  const profile = PROFILES[seed % 3]!;
  const d = disclosureFromData(generateUnitData({ seed, rounded: true, profile }));
  const report = buildReport(d, builtinProfile(profile));
  const file = join(dir, `unit-${seed}-${profile}.pdf`);
  if (!existsSync(file)) writeFileSync(file, await convertWithLibreOffice(await writeDocx(report), 'docx'));
  return { seed, profile, file, paragraphs: narrativeParagraphs(report) };
}

beforeAll(async () => {
  if (skip) return;
  mkdirSync(dir, { recursive: true });
  const seeds = Array.from({ length: UNITS }, (_, i) => i + 1);
  const made: Omit<Unit, 'audit' | 'doc'>[] = new Array(seeds.length);
  let next = 0;
  // Two LibreOffice conversions at a time (2-core machine).
  await Promise.all(
    [0, 1].map(async () => {
      while (next < seeds.length) {
        const i = next++;
        made[i] = await makeUnit(seeds[i]!);
      }
    }),
  );
  const assets = pdfjsAssets();
  for (const m of made) {
    const bytes = new Uint8Array(readFileSync(m.file));
    const audit = await auditDocument(bytes, m.file, assets);
    const doc = await readDocument(bytes, m.file, assets);
    units.push({ ...m, audit, doc });
  }
}, 150_000);

// ---------------------------------------------------------------------------------------------
// Which figures a paragraph holds: those whose quoted sentence overlaps it.

function overlaps(e: string, p: string): boolean {
  if (e === '' || p === '') return false;
  if (e.includes(p) || p.includes(e)) return true;
  // The sentence runs on into the paragraph (a paragraph ending "具体情况如下：" without a full stop) …
  const head = p.slice(0, 12);
  const i = e.indexOf(head);
  if (i >= 0 && p.startsWith(e.slice(i))) return true;
  // … or starts in it and runs on into the next one.
  const j = p.indexOf(e.slice(0, 12));
  return j >= 0 && e.startsWith(p.slice(j));
}

function figuresOf(r: AuditResult, p: Paragraph): StatedFigure[] {
  const b = bare(p.text);
  return r.figures.filter((f) =>
    [f.evidence.text, f.change?.evidence?.text].some((t) => t !== undefined && overlaps(bare(t), b)),
  );
}

// ---------------------------------------------------------------------------------------------
// Which figure an amount is, from the words the builder's template prints right before it (folded text).

type Label = readonly [paragraphKey: RegExp, label: string, figureKey: string];

const LABELS: readonly Label[] = [
  [/^overview\.income$/, '(?<!本年)收入总计', 't1.incomeGrandTotal'],
  [/^overview\.income$/, '本年收入合计', 't1.incomeTotal'],
  [/^overview\.income$/, '使用非财政拨款结余', 't1.useOfNonFiscalBalance'],
  [/^overview\.income$/, '年初结转和结余', 't1.openingCarryover'],
  [/^overview\.expenditure$/, '支出总计', 't1.expenditureGrandTotal'],
  [/^overview\.expenditure$/, '本年支出合计', 't1.expenditureTotal'],
  [/^overview\.expenditure$/, '结余分配', 't1.surplusDistribution'],
  [/^overview\.expenditure$/, '年末结转和结余', 't1.closingCarryover'],
  [/^overview\.grandTotal$/, '收入支出总计', 't1.incomeGrandTotal'],
  [/^income\.total$/, '本年收入(?:合计)?', 't1.incomeTotal'],
  [/^income\.total$/, '(?<!预算)财政拨款收入', 't2.total.fiscal'],
  [/^income\.total$/, '上级补助收入', 't1.superiorSubsidy'],
  [/^income\.total$/, '事业收入', 't1.businessIncome'],
  [/^income\.total$/, '经营收入', 't1.operatingIncome'],
  [/^income\.total$/, '附属单位上缴收入', 't1.subsidiaryRemittance'],
  [/^income\.total$/, '其他收入', 't1.otherIncome'],
  [/^expenditure\.total$/, '本年支出(?:合计)?', 't1.expenditureTotal'],
  [/^expenditure\.total$/, '基本支出', 't3.total.basic'],
  [/^expenditure\.total$/, '项目支出', 't3.total.project'],
  [/^expenditure\.total$/, '上缴上级支出', 't3.total.remittance'],
  [/^expenditure\.total$/, '(?<!补助)经营支出', 't3.total.operating'],
  [/^expenditure\.total$/, '对附属单位补助支出', 't3.total.subsidiaryGrant'],
  [/^fiscal\.income$/, '财政拨款收入(?:支出)?总计', 't4.incomeGrandTotal.total'],
  [/^fiscal\.income$/, '年初财政拨款结转和结余', 't4.openingCarryover.total'],
  [/^fiscal\.income$/, '财政拨款本年收入', 't4.incomeTotal.total'],
  [/^fiscal\.expenditure$/, '财政拨款支出总计', 't4.expenditureGrandTotal.total'],
  [/^fiscal\.expenditure$/, '年末财政拨款结转和结余', 't4.closingCarryover.total'],
  [/^fiscal\.expenditure$/, '财政拨款本年支出', 't4.expenditureTotal.total'],
  [/^fiscal\.budget$/, '财政拨款收入总计年初预算数', 't4.incomeGrandTotal.total.budget'],
  [/^fiscal\.budget$/, '财政拨款支出总计年初预算数', 't4.expenditureGrandTotal.total.budget'],
  [/^general\.total$/, '一般公共预算财政拨款支出', 't5.total.total'],
  [/^general\.items\.total$/, '年初预算为', 't5.total.total.budget'],
  [/^general\.items\.total$/, '支出决算为', 't5.total.total'],
  [/^general\.structure\.item$/, '一般公共预算财政拨款支出', 't5.total.total'],
  [/^basic\.total$/, '一般公共预算财政拨款基本支出', 't5.total.basic'],
  [/^basic\.total$/, '人员经费', 't6.personnelTotal'],
  [/^basic\.total$/, '公用经费', 't6.publicTotal'],
  [/^threePublic\.total$/, '三公”经费(?:财政拨款)?支出决算', 'threePublic.total'],
  [/^threePublic\.(total|abroad)$/, '因公出国\\(境\\)费支出(?:决算)?', 'threePublic.abroad'],
  [/^threePublic\.(total|vehicle)$/, '公务用车购置及运行维护费(?:支出)?(?:决算)?', 'threePublic.vehicle'],
  [/^threePublic\.(total|reception)$/, '公务接待费(?:支出)?(?:决算)?', 'threePublic.reception'],
  [/^threePublic\.vehicle$/, '公务用车购置(?:费|支出为)', 'threePublic.vehiclePurchase'],
  [/^threePublic\.vehicle$/, '公务用车运行维护(?:费|支出)', 'threePublic.vehicleOperation'],
  [/^threePublic\.budget$/, '三公”经费支出全年预算数', 'threePublic.total.annualBudget'],
  [/^threePublic\.budget$/, '三公”经费财政拨款支出年初预算为', 'threePublic.total.budget'],
  [/^threePublic\.budget$/, '因公出国\\(境\\)费全年预算数', 'threePublic.abroad.annualBudget'],
  [/^threePublic\.budget$/, '公务用车购置费全年预算数', 'threePublic.vehiclePurchase.annualBudget'],
  [/^threePublic\.budget$/, '公务用车运行(?:维护)?费全年预算数', 'threePublic.vehicleOperation.annualBudget'],
  [/^threePublic\.budget$/, '公务接待费全年预算数', 'threePublic.reception.annualBudget'],
  [/^adminCost$/, '(?:机关运行经费|公用经费)(?:支出)?', 'adminCost.amount'],
  [/^procurement\.total$/, '政府采购(?:支出总额|金额\\(以合同签订为准\\)为)', 'procurement.total'],
  [/^procurement\.total$/, '(?:政府采购货物支出|货物采购金额)', 'procurement.goods'],
  [/^procurement\.total$/, '(?:政府采购工程支出|工程采购金额)', 'procurement.works'],
  [/^procurement\.total$/, '(?:政府采购服务支出|服务采购金额)', 'procurement.services'],
  [/^procurement\.sme$/, '授予中小企业合同金额', 'procurement.sme'],
  [/^procurement\.sme$/, '授予小微企业合同金额', 'procurement.smallMicro'],
  [/^assets\.total$/, '固定资产原值', 'assets.fixedAssetsOriginal'],
  [/^performance\.total$/, '(?:全年预算数|预算金额)', 'performance.budgetTotal'],
  [/^performance\.total$/, '全年执行数', 'performance.executedTotal'],
  [/^fund\.total$/, '政府性基金预算财政拨款收入', 't8.total.income'],
  [/^fund\.total$/, ',支出', 't8.total.expenditure'],
  [/^fund\.total$/, '年初结转和结余', 't8.total.opening'],
  [/^fund\.total$/, '年末结转和结余', 't8.total.closing'],
];

const AMOUNT_AFTER = '(?:为)?(\\d[\\d,]*(?:\\.\\d+)?)万元';

const catalogue = builtinCatalogue('function', YEAR);

/** 功能分类 code of a 类 (one name) or 项 (类, 款, 项 names), through the built-in catalogue. */
function codeOf(names: string[]): string | undefined {
  if (!catalogue) return undefined;
  let parent = '';
  for (const n of names) {
    const hit = [...catalogue.entries.values()].find((e) => e.parent === parent && fold(e.name) === fold(n));
    if (!hit) return undefined;
    parent = hit.code;
  }
  return parent || undefined;
}

/** The amounts of a paragraph whose figure its template names: [key, fen, label as printed]. */
function namedAmounts(p: Paragraph): [string, number, string][] {
  const text = fold(p.text);
  const out: [string, number, string][] = [];
  for (const [pk, label, key] of LABELS) {
    if (!pk.test(p.key)) continue;
    for (const m of text.matchAll(new RegExp(label + AMOUNT_AFTER, 'g')))
      out.push([key, parseAmount(m[1] + '万元').fen, m[0]]);
  }
  if (p.key === 'general.item') {
    const names = /^(?:\d{1,2}[.、])?(.+?)\(类\)(.+?)\(款\)(.+?)\(项\)/.exec(text);
    const code = names ? codeOf([names[1]!, names[2]!, names[3]!]) : undefined;
    const k = `t5.${code ?? '?'}.total`;
    for (const m of text.matchAll(new RegExp('年初预算为' + AMOUNT_AFTER, 'g')))
      out.push([`${k}.budget`, parseAmount(m[1] + '万元').fen, m[0]]);
    for (const m of text.matchAll(new RegExp('支出决算(?:数)?' + AMOUNT_AFTER, 'g')))
      out.push([k, parseAmount(m[1] + '万元').fen, m[0]]);
  }
  if (p.key === 'general.structure.item') {
    for (const m of text.matchAll(
      new RegExp('(?:^|[:;,。]|\\d[.、])([^:;,。]+?)\\(类\\)(?:支出)?' + AMOUNT_AFTER, 'g'),
    )) {
      out.push([
        `t5.${codeOf([m[1]!.replace(/^\d{1,2}[.、]/, '')]) ?? '?'}.total`,
        parseAmount(m[2] + '万元').fen,
        m[0],
      ]);
    }
  }
  return out;
}

describe.skipIf(skip)('审查往返：生成 → PDF → 审查', () => {
  it('读回叙述部分的每个金额和百分比，并按段落模板认出各数字的名称', () => {
    let amounts = 0;
    let percents = 0;
    let named = 0;
    const misses: string[] = [];
    for (const u of units) {
      expect(u.audit.year, u.file).toBe(YEAR);
      for (const p of u.paragraphs) {
        const figs = figuresOf(u.audit, p);
        const fens = new Set<number>();
        const pcts = new Set<string>();
        for (const f of figs) {
          for (const v of [f.fen, f.change?.amount, f.change?.base]) if (v !== undefined) fens.add(v);
          for (const t of [f.share?.text, f.change?.rateText, f.change?.completionText])
            if (t) pcts.add(t.replace(/^-/, ''));
        }
        const text = fold(p.text);
        for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)万元(\(含\))?(以[上下])?/g)) {
          if (m[3]) continue; // a threshold (单价100万元（含）以上), not a stated figure
          amounts++;
          if (!fens.has(parseAmount(m[1] + '万元').fen))
            misses.push(`${u.seed} ${u.profile} [${p.key}] 金额 ${m[1]}万元 未读出：${p.text}`);
        }
        for (const m of text.matchAll(/-?(\d+(?:\.\d+)?)%/g)) {
          percents++;
          if (!pcts.has(`${m[1]}%`))
            misses.push(`${u.seed} ${u.profile} [${p.key}] 百分比 ${m[0]} 未读出：${p.text}`);
        }
        for (const [key, fen, printed] of namedAmounts(p)) {
          named++;
          if (!figs.some((f) => f.key === key && f.fen === fen)) {
            const got = figs.filter((f) => f.fen === fen).map((f) => f.key);
            misses.push(
              `${u.seed} ${u.profile} [${p.key}] “${printed}”应读为 ${key}，实际为 ${got.join('、') || '（无）'}`,
            );
          }
        }
      }
    }
    console.log(
      `往返：${units.length} 个单位，叙述中金额 ${amounts} 个、百分比 ${percents} 个，其中按模板核对名称的金额 ${named} 个；未读出或名称不符 ${misses.length} 个`,
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(amounts).toBeGreaterThan(UNITS * 50);
    expect(misses).toEqual([]);
  });

  it('未改动的 PDF 审查无错误', () => {
    const errors: string[] = [];
    for (const u of units) {
      for (const f of u.audit.findings)
        if (f.severity === 'error')
          errors.push(
            `${u.seed} ${u.profile} ${f.rule}：${f.message}（第${findingPage(f) ?? '?'}页：${findingQuote(f) ?? ''}）`,
          );
    }
    if (errors.length > 0) console.log(`未改动的 PDF 上的错误：\n${errors.join('\n')}`);
    expect(errors).toEqual([]);
  });

  it('100 处单个数字的改动都被报告为错误或警告，并引用改动后的文字', () => {
    const misses: string[] = [];
    let count = 0;
    const caughtBy = Object.fromEntries(MUTATION_KINDS.map((k) => [k, new Map<string, number>()])) as Record<
      MutationKind,
      Map<string, number>
    >;
    for (const u of units) {
      for (const kind of MUTATION_KINDS) {
        const m = mutate(u, kind);
        expect(m, `${u.seed} ${u.profile}：找不到可改动的${KIND_NAME[kind]}`).toBeDefined();
        if (!m) continue;
        count++;
        const r = auditTextDocument(m.doc);
        const changed = fold(m.changed);
        const hits = r.findings.filter(
          (f) => f.severity !== 'info' && fold(findingQuote(f) ?? '\u0000').includes(changed),
        );
        for (const f of hits) caughtBy[kind].set(f.rule, (caughtBy[kind].get(f.rule) ?? 0) + 1);
        if (hits.length === 0) {
          const other = r.findings
            .filter((f) => f.severity !== 'info')
            .map((f) => `${f.rule}：${findingQuote(f) ?? f.message}`);
          misses.push(
            `${u.seed} ${u.profile} ${KIND_NAME[kind]}：第${m.page}页“${m.before}”→“${m.after}”未被报告${other.length ? `（其他发现：${other.join('；')}）` : ''}`,
          );
        }
      }
    }
    console.log(`改动：${count} 处，漏报 ${misses.length} 处。报告各类改动的规则（次数）：`);
    for (const k of MUTATION_KINDS)
      console.log(`  ${KIND_NAME[k]}：${[...caughtBy[k]].map(([rule, n]) => `${rule} ${n}`).join('，')}`);
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(count).toBe(UNITS * MUTATION_KINDS.length);
    expect(misses).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations: one change in one line of the narrative.

const MUTATION_KINDS = ['share', 'total', 'direction', 'year', 'rate'] as const;
type MutationKind = (typeof MUTATION_KINDS)[number];
const KIND_NAME: Record<MutationKind, string> = {
  share: '占比',
  total: '合计数',
  direction: '增减方向',
  year: '年度',
  rate: '变动率',
};

interface Mutation {
  doc: TextDocument;
  page: number;
  /** The line as printed and as changed. */
  before: string;
  after: string;
  /** The changed text that a finding must quote. */
  changed: string;
}

function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const fenText = (fen: number) => (fen / 1_000_000).toFixed(2);

/** How each kind finds its spots (in a line's text) and changes one: the replacement and the text a finding must quote. */
interface Spot {
  re: RegExp;
  change: (m: RegExpExecArray) => { replacement: string; changed: string } | undefined;
  /** Spots to choose from first when there are any (for the unit's seed). */
  prefer?: (m: RegExpExecArray, seed: number) => boolean;
}

const SPOTS: Record<MutationKind, Spot> = {
  // 占 83.06% → 占 86.06% (or 3 points down when that would pass 100%); a share of a non-zero figure when there is one.
  share: {
    re: /占(\s*)(\d{1,3}\.\d{2})(\s*)%/g,
    prefer: (m) => Number(m[2]) > 0,
    change: (m) => {
      const v = Math.round(Number(m[2]) * 100);
      const nv = v + 300 <= 10_000 ? v + 300 : v - 300;
      const t = (nv / 100).toFixed(2);
      return { replacement: `占${m[1]}${t}${m[3]}%`, changed: `占${t}%` };
    },
  },
  // A total stated in the narrative, 10% higher.
  total: {
    re: /(收入支出总计|收入总计|本年收入合计|本年收入|本年支出合计|本年支出|支出总计|财政拨款收入总计|财政拨款支出总计)(\s*(?:为)?\s*)(\d[\d,]*\.\d{2})(\s*万元)/g,
    change: (m) => {
      const fen = parseAmount(m[3]! + '万元').fen;
      if (fen === 0) return undefined;
      const t = fenText(fen + Math.max(Math.round(fen / 10 / 10_000) * 10_000, 10_000));
      return { replacement: `${m[1]}${m[2]}${t}${m[4]}`, changed: `${m[1]}${m[2]}${t}` };
    },
  },
  // 增加 ↔ 减少, 增长 ↔ 下降 before a non-zero change.
  direction: {
    re: /(增加|减少|增长|下降)(\s*)(\d[\d,]*\.\d{2})/g,
    change: (m) => {
      if (Number(m[3]!.replace(/,/g, '')) === 0) return undefined;
      const flip: Record<string, string> = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长' };
      const w = flip[m[1]!]!;
      return { replacement: `${w}${m[2]}${m[3]}`, changed: `${w}${m[3]}` };
    },
  },
  // The report year in a date (截止2022年12月31日) or a sentence (2022年度) → the year before.
  year: {
    re: new RegExp(`(截[止至]\\s*)?${YEAR}(\\s*)(年\\s*12\\s*月\\s*31\\s*日|年度)`, 'g'),
    // The date for even seeds, a sentence's year for odd ones.
    prefer: (m, seed) => (m[1] !== undefined) === (seed % 2 === 0),
    change: (m) => {
      const t = `${m[1] ?? ''}${YEAR - 1}${m[2]}${m[3]}`;
      return { replacement: t, changed: t };
    },
  },
  // A rate: 增长/下降 x%, 预决算差异率 x%, 完成…的 x% → 2 points more.
  rate: {
    re: /(增长|下降|差异率|预算的)(\s*)(-?)(\d{1,3}\.\d{2})(\s*%)/g,
    change: (m) => {
      const t = ((Math.round(Number(m[4]) * 100) + 200) / 100).toFixed(2);
      return { replacement: `${m[1]}${m[2]}${m[3]}${t}${m[5]}`, changed: `${m[1]}${m[3]}${t}%` };
    },
  },
};

/** The lines of the narrative: those whose text is in a narrative paragraph of the unit. */
function narrativeLines(u: Unit): { page: number; index: number; text: string }[] {
  const out: { page: number; index: number; text: string }[] = [];
  const paras = u.paragraphs.map((p) => bare(p.text));
  u.doc.pages.forEach((p, pi) =>
    p.lines.forEach((l, li) => {
      const b = bare(l.text);
      if (b.length >= 10 && paras.some((t) => t.includes(b))) out.push({ page: pi, index: li, text: l.text });
    }),
  );
  return out;
}

/** One change of the given kind in a line of the narrative, chosen by the seed; undefined when there is no spot. */
function mutate(u: Unit, kind: MutationKind): Mutation | undefined {
  const { doc, seed } = u;
  const spot = SPOTS[kind];
  let found: {
    page: number;
    index: number;
    m: RegExpExecArray;
    change: { replacement: string; changed: string };
  }[] = [];
  for (const l of narrativeLines(u)) {
    for (const m of l.text.matchAll(spot.re)) {
      const c = spot.change(m as RegExpExecArray);
      if (c) found.push({ page: l.page, index: l.index, m: m as RegExpExecArray, change: c });
    }
  }
  const preferred = spot.prefer ? found.filter((x) => spot.prefer!(x.m, seed)) : [];
  if (preferred.length > 0) found = preferred;
  if (found.length === 0) return undefined;
  const rnd = prng(seed * 31 + MUTATION_KINDS.indexOf(kind));
  const pick = found[Math.floor(rnd() * found.length)]!;
  const page = doc.pages[pick.page]!;
  const line = page.lines[pick.index]!;
  const at = pick.m.index;
  const after = line.text.slice(0, at) + pick.change.replacement + line.text.slice(at + pick.m[0].length);
  // The same change in the positioned piece that holds it (tables are rebuilt from the pieces; the narrative from the text).
  const items = line.items?.map((it) =>
    it.text.includes(pick.m[0]) ? { ...it, text: it.text.replace(pick.m[0], pick.change.replacement) } : it,
  );
  const changedLine = { ...line, text: after, ...(items ? { items } : {}) };
  const pages = doc.pages.map((p, i) =>
    i === pick.page ? { ...p, lines: p.lines.map((l, j) => (j === pick.index ? changedLine : l)) } : p,
  );
  return { doc: { ...doc, pages }, page: page.page, before: line.text, after, changed: pick.change.changed };
}
