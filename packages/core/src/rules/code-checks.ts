/**
 * Shared pieces of the classification-code rules (category 'codes'): which tables carry which
 * classification, the code rows of a disclosure grouped by code, and in which years the built-in
 * catalogues list a code (DOMAIN.md §3: one dictionary per year).
 */
import { builtinCatalogue, builtinYears } from '../classification/builtin.ts';
import { sameClassName, type ClassificationKind } from '../classification/catalogue.ts';
import { InputNeed } from '../errors.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';
import { rowLabel } from './cells.ts';
import type { Location, RuleContext } from './types.ts';

/** Tables whose code rows are 支出功能分类 codes (T1 and T4 list only the 类). */
export const FUNCTION_CODE_TABLES: readonly TableId[] = TABLE_IDS.filter((t) => {
  const c = TABLE_SPECS[t].codes;
  return c === 'function' || c === 'function-class';
});
/** Tables whose code rows are 部门预算支出经济分类 codes (T6). */
export const ECONOMIC_CODE_TABLES: readonly TableId[] = TABLE_IDS.filter(
  (t) => TABLE_SPECS[t].codes === 'economic',
);

export const KIND_LABEL: Readonly<Record<ClassificationKind, string>> = {
  function: '支出功能分类',
  economic: '部门预算支出经济分类',
};

export interface CodeUse {
  table: TableId;
  row: Row;
}

/**
 * Code rows of the given tables (one of the lists above), grouped by code in first-seen order. Several code
 * rules ask for the same grouping: it is made once per run.
 */
export function codeUses(ctx: RuleContext, tables: readonly TableId[]): Map<string, CodeUse[]> {
  return ctx.shared(tables, (d) => groupCodeRows(d, tables));
}

function groupCodeRows(d: Disclosure, tables: readonly TableId[]): Map<string, CodeUse[]> {
  const out = new Map<string, CodeUse[]>();
  for (const table of tables) {
    for (const row of d.tables[table].rows) {
      const code = row.code;
      if (code === undefined) continue;
      const list = out.get(code);
      if (list) list.push({ table, row });
      else out.set(code, [{ table, row }]);
    }
  }
  return out;
}

/** 表二「2010450 事业运行」行, with the row's line in the data file. */
export function rowLocation(table: TableId, row: Row): Location {
  const loc: Location = {
    table,
    row: row.key,
    label: `${TABLE_SPECS[table].number}${rowLabel(row, row.key)}行`,
  };
  const line = row.source?.line;
  if (line !== undefined) loc.line = line;
  return loc;
}

/** 「2010450 事业运行」 with the first name the tables print for the code. */
export function codeLabel(code: string, uses: readonly CodeUse[]): string {
  const name = uses.find((u) => u.row.name !== '')?.row.name;
  return `「${code}${name ? ' ' + name : ''}」`;
}

/** Built-in years (other than `exceptYear`) whose catalogue of this kind lists the code. */
export function builtinYearsWithCode(kind: ClassificationKind, code: string, exceptYear?: number): number[] {
  return builtinYears(kind).filter(
    (y) => y !== exceptYear && builtinCatalogue(kind, y)?.entries.has(code) === true,
  );
}

/** The name each built-in year gives the code, for years other than `exceptYear`. */
export function builtinNamesOf(
  kind: ClassificationKind,
  code: string,
  exceptYear?: number,
): { year: number; name: string }[] {
  const out: { year: number; name: string }[] = [];
  for (const y of builtinYears(kind)) {
    if (y === exceptYear) continue;
    const name = builtinCatalogue(kind, y)?.entries.get(code)?.name;
    if (name !== undefined) out.push({ year: y, name });
  }
  return out;
}

/** "2020、2021 年" or "2020—2023 年" for a sorted list of years. */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = years[0]!;
  const last = years[years.length - 1]!;
  if (years.length > 2 && last - first === years.length - 1) return `${first}—${last} 年`;
  return `${years.join('、')} 年`;
}

/**
 * Why a code missing from `year`'s list is valid elsewhere: created later ("该科目自 2024 年起设立"),
 * abolished earlier ("该科目已于 2021 年取消"), or valid only in some years.
 */
export function validityText(validYears: readonly number[], year: number): string {
  const first = validYears[0]!;
  const last = validYears[validYears.length - 1]!;
  if (first > year) return `该科目自 ${first} 年起设立，${year} 年度尚不能使用`;
  if (last < year) return `该科目已于 ${last + 1} 年取消（最后有效年度为 ${last} 年）`;
  return `该科目仅在 ${yearsText(validYears)}度有效`;
}

/**
 * Templates of the known-code rules (code-function-known, code-economic-known). The messages say which
 * data is needed (the year's official list); how to supply it is the front end's business (the CLI
 * names its import command, see packages/cli/src/hints.ts).
 */
export const CODE_KNOWN_MESSAGES = {
  'not-in-list': '{kind}{level}{code}不在 {year} 年度科目表（{source}）中{why}：请核对编码是否写错或已停用',
  'not-in-builtin':
    '{kind}{level}{code}不在内置的 {year} 年度科目表中{why}：内置科目表未与财政部官方科目表逐条核对，可能不全。请核对编码；编码无误时导入该年度官方科目表后再校验',
} as const;

/** Template of the name rules (code-function-name, code-economic-name). */
export const CODE_NAME_MESSAGES = {
  'wrong-name': '{kind}科目「{code}」名称应为「{name}」，表中写作「{printed}」{hint}',
} as const;

/** Reports that no catalogue covers the year, once, for a rule that needs it. */
export function noCatalogue(ctx: RuleContext, kind: ClassificationKind): void {
  const years = builtinYears(kind);
  const covered = years.length > 0 ? `内置科目表覆盖 ${yearsText(years)}度` : '没有内置科目表';
  ctx.insufficient(
    `没有 ${ctx.d.year} 年度的${KIND_LABEL[kind]}科目表（${covered}），导入该年度的官方科目表后可检查`,
    InputNeed.Catalogue,
  );
}

/**
 * Every code of the tables is listed in the year's catalogue. Codes that another year's built-in
 * catalogue lists are left to the validity rule (one finding per problem). With the built-in subset
 * (complete === false) an unlisted 项 under a listed 款 cannot be judged: it is counted as
 * insufficient data; an unknown 类 or 款 is a warning that says how to import the official list, and
 * an error only against an imported (complete) list.
 */
export function checkCodesKnown(
  ctx: RuleContext,
  kind: ClassificationKind,
  tables: readonly TableId[],
): void {
  const uses = codeUses(ctx, tables);
  if (uses.size === 0) {
    ctx.notApplicable('表中没有科目行');
    return;
  }
  const cat = ctx.catalogues[kind];
  if (!cat) {
    noCatalogue(ctx, kind);
    return;
  }
  const year = ctx.d.year;
  for (const [code, list] of uses) {
    if (cat.entries.has(code)) {
      ctx.ran();
      continue;
    }
    if (builtinYearsWithCode(kind, code, year).length > 0) {
      ctx.ran(); // valid in another year: the validity rule says which
      continue;
    }
    const parent = code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : '';
    const parentKnown = parent === '' || cat.entries.has(parent);
    if (!cat.complete && code.length === 7 && parentKnown) {
      ctx.insufficient(`项「${code}」：内置科目表不含该项，导入官方科目表后可检查`, InputNeed.Catalogue);
      continue;
    }
    const level = code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
    const why = parentKnown ? '' : `，其上级「${parent}」也不在表中`;
    // The built-in lists are not the official ones (classification/provenance.ts): absence is a warning.
    ctx.report({
      messageId: cat.complete ? 'not-in-list' : 'not-in-builtin',
      data: { kind: KIND_LABEL[kind], level, code: codeLabel(code, list), year, source: cat.source, why },
      location: list.map((u) => rowLocation(u.table, u.row)),
      actual: code,
      ...(cat.complete ? {} : { severity: 'warning' as const }),
    });
  }
}

/** Every printed name of a listed code matches the catalogue's name (sameClassName). */
export function checkCodeNames(ctx: RuleContext, kind: ClassificationKind, tables: readonly TableId[]): void {
  const uses = codeUses(ctx, tables);
  if (uses.size === 0) {
    ctx.notApplicable('表中没有科目行');
    return;
  }
  const cat = ctx.catalogues[kind];
  if (!cat) {
    noCatalogue(ctx, kind);
    return;
  }
  let named = 0;
  for (const [code, list] of uses) {
    const entry = cat.entries.get(code);
    if (!entry) continue; // unknown codes are the known-code rules' business
    // Made only for a code with a wrong name: most codes have none.
    let wrong: Map<string, CodeUse[]> | undefined;
    for (const u of list) {
      if (u.row.name === '') continue;
      named++;
      ctx.ran();
      if (sameClassName(u.row.name, entry.name)) continue;
      wrong ??= new Map();
      const w = wrong.get(u.row.name);
      if (w) w.push(u);
      else wrong.set(u.row.name, [u]);
    }
    if (wrong === undefined) continue;
    for (const [printed, rows] of wrong) {
      const other = builtinNamesOf(kind, code, ctx.d.year).filter((x) => sameClassName(x.name, printed));
      const hint =
        other.length > 0 ? `（「${printed}」是 ${yearsText(other.map((x) => x.year))}度科目表的名称）` : '';
      ctx.report({
        messageId: 'wrong-name',
        data: { kind: KIND_LABEL[kind], code, name: entry.name, printed, hint },
        location: rows.map((u) => rowLocation(u.table, u.row)),
        expected: entry.name,
        actual: printed,
      });
    }
  }
  if (named === 0) ctx.notApplicable('科目行没有写科目名称');
}
