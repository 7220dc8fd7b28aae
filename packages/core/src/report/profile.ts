/**
 * A report profile: the section order, headings, sentence templates, table layouts and wording
 * conventions of one region and year. Profiles are YAML files (packages/core/profiles/*.yaml) that a
 * region can copy and edit without touching code; `juesuan build --profile-file my.yaml` uses a copy.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { ErrorCode, JuesuanError } from '../errors.ts';

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

export const profileSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Templates of titles, headings and sentences by key; `{slot}` is filled by the builder. */
  templates: z.record(z.string(), z.string()),
  /** Order of narrative sections by key (see narrative.ts for the known keys). */
  sections: z.array(z.string()),
  tables: tableOptionsSchema.default(tableOptionsSchema.parse({})),
  wording: wordingSchema.default(wordingSchema.parse({})),
  /** 名词解释: term → explanation, in printed order. */
  glossary: z.array(z.strictObject({ term: z.string(), text: z.string() })).default([]),
});
export type ReportProfile = z.infer<typeof profileSchema>;

/** Parses a profile YAML text; errors name the file and field. */
export function parseProfile(text: string, file = 'profile.yaml'): ReportProfile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new JuesuanError(ErrorCode.BadConfig, `${file} 不是有效的 YAML：${(e as Error).message.split('\n')[0]}`);
  }
  const r = profileSchema.safeParse(data);
  if (!r.success) {
    throw new JuesuanError(
      ErrorCode.BadConfig,
      `${file} 不是有效的口径文件`,
      r.error.issues.slice(0, 20).map((i) => ({ file, path: i.path.join('.'), message: i.message })),
    );
  }
  return r.data;
}
