/**
 * A report profile: the section order, headings, sentence templates, table layouts and wording
 * conventions of one region and year. Profiles are YAML files (packages/core/profiles/*.yaml) that a
 * region can copy and edit without touching code; `juesuan build --profile-file my.yaml` uses a copy.
 */
import { z } from 'zod';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { zodProblems } from '../model/load.ts';
import { parseSourceText } from '../model/yaml-source.ts';
import { BUILTIN_PROFILE_YAML } from './builtin-profiles.generated.ts';

export const tableOptionsSchema = z.strictObject({
  /** How codes print: merged "2010450" in one column, or split 类/款/项 columns "201 04 50". */
  codeLayout: z.enum(['merged', 'split']).default('merged'),
  /** Names of the nine tables as this profile prints them (by id), overriding the MoF names. */
  names: z.record(z.string(), z.string()).default({}),
  /** T5 also prints 年初预算数 (Shanghai 2024). */
  t5WithBudget: z.boolean().default(false),
  /** T6 layout: one list of economic 款, or personnel and public 经费 side by side (two halves). */
  t6Layout: z.enum(['list', 'two-sided']).default('list'),
  /** T9 prints expenditure only (central form). */
  t9ExpenditureOnly: z.boolean().default(false),
  /** Blank zero cells (the common printed convention). */
  blankZero: z.boolean().default(true),
  /** Statement printed in an empty table. */
  emptyTableNote: z.string().default('注：本表为空表。'),
});
export type TableOptions = z.infer<typeof tableOptionsSchema>;

export const wordingSchema = z.strictObject({
  /** Unit after narrative amounts. */
  amountUnit: z.string().default('万元'),
  increase: z.string().default('增加'),
  decrease: z.string().default('减少'),
  flat: z.string().default('持平'),
  grow: z.string().default('增长'),
  fall: z.string().default('下降'),
  /** Rate printed when last year was 0 and this year is not. */
  zeroBaseRate: z.string().default('100.00%'),
  /** Rate printed when this year is 0 and last year was not, in item lists (seed: "100%"). */
  zeroCurrentItemRate: z.string().default('100%'),
  /** Rate printed when both years are 0. */
  bothZeroRate: z.string().default('0.00%'),
  /** Wording for equal figures: "flat" → 持平; "zero-change" → 增加0.00万元，增长0.00% (seed). */
  equalStyle: z.enum(['flat', 'zero-change']).default('flat'),
  /** Text shown where a required reason is missing. */
  missingReason: z.string().default('【请填写主要原因】'),
});
export type Wording = z.infer<typeof wordingSchema>;

/** The narrative's sections, in the default (MoF) order. */
export const NARRATIVE_SECTIONS = [
  'overview',
  'income',
  'expenditure',
  'fiscal',
  'general',
  'basic',
  'threePublic',
  'fund',
  'capital',
  'other',
  'performance',
] as const;

export const profileSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Templates of titles, headings and sentences by key; `{slot}` is filled by the builder. */
  templates: z.record(z.string(), z.string()),
  /** Order of the publication's parts: profile, narrative, glossary, tables. */
  sections: z.array(z.enum(['profile', 'narrative', 'glossary', 'tables'])),
  tables: tableOptionsSchema.default(tableOptionsSchema.parse({})),
  wording: wordingSchema.default(wordingSchema.parse({})),
  /** 名词解释: term → explanation, in printed order. */
  glossary: z.array(z.strictObject({ term: z.string(), text: z.string() })).default([]),
  /** Order of the narrative's sections (Shanghai puts 预算绩效 before 其他重要事项). */
  narrativeOrder: z.array(z.enum(NARRATIVE_SECTIONS)).default([...NARRATIVE_SECTIONS]),
});
export type ReportProfile = z.infer<typeof profileSchema>;

/** A profile file may extend another and override parts of it. */
const profileFileSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  extends: z.string().optional(),
  templates: z.record(z.string(), z.string()).optional(),
  /** Template keys to drop from the parent (the sentence is then not printed). */
  removeTemplates: z.array(z.string()).optional(),
  // Checked after merging with the parent (defaults must not override the parent's values).
  sections: z.array(z.string()).optional(),
  tables: z.record(z.string(), z.unknown()).optional(),
  wording: z.record(z.string(), z.unknown()).optional(),
  glossary: z.array(z.unknown()).optional(),
  narrativeOrder: z.array(z.string()).optional(),
});

/** Names of the built-in profiles. */
export function builtinProfileNames(): string[] {
  return Object.keys(BUILTIN_PROFILE_YAML).sort();
}

/** Parses a profile YAML text (resolving `extends` against the built-in profiles); errors name the file and field. */
export function parseProfile(text: string, file = 'profile.yaml', depth = 0): ReportProfile {
  let source: ReturnType<typeof parseSourceText>;
  try {
    source = parseSourceText(text, file);
  } catch (e) {
    // The YAML reader's problems (in Chinese, with line and column), as a problem of configuration.
    if (e instanceof JuesuanError) throw new JuesuanError(ErrorCode.BadConfig, e.message, e.problems);
    throw e;
  }
  const { data, lines } = source;
  // Where a profile's fields are shown: the built-in profiles are the examples to copy.
  const doc = 'packages/core/profiles/ 下的内置口径文件';
  const r = profileFileSchema.safeParse(data);
  if (!r.success) {
    throw new JuesuanError(
      ErrorCode.BadConfig,
      `${file} 不是有效的口径文件`,
      zodProblems(r.error.issues.slice(0, 20), data, lines, file, doc),
    );
  }
  const f = r.data;
  let base: ReportProfile | undefined;
  if (f.extends !== undefined) {
    if (depth > 5) throw new JuesuanError(ErrorCode.BadConfig, `${file}：extends 层级过深`);
    const parentText = BUILTIN_PROFILE_YAML[f.extends];
    if (parentText === undefined) {
      throw new JuesuanError(
        ErrorCode.BadConfig,
        `${file}：extends 指定的口径「${f.extends}」不存在（可用：${builtinProfileNames().join('、')}）`,
      );
    }
    base = parseProfile(parentText, `${f.extends}.yaml`, depth + 1);
  }
  const templates = { ...(base?.templates ?? {}), ...(f.templates ?? {}) };
  for (const k of f.removeTemplates ?? []) delete templates[k];
  const merged = {
    id: f.id,
    name: f.name,
    templates,
    sections: f.sections ?? base?.sections,
    tables: { ...(base?.tables ?? {}), ...(f.tables ?? {}) },
    wording: { ...(base?.wording ?? {}), ...(f.wording ?? {}) },
    glossary: f.glossary ?? base?.glossary ?? [],
    narrativeOrder: f.narrativeOrder ?? base?.narrativeOrder,
  };
  const full = profileSchema.safeParse(merged);
  if (!full.success) {
    throw new JuesuanError(
      ErrorCode.BadConfig,
      `${file} 不是有效的口径文件`,
      zodProblems(full.error.issues.slice(0, 20), merged, lines, file, doc),
    );
  }
  return full.data;
}

const cache = new Map<string, ReportProfile>();

/** A built-in profile by name. */
export function builtinProfile(name: string): ReportProfile {
  const hit = cache.get(name);
  if (hit) return hit;
  const text = BUILTIN_PROFILE_YAML[name];
  if (text === undefined) {
    throw new JuesuanError(
      ErrorCode.BadConfig,
      `没有名为「${name}」的口径（可用：${builtinProfileNames().join('、')}）`,
    );
  }
  const p = parseProfile(text, `${name}.yaml`);
  cache.set(name, p);
  return p;
}
