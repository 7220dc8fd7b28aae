/**
 * The `juesuan` command: argument parsing, files, exit codes. All work is done by @juesuan/core.
 *
 * Nothing here imports @juesuan/core or a command statically: each command module (and with it core, echarts,
 * exceljs …) is imported only when that command runs, so `juesuan --help` starts as fast as Node itself.
 */
import { parseArgs } from 'node:util';

export const EXIT = { Ok: 0, Findings: 1, BadInput: 2 } as const;

const HELP = `决算 Juesuan — 部门决算公开的数据、校验、生成与审查

用法：juesuan <命令> [选项]

命令：
  validate <数据文件>      按规则目录校验决算数据（YAML/JSON）
      --format text|json    输出格式（默认 text）
      --config <文件>       规则严重程度配置（默认读取当前目录的 juesuan.config.yaml）
      --catalogue <目录>    用导入的官方科目表代替内置科目表
      --previous <文件>     上年数据文件或上年公开文本：核对结转和结余与上年数
  build <数据文件> --out <目录>  生成决算公开全文（说明、九张表、绩效自评表、名词解释）
      --profile <口径>      xinjiang-2022、central、shanghai-2024（默认取数据文件的 profile）
      --profile-file <文件> 使用自己修改过的口径文件（YAML）
      --format <格式>       docx,xlsx,html,pdf,md,json,csv（默认全部；PDF 需要 LibreOffice）
      --force               校验有错误时仍生成，并标明“草稿”
      --balance             金额为元时换算为万元并做舍位平衡，列出每处调整
      --previous <文件>     上年数取自上年数据，并核对结转和结余
  audit <文件或目录…>       审查已公开的决算（PDF、DOCX、文本）：读出每个数字，重建报表，逐项核对
      --format text|json|html
      --out <目录>          多个文件时写出每个文件的报告、汇总表 summary.csv 和 report.html
      --jobs <N>            并行进程数（默认为处理器核数）
  rules                    列出规则目录
      --format text|json
  catalogue import <文件>  从 XLSX 或 CSV 导入某年度的官方科目表
      --year <年度> --kind function|economic --out <目录，默认 ./catalogues>
  catalogue list           列出内置和已导入的科目表年度
  import <表格文件…> --out <数据文件>  从 XLSX、XLS、CSV 导入九张表（决算软件导出、公开附件、填报模板）
      --balance             由元换算为万元并做舍位平衡，列出每处调整
  template --year <年度> --out <文件.xlsx>  生成填报模板（九张表和说明所需的其他数据）
      --profile <口径>  --previous <上年数据文件>（预填上年数）
  export <数据文件> --out <文件.xlsx>  把数据文件导出为填报模板格式
  consolidate <单位数据文件…> --department <部门名称> --out <数据文件>  汇总各单位为部门决算（抵消内部往来）

退出码：0 无错误；1 发现错误；2 输入无法读取。
示例：npx juesuan validate examples/changji-2022.yaml
      npx juesuan build examples/changji-2022.yaml --out OUT
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(HELP);
        return EXIT.Ok;
      case '-v':
      case '--version':
        io.out('juesuan 0.1.0');
        return EXIT.Ok;
      case 'validate':
        return await (await import('./commands/validate.ts')).validateCommand(rest, io);
      case 'rules':
        return (await import('./commands/rules.ts')).rulesCommand(rest, io);
      case 'build':
        return await (await import('./commands/build.ts')).buildCommand(rest, io);
      case 'audit':
        return await (await import('./commands/audit.ts')).auditCommand(rest, io);
      case 'catalogue':
        return await (await import('./commands/catalogue.ts')).catalogueCommand(rest, io);
      case 'import':
        return await (await import('./commands/import.ts')).importCommand(rest, io);
      case 'template':
        return await (await import('./commands/template.ts')).templateCommand(rest, io);
      case 'export':
        return await (await import('./commands/export.ts')).exportCommand(rest, io);
      case 'consolidate':
        return await (await import('./commands/consolidate.ts')).consolidateCommand(rest, io);
      default:
        io.err(`未知命令「${command}」。运行 juesuan --help 查看可用命令。`);
        return EXIT.BadInput;
    }
  } catch (e) {
    return await reportError(e, io);
  }
}

export async function reportError(e: unknown, io: Io): Promise<number> {
  // Core is loaded here only for the error types (a failing command has loaded it already).
  const { formatProblem, JuesuanError } = await import('@juesuan/core');
  if (e instanceof JuesuanError) {
    io.err(`错误：${e.message}`);
    for (const p of e.problems) io.err(`  ${formatProblem(p)}`);
    return EXIT.BadInput;
  }
  const code = (e as { code?: string }).code;
  if (
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
    code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
    code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
  ) {
    io.err(`参数错误：${(e as Error).message}。运行 juesuan --help 查看用法。`);
    return EXIT.BadInput;
  }
  io.err(`内部错误（请报告）：${(e as Error).message ?? String(e)}`);
  if (process.env['JUESUAN_DEBUG']) io.err((e as Error).stack ?? '');
  return EXIT.BadInput;
}

export { parseArgs };
