/**
 * The usage of `juesuan` and of each command, in Chinese: what `juesuan --help`, `juesuan <命令> --help|-h` and
 * `juesuan help <命令>` print. Plain data with no imports, so that help starts without loading core or a command.
 * test/cli-conventions.test.ts checks that every option a command parses is listed here.
 */

export interface OptionHelp {
  /** As typed, e.g. "--out <目录>" or "-q, --quiet". */
  flag: string;
  text: string;
}

export interface CommandHelp {
  name: string;
  summary: string;
  usage: readonly string[];
  /** Positional arguments. */
  args?: readonly OptionHelp[];
  options: readonly OptionHelp[];
  examples: readonly string[];
  /** Extra lines after the options (exit codes, notes). */
  notes?: readonly string[];
}

const EXIT_LINE = '退出码：0 无错误；1 发现错误；2 输入无法读取、参数或文件系统错误。';

export const COMMANDS: readonly CommandHelp[] = [
  {
    name: 'validate',
    summary: '按规则目录校验决算数据（YAML/JSON）',
    usage: ['juesuan validate <数据文件> [选项]'],
    args: [{ flag: '<数据文件>', text: 'YAML 或 JSON 数据文件；写 - 表示从标准输入读取' }],
    options: [
      { flag: '--format text|json', text: '输出格式（默认 text）' },
      { flag: '--config <文件>', text: '规则严重程度配置（默认读取当前目录的 juesuan.config.yaml）' },
      { flag: '--catalogue <目录>', text: '用导入的官方科目表（catalogue import 写出的目录）代替内置科目表' },
      {
        flag: '--previous <文件>',
        text: '上年数据文件或上年公开文本：核对年初结转和结余与上年年末数、上年数',
      },
    ],
    examples: [
      'juesuan validate examples/changji-2022.yaml',
      'juesuan validate examples/changji-2022.yaml --format json',
      'cat 数据.yaml | juesuan validate -',
    ],
    notes: [
      '数据不足、未能运行的规则单独列出并计数（不算通过），并说明补充哪些数据可使检查运行。',
      EXIT_LINE,
    ],
  },
  {
    name: 'build',
    summary: '由数据文件生成决算公开全文（说明、九张表、绩效自评表、名词解释）',
    usage: ['juesuan build <数据文件> --out <输出目录> [选项]', 'juesuan build <数据文件> --check [选项]'],
    args: [{ flag: '<数据文件>', text: 'YAML 或 JSON 数据文件；写 - 表示从标准输入读取' }],
    options: [
      { flag: '--out <目录>', text: '输出目录（不存在时创建；不能是已有的文件）' },
      {
        flag: '--profile <口径>',
        text: 'xinjiang-2022、central、shanghai-2024（默认取数据文件的 profile，否则 central）',
      },
      { flag: '--profile-file <文件>', text: '使用自己修改过的口径文件（YAML）代替内置口径' },
      {
        flag: '--format <格式,…>',
        text: 'docx,xlsx,html,pdf,md,json,csv 中的一个或几个（默认全部；PDF 需要 LibreOffice）',
      },
      { flag: '--force', text: '校验有错误时仍生成，文件标明“草稿”' },
      { flag: '--final', text: '数据不完整（有待填写的内容）时仍生成正式文件，不标“草稿”' },
      {
        flag: '--strict',
        text: '说明中有待填写的内容、表格中有未提供的数或数据有警告时拒绝生成（退出码 1）',
      },
      { flag: '--check', text: '只列出口径需要而数据缺少的内容和数据不足的规则，不生成文件' },
      { flag: '--balance', text: '金额为元时换算为万元并做舍位平衡，列出每处调整（不加时不调整任何数）' },
      { flag: '--previous <文件>', text: '上年数据文件或上年公开文本：上年数取自其中，并核对结转和结余' },
      { flag: '--config <文件>', text: '规则严重程度配置（默认读取当前目录的 juesuan.config.yaml）' },
    ],
    examples: [
      'juesuan build examples/changji-2022.yaml --out OUT',
      'juesuan build examples/changji-2022.yaml --out OUT --format docx,pdf --profile central',
      'juesuan build examples/changji-2022.yaml --check',
    ],
    notes: ['摘要列出待填写的内容、未提供的数和数据不足未能检查的规则。', EXIT_LINE],
  },
  {
    name: 'audit',
    summary: '审查已公开的决算（PDF、DOCX、文本）：读出每个数字，重建报表，逐项核对',
    usage: ['juesuan audit <文件或目录…> [选项]'],
    args: [
      {
        flag: '<文件或目录…>',
        text: '.pdf、.docx、.txt 文件，或包含它们的目录（逐层查找）；写 - 表示从标准输入读取一个文件',
      },
    ],
    options: [
      { flag: '--format text|json|html', text: '单个文件时的输出格式（默认 text）' },
      {
        flag: '--out <目录>',
        text: '多个文件时写出每个文件的 JSON 报告、汇总表 summary.csv 和 report.html（默认 audit-report）',
      },
      { flag: '--jobs <N>', text: '并行进程数，1 到 64（默认为处理器核数）' },
      {
        flag: '--config <文件>',
        text: '规则严重程度配置，与 validate 相同（默认读取当前目录的 juesuan.config.yaml；可关闭某条审查规则）',
      },
    ],
    examples: [
      'juesuan audit 某单位2022年度部门决算.pdf',
      'juesuan audit 公开文件/ --out 审查结果 --jobs 4',
      'pdftotext 决算.pdf - | juesuan audit -',
    ],
    notes: [EXIT_LINE],
  },
  {
    name: 'rules',
    summary: '列出规则目录（编号、严重程度、标题）',
    usage: ['juesuan rules [选项]'],
    options: [{ flag: '--format text|json', text: '输出格式（默认 text）' }],
    examples: ['juesuan rules', 'juesuan rules --format json'],
  },
  {
    name: 'catalogue',
    summary: '导入某年度的官方科目表，或列出可用的科目表及每行的来源（已核对或未核对）',
    usage: [
      'juesuan catalogue import <文件.xlsx|.csv> --year <年度> [--kind function|economic] [--out <目录>]',
      'juesuan catalogue [list] [--dir <目录>] [--year <年度>] [--kind function|economic] [--rows]',
    ],
    args: [{ flag: '<文件>', text: '官方科目表，XLSX 或 CSV（UTF-8）' }],
    options: [
      { flag: '--year <年度>', text: 'import：科目表所属年度，如 2024（必填）；list：只列该年度' },
      { flag: '--kind function|economic', text: 'import：支出功能分类或经济分类（默认 function）' },
      { flag: '--out <目录>', text: 'import：写入的目录（默认 ./catalogues）' },
      { flag: '--dir <目录>', text: 'list：已导入科目表所在的目录（默认 ./catalogues）' },
      { flag: '--rows', text: 'list：逐行列出科目及其来源（需同时给出 --year）' },
    ],
    examples: [
      'juesuan catalogue import 2024年政府收支分类科目.xlsx --year 2024',
      'juesuan catalogue list',
      'juesuan validate 数据.yaml --catalogue catalogues',
    ],
  },
  {
    name: 'import',
    summary: '从 XLSX、XLS、CSV 导入九张表（决算软件导出、公开附件、填报模板）为数据文件',
    usage: ['juesuan import <表格文件…> --out <数据文件> [选项]'],
    args: [
      {
        flag: '<表格文件…>',
        text: '.xlsx、.xls（需要 LibreOffice）或 .csv；写 - 表示从标准输入读取一个文件',
      },
    ],
    options: [
      { flag: '--out <数据文件>', text: '写出的 YAML 数据文件（必填）' },
      { flag: '--balance', text: '由元换算为万元并做舍位平衡，列出每处调整' },
      { flag: '--year <年度>', text: '表格未写明年度时使用' },
      { flag: '--unit-name <名称>', text: '表格未写明单位名称时使用' },
      { flag: '--kind 行政|参公|事业', text: '单位类型' },
      { flag: '--profile <口径>', text: '写入数据文件的口径' },
      { flag: '--amount-unit 元|万元', text: '表格未写明金额单位时使用' },
      { flag: '--include-hidden', text: '也读取隐藏的工作表、行和列' },
      { flag: '--previous <文件>', text: '上年数据文件或上年公开文件（PDF、DOCX、文本），核对并补上年数' },
      { flag: '--sources <文件.json>', text: '另写出每个数所在的工作表和单元格' },
    ],
    examples: [
      'juesuan import 决算软件导出.xlsx --out 数据.yaml',
      'juesuan import 填报模板.xlsx --out 数据.yaml --balance --previous 上年.yaml',
    ],
  },
  {
    name: 'template',
    summary: '生成填报模板（九张表和说明所需的其他数据）',
    usage: ['juesuan template --year <年度> --out <文件.xlsx> [选项]'],
    options: [
      { flag: '--year <年度>', text: '模板的年度（必填）' },
      { flag: '--out <文件.xlsx>', text: '写出的模板（必填）' },
      { flag: '--profile <口径>', text: '按口径列出所需数据' },
      { flag: '--previous <文件>', text: '上年数据文件或上年公开文件，预填上年数' },
      { flag: '--amount-unit 万元|元', text: '模板的金额单位（默认万元）' },
    ],
    examples: [
      'juesuan template --year 2024 --out 填报模板.xlsx',
      'juesuan template --year 2024 --previous 上年.yaml --out 填报模板.xlsx',
    ],
  },
  {
    name: 'export',
    summary: '把数据文件导出为填报模板格式（修改后可再导入）',
    usage: ['juesuan export <数据文件> --out <文件.xlsx>'],
    args: [{ flag: '<数据文件>', text: 'YAML 或 JSON 数据文件；写 - 表示从标准输入读取' }],
    options: [{ flag: '--out <文件.xlsx>', text: '写出的填报工作簿（必填）' }],
    examples: ['juesuan export examples/changji-2022.yaml --out 填报.xlsx'],
  },
  {
    name: 'consolidate',
    summary: '汇总各单位数据文件为部门决算（抵消内部往来）',
    usage: ['juesuan consolidate <单位数据文件…> --department <部门名称> --out <数据文件> [选项]'],
    args: [
      {
        flag: '<单位数据文件…>',
        text: '至少两个单位的 YAML/JSON 数据文件（其中一个可写 -，从标准输入读取）',
      },
    ],
    options: [
      { flag: '--department <部门名称>', text: '部门名称（必填）' },
      { flag: '--out <数据文件>', text: '写出的部门数据文件（必填）' },
      { flag: '--kind 行政|参公|事业', text: '部门的单位类型' },
      { flag: '--profile <口径>', text: '写入数据文件的口径' },
      { flag: '--pair 补助|上缴:付款单位:收款单位:金额', text: '指明一笔内部往来（金额单位万元；可重复）' },
      { flag: '--no-find', text: '不按金额自动配对内部往来，只抵消 --pair 指明的' },
    ],
    examples: [
      'juesuan consolidate 机关.yaml 中心.yaml --department 某某局 --out 部门.yaml',
      'juesuan consolidate 机关.yaml 中心.yaml --department 某某局 --out 部门.yaml --pair 补助:机关:中心:120.5',
    ],
  },
];

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionHelp[] = [
  { flag: '-h, --help', text: '显示本命令的用法' },
  { flag: '-q, --quiet', text: '只输出错误（不显示进度、摘要和提示）' },
  { flag: '--no-color', text: '不使用颜色（也可设置环境变量 NO_COLOR；输出不是终端时从不使用颜色）' },
];

export function findCommand(name: string): CommandHelp | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function optionLines(options: readonly OptionHelp[]): string[] {
  const width = Math.min(34, Math.max(...options.map((o) => displayWidth(o.flag))) + 2);
  return options.map((o) => {
    const pad = Math.max(1, width - displayWidth(o.flag));
    return `  ${o.flag}${' '.repeat(pad)}${o.text}`;
  });
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** The help of one command. */
export function commandHelp(c: CommandHelp): string {
  const out = [`juesuan ${c.name} — ${c.summary}`, '', '用法：', ...c.usage.map((u) => `  ${u}`)];
  if (c.args && c.args.length > 0) out.push('', '参数：', ...optionLines(c.args));
  if (c.options.length > 0) out.push('', '选项：', ...optionLines(c.options));
  out.push('', '通用选项：', ...optionLines(COMMON_OPTIONS));
  out.push('', '示例：', ...c.examples.map((e) => `  ${e}`));
  if (c.notes && c.notes.length > 0) out.push('', ...c.notes);
  return out.join('\n');
}

/** `juesuan --help`: the commands, one line each. */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    '决算 Juesuan — 部门决算公开的数据、校验、生成与审查',
    '',
    '用法：juesuan <命令> [选项]',
    '',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}显示某个命令的用法：juesuan help <命令>`,
    '',
    '通用选项：',
    ...optionLines([...COMMON_OPTIONS, { flag: '-V, --version', text: '显示版本' }]),
    '',
    '每个命令的选项和示例：juesuan <命令> --help，或 juesuan help <命令>。',
    '需要文件的地方写 - 表示从标准输入读取。',
    EXIT_LINE,
    '',
    '示例：',
    '  npx juesuan validate examples/changji-2022.yaml',
    '  npx juesuan build examples/changji-2022.yaml --out OUT',
    '  npx juesuan help build',
  ].join('\n');
}

/** The long flags a command's help lists (for suggesting a near one after a mistyped option). */
export function longFlags(c: CommandHelp): string[] {
  const out: string[] = [];
  for (const o of [...c.options, ...COMMON_OPTIONS])
    for (const m of o.flag.matchAll(/--[a-z][a-z-]*/g)) out.push(m[0]);
  return out;
}
