/**
 * The part of `juesuan build`'s summary that tells what the publication still lacks (issue 8, "Summaries that tell
 * the truth"): placeholders and unknown table cells with their count and places, figures written with more decimals
 * than declared, reasons that run against their change; the same list is what `--strict` refuses on and what
 * `--check` prints before building. Kept apart from commands/build.ts, which prints the validation findings.
 */
import type { DataWarning, DocumentGaps, Gap, RuleOutcome } from '@juesuan/core';

/** Places listed per kind before "… 另有 N 处". */
export const PLACES_SHOWN = 10;

/** Places with the same wording listed once, with how many placeholders they hold. */
function grouped(gaps: readonly Gap[]): { gap: Gap; count: number }[] {
  const out: { gap: Gap; count: number }[] = [];
  const byKey = new Map<string, { gap: Gap; count: number }>();
  for (const g of gaps) {
    const key = `${g.place}\u0000${g.text}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else {
      const entry = { gap: g, count: 1 };
      byKey.set(key, entry);
      out.push(entry);
    }
  }
  return out;
}

function listLines(
  gaps: readonly Gap[],
  line: (g: Gap, count: number) => string,
  shown = PLACES_SHOWN,
): string[] {
  const groups = grouped(gaps);
  const out = groups.slice(0, shown).map(({ gap, count }) => `    - ${line(gap, count)}`);
  if (groups.length > shown) {
    const rest = groups.slice(shown).reduce((n, g) => n + g.count, 0);
    out.push(`    … 另有 ${rest} 处`);
  }
  return out;
}

const placeholderLine = (g: Gap, count: number) =>
  `${g.place}：「${g.text}」${count > 1 ? `（${count} 处）` : ''}`;
const cellLine = (g: Gap) => `${g.place} ${g.text}${g.field ? `（数据文件：${g.field}）` : ''}`;
const warningLine = (w: DataWarning) =>
  `    - ${w.message}（数据文件：${w.field}${w.line !== undefined ? `，第 ${w.line} 行` : ''}）`;

/** How many things the lists below report. */
export function gapCount(gaps: DocumentGaps, warnings: readonly DataWarning[]): number {
  return gaps.placeholders.length + gaps.unknownCells.length + warnings.length;
}

/**
 * The warning lines of the summary: one heading line per kind with its count, then the places (at most
 * PLACES_SHOWN of each, unless `all`).
 */
export function gapLines(gaps: DocumentGaps, warnings: readonly DataWarning[], all = false): string[] {
  const shown = all ? Infinity : PLACES_SHOWN;
  const out: string[] = [];
  if (gaps.placeholders.length > 0) {
    out.push(
      `待补：说明中有 ${gaps.placeholders.length} 处待填写的内容（【数据未提供】或未说明的原因等），公开前须补齐：`,
      ...listLines(gaps.placeholders, placeholderLine, shown),
    );
  }
  if (gaps.unknownCells.length > 0) {
    out.push(
      `待补：表格中有 ${gaps.unknownCells.length} 个数据文件没有给出的数（印为“未提供”，不等于零）：`,
      ...listLines(gaps.unknownCells, cellLine, shown),
    );
  }
  const decimals = warnings.filter((w) => w.kind === 'excess-decimals');
  if (decimals.length > 0) {
    out.push(
      `警告：${decimals.length} 个金额的小数位多于数据文件声明的位数，公开文件只印四舍五入后的数：`,
      ...decimals.slice(0, shown).map(warningLine),
      ...(decimals.length > shown ? [`    … 另有 ${decimals.length - shown} 个`] : []),
    );
  }
  const reasons = warnings.filter((w) => w.kind === 'reason-direction');
  if (reasons.length > 0) {
    out.push(
      `警告：${reasons.length} 条原因说明的措辞与所说明的变动方向相反：`,
      ...reasons.slice(0, shown).map(warningLine),
      ...(reasons.length > shown ? [`    … 另有 ${reasons.length - shown} 条`] : []),
    );
  }
  return out;
}

/** Items of a "缺少 A、B、C" list, splitting on 、 outside 「」. */
function listItems(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '「') depth++;
    else if (ch === '」') depth = Math.max(0, depth - 1);
    if (ch === '、' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** Items shown of one "缺少 …" list before "等 N 项". */
const ITEMS_SHOWN = 3;

/**
 * What each rule that could not run lacks, from its detail ("数据不足：缺少 A、B；C；另有 N 处"): one entry per
 * distinct lack, with the rules it would let run.
 */
export function insufficientNeeds(
  outcome: RuleOutcome,
): { need: string; items: string[]; rules: string[] }[] {
  const byNeed = new Map<string, { need: string; items: string[]; rules: string[] }>();
  for (const n of outcome.notRun) {
    if (n.reason !== 'insufficient-data') continue;
    const parts = n.detail
      .replace(/^数据不足[：:]\s*/, '')
      .split('；')
      .map((p) => p.trim())
      .filter((p) => p !== '' && !/^另有 \d+ 处$/.test(p));
    for (const part of parts.length > 0 ? parts : [n.detail]) {
      const m = /^缺少\s*(.+)$/.exec(part);
      const items = m ? listItems(m[1]!) : [part];
      const key = items.join('、');
      const entry = byNeed.get(key);
      if (entry) {
        if (!entry.rules.includes(n.rule)) entry.rules.push(n.rule);
      } else byNeed.set(key, { need: part, items, rules: [n.rule] });
    }
  }
  return [...byNeed.values()];
}

/**
 * The summary lines for the rules that could not run for lack of data (数据不足): their count, and what to supply
 * to let them run, each with the rules it unlocks (at most PLACES_SHOWN lacks, unless `all`). Empty when every
 * rule could run.
 */
export function insufficientLines(outcome: RuleOutcome, all = false): string[] {
  const count = outcome.notRun.filter((n) => n.reason === 'insufficient-data').length;
  if (count === 0) return [];
  const needs = insufficientNeeds(outcome);
  const shown = all ? needs : needs.slice(0, PLACES_SHOWN);
  const out = [`数据不足：${count} 条规则未能检查（不算通过）；补充以下数据可使这些检查运行：`];
  for (const { need, items, rules } of shown) {
    const text =
      items.length > 1
        ? `${items.slice(0, all ? items.length : ITEMS_SHOWN).join('、')}${!all && items.length > ITEMS_SHOWN ? ` 等 ${items.length} 项` : ''}`
        : need.replace(/^缺少\s*/, '');
    out.push(`    - ${text}（${rules.join('、')}）`);
  }
  if (needs.length > shown.length) out.push(`    … 另有 ${needs.length - shown.length} 项`);
  return out;
}
