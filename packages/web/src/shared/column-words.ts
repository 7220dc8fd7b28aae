/**
 * A table column in the standard wording of the published tables: 本年决算数 / 上年决算数 / 年初预算数,
 * with the column named where the table has several (上年决算数（合计）), never 决算数（上年决算数）.
 * Shared by the server (where a comment points) and the browser (grid headers): plain code with no imports,
 * kept outside src/server so that the browser takes nothing from the server but types (boundaries.test.ts).
 */
export type CompareColumn = 'prior' | 'budget';

export function columnWords(label: string, which?: CompareColumn): string {
  if (which === undefined) return label === '决算数' ? '本年决算数' : label;
  const base = which === 'prior' ? '上年决算数' : '年初预算数';
  return label === '决算数' ? base : `${base}（${label}）`;
}
