import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  ErrorCode,
  findingToJson,
  formatFindingsText,
  JuesuanError,
  loadDisclosure,
  MAX_DATA_FILE_BYTES,
  parseRuleConfig,
  validateDisclosure,
  type SeverityOverrides,
} from '@juesuan/core';
import { loadCatalogueDir } from '../catalogue-store.ts';
import { insufficientLines } from '../build-summary.ts';
import { inputName, readInputFile } from '../io.ts';
import { readPreviousFor } from '../excel-files.ts';
import type { Io } from '../main.ts';
import { paint } from '../style.ts';
import { withCliHints } from '../hints.ts';

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      catalogue: { type: 'string' },
      previous: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    throw new JuesuanError(ErrorCode.BadInput, `--format 应为 text 或 json，实际为「${format}」`);
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan validate <数据文件> [--format text|json] [--previous 上年数据文件|上年公开.pdf]',
    );
  }
  let overrides: SeverityOverrides = {};
  const configFile = values.config ?? (existsSync('juesuan.config.yaml') ? 'juesuan.config.yaml' : undefined);
  if (configFile) {
    if (!existsSync(configFile)) throw new JuesuanError(ErrorCode.NotFound, `找不到配置文件 ${configFile}`);
    overrides = parseRuleConfig(readFileSync(configFile, 'utf8'), configFile);
  }
  const name = inputName(file);
  const d = loadDisclosure(readInputFile(file, MAX_DATA_FILE_BYTES), { file: name });
  const catalogues = values.catalogue ? loadCatalogueDir(values.catalogue, d.year) : undefined;
  // --previous: last year's data or publication; the carried-figure rules compare with it.
  const previous = values.previous ? await readPreviousFor(d.year, values.previous) : undefined;
  const outcome = withCliHints(
    validateDisclosure(d, {
      overrides,
      ...(catalogues ? { catalogues } : {}),
      ...(previous ? { previous } : {}),
    }),
    d.year,
  );
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          file: name,
          unit: d.unit.name,
          year: d.year,
          findings: outcome.findings.map(findingToJson),
          notRun: outcome.notRun,
          partial: outcome.partial,
          summary: outcome.summary,
        },
        null,
        2,
      ),
    );
  } else if (io.quiet) {
    // --quiet: the errors only, one line each.
    for (const f of outcome.findings.filter((x) => x.severity === 'error'))
      io.out(`${paint(io, 'out', 'red', '[错误]')} ${f.message}  〔${f.rule}〕`);
  } else {
    const text = formatFindingsText(outcome, { title: `校验 ${name}：${d.unit.name} ${d.year} 年度决算` });
    const lines = text.split('\n');
    // The rules that could not run, with what to supply, just before the totals and the conclusion.
    lines.splice(Math.max(0, lines.length - 2), 0, ...insufficientLines(outcome));
    io.out(
      lines
        .join('\n')
        .replace(/\[错误\]/g, paint(io, 'out', 'red', '[错误]'))
        .replace(/\[警告\]/g, paint(io, 'out', 'yellow', '[警告]')),
    );
  }
  return outcome.summary.error > 0 ? 1 : 0;
}
