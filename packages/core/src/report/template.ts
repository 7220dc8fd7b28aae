/** Sentence templates of a profile: `{slot}` replaced by worded figures (text) or runs (placeholders). */
import { ErrorCode, JuesuanError } from '../errors.ts';
import type { Run } from './document.ts';
import type { ReportProfile } from './profile.ts';

export type SlotValue = string | Run[];

/** Whether the profile has a template (a region drops a sentence by deleting its key). */
export function hasTemplate(profile: ReportProfile, key: string): boolean {
  return profile.templates[key] !== undefined;
}

/** Fills a template into runs; undefined when the profile has no such template. */
export function fill(
  profile: ReportProfile,
  key: string,
  vars: Readonly<Record<string, SlotValue>>,
): Run[] | undefined {
  const t = profile.templates[key];
  if (t === undefined) return undefined;
  const runs: Run[] = [];
  let last = 0;
  const re = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    if (m.index > last) pushText(runs, t.slice(last, m.index));
    const name = m[1]!;
    const v = vars[name];
    if (v === undefined) {
      throw new JuesuanError(
        ErrorCode.BadConfig,
        `口径「${profile.id}」的模板 ${key} 使用了未知的占位符 {${name}}`,
        [
          {
            path: `templates.${key}`,
            message: `可用的占位符：${
              Object.keys(vars)
                .map((k) => `{${k}}`)
                .join('、') || '（无）'
            }`,
          },
        ],
      );
    }
    if (typeof v === 'string') pushText(runs, v);
    else for (const r of v) runs.push(r);
    last = m.index + m[0].length;
  }
  if (last < t.length) pushText(runs, t.slice(last));
  return mergeRuns(runs);
}

/** Plain text of a template (for titles and headings). */
export function fillText(
  profile: ReportProfile,
  key: string,
  vars: Readonly<Record<string, SlotValue>> = {},
): string | undefined {
  return fill(profile, key, vars)
    ?.map((r) => r.text)
    .join('');
}

function pushText(runs: Run[], text: string): void {
  if (text !== '') runs.push({ text });
}

/**
 * “比上年持平” is not Chinese: equal figures are 与上年持平. A template written for a change (比上年{change})
 * meets the profile's 持平 wording here, so the sentence is put right once filled.
 */
const COMPARED_FLAT = /比((?:上年|\d{4}年度?)(?:决算数?)?)持平/g;

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && !prev.placeholder && !r.placeholder && !prev.bold && !r.bold) prev.text += r.text;
    else out.push({ ...r });
  }
  for (const r of out)
    if (!r.placeholder && r.text.includes('持平')) r.text = r.text.replace(COMPARED_FLAT, '与$1持平');
  return out;
}

/** Joins run lists with a separator (for lists of items inside one sentence). */
export function joinRuns(parts: Run[][], sep: string): Run[] {
  const out: Run[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push({ text: sep });
    out.push(...p);
  });
  return mergeRuns(out);
}
