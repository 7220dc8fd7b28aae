/**
 * `juesuan build <data file> --out <dir> [--profile NAME | --profile-file F] [--format …] [--force] [--final]
 * [--strict]`, `juesuan build <data file> --check`: the whole publication from the data. Refuses while validate
 * reports errors unless --force, and then marks every output as a draft; a publication with text or figures still
 * to be supplied is a draft too unless --final, and --strict refuses to build it. --check lists what the profile
 * needs and the data lacks, without writing anything.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import {
  buildReport,
  builtinProfile,
  dataWarnings,
  documentGaps,
  DRAFT_REASON_INCOMPLETE,
  builtinProfileNames,
  ErrorCode,
  JuesuanError,
  parseProfile,
  parseRuleConfig,
  validateDisclosure,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeMarkdown,
  writeXlsx,
  type Disclosure,
  type ReportProfile,
  type RuleOutcome,
  type SeverityOverrides,
} from '@juesuan/core';
import { gapCount, gapLines, insufficientLines } from '../build-summary.ts';
import { ensureDir, fsWrite, inputName, readInputFile } from '../io.ts';
import { loadForBuild } from '../excel-files.ts';
import type { Io } from '../main.ts';
import { convertWithLibreOffice, fontSubstitutesText } from '../pdf.ts';
import { note } from '../style.ts';
import { withCliHints } from '../hints.ts';
import { hasTool, missingToolMessage } from '../tools.ts';

export const FORMATS = ['docx', 'xlsx', 'html', 'pdf', 'md', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A file name without characters Windows or Unix refuse. */
export function safeFileName(name: string): string {
  // Characters Windows or Unix refuse in file names, and control characters.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const BUILD_OPTIONS = {
  out: { type: 'string' },
  profile: { type: 'string' },
  'profile-file': { type: 'string' },
  format: { type: 'string' },
  force: { type: 'boolean', default: false },
  final: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  config: { type: 'string' },
  balance: { type: 'boolean', default: false },
  previous: { type: 'string' },
} as const;

/** The command line: the data file and the options; the usage when the file or the output is missing. */
function parseBuildArgs(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: BUILD_OPTIONS });
  const file = positionals[0];
  if (!file || positionals.length > 1 || (!values.out && !values.check)) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan build <数据文件> --out <输出目录> [--profile 口径] [--format docx,xlsx,html,pdf,md,json,csv] [--force] [--final] [--strict] [--balance] [--previous 上年数据文件]；' +
        '或 juesuan build <数据文件> --check [--profile 口径]（只列出口径需要而数据缺少的内容，不生成文件）',
    );
  }
  return { values, file };
}

type BuildValues = ReturnType<typeof parseBuildArgs>['values'];

/** The formats to write: --format or all; PDF left out (with a note) when LibreOffice is missing and was not asked for. */
function outputFormats(values: BuildValues, io: Io): Set<Format> {
  const explicitFormats = values.format !== undefined;
  const formats = (values.format ?? FORMATS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new JuesuanError(ErrorCode.BadInput, `不支持的输出格式「${f}」，可用：${FORMATS.join('、')}`);
    }
  }
  const want = new Set(formats as Format[]);
  if (want.has('pdf') && !values.check && !hasTool('soffice')) {
    if (explicitFormats)
      throw new JuesuanError(ErrorCode.MissingTool, missingToolMessage('soffice', '生成 PDF'));
    want.delete('pdf');
    note(io, `提示：未安装 LibreOffice，本次不生成 PDF。${missingToolMessage('soffice', '生成 PDF')}`);
  }
  return want;
}

/** Rule severities from --config, else from ./juesuan.config.yaml when there is one. */
function ruleOverrides(config: string | undefined): SeverityOverrides {
  const configFile = config ?? (existsSync('juesuan.config.yaml') ? 'juesuan.config.yaml' : undefined);
  return configFile ? parseRuleConfig(readFileSync(configFile, 'utf8'), configFile) : {};
}

/** The profile: --profile-file, else --profile, the data file's or central. */
function reportProfile(values: BuildValues, d: Disclosure): ReportProfile {
  if (values['profile-file']) {
    const pf = values['profile-file'];
    return parseProfile(new TextDecoder().decode(readInputFile(pf, 1024 * 1024)), pf);
  }
  const name = values.profile ?? d.profile ?? 'central';
  if (!builtinProfileNames().includes(name)) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `没有名为「${name}」的口径，可用：${builtinProfileNames().join('、')}；或用 --profile-file 指定口径文件`,
    );
  }
  return builtinProfile(name);
}

interface WrittenFile {
  format: string;
  path: string;
  bytes: number;
}

/** Writes each format asked for into `out`, in the order of FORMATS, with progress on stderr. */
async function writeFormats(
  doc: ReturnType<typeof buildReport>,
  d: Disclosure,
  want: ReadonlySet<Format>,
  out: string,
  io: Io,
): Promise<WrittenFile[]> {
  ensureDir(out);
  const base = safeFileName(`${doc.title}${doc.draft ? '（草稿）' : ''}`);
  const written: WrittenFile[] = [];
  const write = (ext: string, data: Uint8Array | string) => {
    const path = join(out, `${base}.${ext}`);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    fsWrite(path, () => writeFileSync(path, bytes));
    written.push({ format: ext, path, bytes: bytes.length });
  };
  const steps = [...want];
  let n = 0;
  const progress = (what: string) => note(io, `[${++n}/${steps.length}] 正在生成 ${what}…`);
  let docxBytes: Uint8Array | undefined;
  // Node's zlib compresses the Office packages' parts without a stream per part.
  const office = { deflate: deflateRawSync };
  if (want.has('docx') || want.has('pdf')) docxBytes = await writeDocx(doc, office);
  for (const f of FORMATS) {
    if (!want.has(f)) continue;
    progress(f.toUpperCase());
    if (f === 'docx') write('docx', docxBytes!);
    else if (f === 'xlsx') write('xlsx', await writeXlsx(doc, office));
    else if (f === 'html') write('html', writeHtml(doc));
    else if (f === 'md') write('md', writeMarkdown(doc));
    else if (f === 'json') write('json', writeJson(doc, d));
    else if (f === 'csv') write('csv', writeCsv(doc));
    else if (f === 'pdf') write('pdf', await convertWithLibreOffice(docxBytes!, 'docx', 'pdf'));
  }
  return written;
}

/** What was written and what the data still lacks, on stdout. */
function printBuilt(
  built: {
    d: Disclosure;
    profile: ReportProfile;
    doc: ReturnType<typeof buildReport>;
    outcome: RuleOutcome;
    errors: number;
    gaps: ReturnType<typeof documentGaps>;
    warnings: ReturnType<typeof dataWarnings>;
    written: readonly WrittenFile[];
    pdf: boolean;
  },
  io: Io,
): void {
  const { d, profile, doc, outcome, errors, gaps, warnings, written } = built;
  const draftWhy = [
    ...(errors > 0 ? ['校验有错误'] : []),
    ...(doc.draftReason?.includes(DRAFT_REASON_INCOMPLETE) ? ['数据不完整'] : []),
  ].join('、');
  io.out(
    `已生成 ${d.unit.name} ${d.year} 年度决算公开（口径：${profile.name}${doc.draft ? `；草稿：${draftWhy}` : ''}）：`,
  );
  for (const w of written)
    io.out(`  ${w.format.toUpperCase().padEnd(5)} ${sizeText(w.bytes).padStart(7)}  ${w.path}`);
  const s = outcome.summary;
  io.out(
    `规则校验：错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个；表格 ${doc.tables.length} 张，图表 ${doc.charts.length} 个。`,
  );
  for (const line of gapLines(gaps, warnings)) io.out(line);
  for (const line of insufficientLines(outcome)) io.out(line);
  if (doc.draftReason?.includes(DRAFT_REASON_INCOMPLETE))
    io.out('（文件标为“草稿”：补齐以上内容后重新生成；确需按现状生成正式文件时加 --final。）');
  if (built.pdf) {
    const fonts = fontSubstitutesText();
    if (fonts !== undefined) io.out(`PDF 字体：本机没有公文字体，以替代字体排版：${fonts}。`);
  }
}

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, file } = parseBuildArgs(args);
  const want = outputFormats(values, io);
  const overrides = ruleOverrides(values.config);

  // --balance: 舍位平衡 from 元 (each adjustment listed); --previous: 上年数 from last year's data, checked.
  const { d, previous } = await loadForBuild(
    file,
    { balance: values.balance, previous: values.previous },
    io,
  );
  const profile = reportProfile(values, d);

  const outcome = withCliHints(
    validateDisclosure(d, previous ? { overrides, previous } : { overrides }),
    d.year,
  );
  const errors = outcome.findings.filter((f) => f.severity === 'error');
  if (values.check) return checkCommand(inputName(file), d, profile, outcome, values.final, io);
  if (errors.length > 0 && !values.force) {
    io.err(
      `校验发现 ${errors.length} 个错误，未生成公开文件。请先更正（juesuan validate ${file} 查看详情），或加 --force 生成标明“草稿”的文件：`,
    );
    for (const f of errors.slice(0, 10)) io.err(`  - ${f.message}`);
    if (errors.length > 10) io.err(`  … 另有 ${errors.length - 10} 个错误`);
    return 1;
  }
  const doc = buildReport(d, profile, { draft: errors.length > 0, final: values.final });
  const gaps = documentGaps(doc);
  const warnings = dataWarnings(d);
  if (values.strict && gapCount(gaps, warnings) > 0) {
    io.err('未生成公开文件：--strict 要求说明中没有待填写的内容、表格中没有未提供的数，且数据没有以下警告：');
    for (const line of gapLines(gaps, warnings, true)) io.err(line);
    return 1;
  }
  const written = await writeFormats(doc, d, want, values.out!, io);
  printBuilt(
    { d, profile, doc, outcome, errors: errors.length, gaps, warnings, written, pdf: want.has('pdf') },
    io,
  );
  return 0;
}

/** `build --check`: what the profile needs and the data lacks, listed in full; nothing is written. */
function checkCommand(
  file: string,
  d: Disclosure,
  profile: ReportProfile,
  outcome: RuleOutcome,
  final: boolean,
  io: Io,
): number {
  const doc = buildReport(d, profile, { final });
  const gaps = documentGaps(doc);
  const warnings = dataWarnings(d);
  io.out(`检查 ${file}：${d.unit.name} ${d.year} 年度，口径：${profile.name}（不生成文件）`);
  const lines = gapLines(gaps, warnings, true);
  for (const line of lines) io.out(line);
  const s = outcome.summary;
  io.out(`校验：错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个。`);
  for (const line of insufficientLines(outcome, true)) io.out(line);
  const lacking = gaps.placeholders.length + gaps.unknownCells.length;
  if (lacking === 0 && warnings.length === 0 && s.error === 0)
    io.out('结论：口径需要的数据齐全，可以生成正式文件。');
  else
    io.out(
      `结论：${lacking > 0 ? `口径需要而数据缺少的内容 ${lacking} 处` : '口径需要的数据齐全'}` +
        `${warnings.length > 0 ? `，数据警告 ${warnings.length} 条` : ''}${s.error > 0 ? `，校验错误 ${s.error} 个` : ''}。`,
    );
  return lacking > 0 || warnings.length > 0 || s.error > 0 ? 1 : 0;
}
