import { parseArgs } from 'node:util';
import {
  applyPreviousYear,
  checkCarriedFigures,
  dataFileToYaml,
  disclosureFromData,
  ErrorCode,
  formatCellSource,
  formatImportReport,
  importWorkbooks,
  JuesuanError,
  pathOfLocation,
  sourceOfPath,
  validateDisclosure,
  type ImportOptions,
  type MoneyUnit,
} from '@juesuan/core';
import { readPreviousYear, readSpreadsheetFile, writeFileAtomic } from '../excel-files.ts';
import type { Io } from '../main.ts';
import { withCliHints } from '../hints.ts';

const USAGE =
  '用法：juesuan import <文件.xlsx|.xls|.csv …> --out <数据.yaml> [--balance] [--year 年度] [--unit-name 名称] [--kind 行政|参公|事业] [--profile 口径] [--amount-unit 元|万元] [--include-hidden] [--previous 上年数据.yaml|上年公开.pdf] [--sources 来源.json]';

const IMPORT_OPTIONS = {
  out: { type: 'string' },
  balance: { type: 'boolean', default: false },
  year: { type: 'string' },
  'unit-name': { type: 'string' },
  kind: { type: 'string' },
  profile: { type: 'string' },
  'amount-unit': { type: 'string' },
  'include-hidden': { type: 'boolean', default: false },
  previous: { type: 'string' },
  sources: { type: 'string' },
} as const;

/** The data file content an import produces. */
type ImportedData = Awaited<ReturnType<typeof importWorkbooks>>['data'];

type ImportValues = ReturnType<typeof parseArgs<{ options: typeof IMPORT_OPTIONS }>>['values'];

/** The import options from the command line, each checked (year, unit kind, amount unit). */
function importOptions(values: ImportValues): ImportOptions {
  const options: ImportOptions = { balance: values.balance, includeHidden: values['include-hidden'] };
  if (values.year !== undefined) {
    const y = Number(values.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100)
      throw new JuesuanError(ErrorCode.BadInput, `--year 应为年度，如 2024，实际为「${values.year}」`);
    options.year = y;
  }
  const kind = values.kind;
  if (kind !== undefined && kind !== '行政' && kind !== '参公' && kind !== '事业')
    throw new JuesuanError(ErrorCode.BadInput, `--kind 应为 行政、参公 或 事业，实际为「${kind}」`);
  if (values['unit-name'] !== undefined || kind !== undefined)
    options.unit = {
      ...(values['unit-name'] !== undefined ? { name: values['unit-name'] } : {}),
      ...(kind !== undefined ? { kind } : {}),
    };
  if (values.profile !== undefined) options.profile = values.profile;
  const au = values['amount-unit'];
  if (au !== undefined) {
    if (au !== '元' && au !== '万元')
      throw new JuesuanError(ErrorCode.BadInput, `--amount-unit 应为 元 或 万元，实际为「${au}」`);
    options.defaultUnit = au as MoneyUnit;
  }
  return options;
}

/** --previous: 上年数 taken from last year's file (each change listed) and the carried figures checked. */
async function withPreviousYear(
  data: ImportedData,
  prevFile: string,
  out: string,
  io: Io,
): Promise<ImportedData> {
  const prev = await readPreviousYear(prevFile);
  const applied = applyPreviousYear(data, prev);
  for (const d of applied.differences)
    io.out(`  上年数：${d.path} 表中为 ${d.stated}，按 ${prevFile} 改为 ${d.previous}`);
  const findings = checkCarriedFigures(disclosureFromData(applied.data, { file: out }), prev, {
    currentName: out,
    previousName: prevFile,
  });
  for (const f of findings)
    io.out(
      `  [${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}] ${f.message}`,
    );
  return applied.data;
}

/** `juesuan import`: spreadsheets → a data file, with a report of what was read and where each figure came from. */
export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: IMPORT_OPTIONS });
  if (positionals.length === 0 || !values.out) throw new JuesuanError(ErrorCode.BadInput, USAGE);
  const options = importOptions(values);
  const inputs = [];
  for (const file of positionals) inputs.push({ bytes: await readSpreadsheetFile(file), fileName: file });
  const result = await importWorkbooks(inputs, options);
  let data = result.data;
  io.out(formatImportReport(result.report));
  if (values.previous) data = await withPreviousYear(data, values.previous, values.out, io);
  const d = disclosureFromData(data, { file: values.out });
  const outcome = withCliHints(validateDisclosure(d), d.year);
  const header = [
    `由 juesuan import 从 ${positionals.join('、')} 导入${values.balance ? '（已做舍位平衡，金额单位万元）' : ''}。`,
    '每行上方的注释为该行所在的工作表和单元格。',
  ];
  writeFileAtomic(values.out, dataFileToYaml(data, { header, sources: result.sources }));
  if (values.sources) writeFileAtomic(values.sources, JSON.stringify(result.sources, null, 2) + '\n');
  const s = outcome.summary;
  io.out(
    `已写出 ${values.out}：${d.unit.name} ${d.year} 年度。校验：错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个。`,
  );
  for (const f of outcome.findings.filter((x) => x.severity === 'error').slice(0, 10)) {
    const where = f.location
      .map((l) => {
        const p = pathOfLocation(data, l);
        const src = p ? sourceOfPath(result.sources, p) : undefined;
        return src ? formatCellSource(src) : undefined;
      })
      .filter((x) => x !== undefined);
    io.out(`  [错误] ${f.message}${where.length > 0 ? `（${[...new Set(where)].join('；')}）` : ''}`);
  }
  if (s.error > 0) io.out(`运行 juesuan validate ${values.out} 查看全部发现。`);
  return 0;
}
