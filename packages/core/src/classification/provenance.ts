/**
 * Where a catalogue row came from, and how far it can be trusted. No official machine-readable list
 * of 《政府收支分类科目》 could be found (see /work/shared/reference/classification/README.md), so
 * most built-in rows are the authors' general knowledge; the `source` column of
 * data/classification/*.csv says which rows were seen in a public document of that year instead.
 */
import type { Catalogue } from './catalogue.ts';

export const SourceStatus = {
  /** Printed in a public publication or template of the catalogue's year. */
  Printed: 'printed',
  /** Added by a MoF notice that names the code and its name. */
  Notice: 'notice',
  /** Printed in a public document of another year, assumed unchanged in this one. */
  Assumed: 'assumed',
  /** From general knowledge, not checked against any official list. */
  Unverified: 'unverified',
  /** From a list the user imported as the official one (`juesuan catalogue import`). */
  Imported: 'imported',
} as const;
export type SourceStatus = (typeof SourceStatus)[keyof typeof SourceStatus];

export const SOURCE_STATUS_LABEL: Readonly<Record<SourceStatus, string>> = {
  printed: '见于本年度公开文件',
  notice: '见于财政部增补通知',
  assumed: '见于其他年度公开文件，推定本年度相同',
  unverified: '未核对（按一般知识整理）',
  imported: '导入的官方科目表',
};

/** The public documents the built-in rows cite, by the id used in the `source` column. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  seed: '新疆昌吉回族自治州对口援疆工作领导小组办公室 2022 年度部门决算公开（种子文本）',
  'fixture:shanghai-putuo-2024': '上海市普陀区委社会工作部 2024 年度部门决算公开',
  'fixture:shanghai-2024-template': '上海市 2024 年度部门决算公开模板',
  'notice:mof-2024-03-29': '财政部《关于对2024年政府收支分类科目进行个别增补的通知》（2024-03-29）',
  'notice:caiyu-2025-41': '财政部 财预〔2025〕41号（2025-05-23）',
};

export interface SourceInfo {
  status: SourceStatus;
  /** True when the row has a public source for its own year (printed or notice) or was imported. */
  checked: boolean;
  /** Chinese description, e.g. "见于本年度公开文件：上海市普陀区委社会工作部 2024 年度部门决算公开". */
  text: string;
}

/** Reads a row's `source` value (built-in vocabulary; anything else is an imported file's name). */
export function describeSource(source: string | undefined): SourceInfo {
  const s = source ?? '';
  const doc = (id: string) => DOCUMENTS[id] ?? id;
  if (s === 'seed' || s.startsWith('fixture:'))
    return { status: 'printed', checked: true, text: `${SOURCE_STATUS_LABEL.printed}：${doc(s)}` };
  if (s.startsWith('notice:'))
    return { status: 'notice', checked: true, text: `${SOURCE_STATUS_LABEL.notice}：${doc(s)}` };
  if (s.startsWith('assumed:')) {
    const id = s.slice('assumed:'.length);
    return { status: 'assumed', checked: false, text: `${SOURCE_STATUS_LABEL.assumed}：${doc(id)}` };
  }
  if (s === '' || s === 'unverified')
    return { status: 'unverified', checked: false, text: SOURCE_STATUS_LABEL.unverified };
  return { status: 'imported', checked: true, text: `${SOURCE_STATUS_LABEL.imported}：${s}` };
}

/** How many rows of a catalogue have each status, in the order of SourceStatus. */
export function provenanceCounts(c: Catalogue): { status: SourceStatus; label: string; rows: number }[] {
  const counts = new Map<SourceStatus, number>();
  for (const e of c.entries.values()) {
    const st = c.complete && e.source === undefined ? 'imported' : describeSource(e.source).status;
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  return Object.values(SourceStatus)
    .filter((st) => counts.has(st))
    .map((st) => ({ status: st, label: SOURCE_STATUS_LABEL[st], rows: counts.get(st)! }));
}

/** The documents a catalogue's rows cite, with their row counts (most rows first). */
export function citedDocuments(c: Catalogue): { document: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const e of c.entries.values()) {
    const s = e.source ?? '';
    const id = s.startsWith('assumed:') ? s.slice('assumed:'.length) : s;
    if (DOCUMENTS[id] === undefined) continue;
    counts.set(DOCUMENTS[id], (counts.get(DOCUMENTS[id]) ?? 0) + 1);
  }
  return [...counts].map(([document, rows]) => ({ document, rows })).sort((a, b) => b.rows - a.rows);
}
