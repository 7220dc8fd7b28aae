/**
 * The `juesuan` command: argument parsing, help, files, exit codes. All work is done by @juesuan/core.
 *
 * Nothing here imports @juesuan/core or a command statically: each command module (and with it core, echarts,
 * exceljs …) is imported only when that command runs, so `juesuan --help` starts as fast as Node itself.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commandHelp, findCommand, generalHelp, longFlags } from './help.ts';

export const EXIT = { Ok: 0, Findings: 1, BadInput: 2 } as const;

export interface Io {
  /** The command's result (standard output). */
  out: (s: string) => void;
  /** Errors (standard error). */
  err: (s: string) => void;
  /** Progress and hints (standard error); silent with --quiet. Defaults to `err`. */
  note?: (s: string) => void;
  /** --quiet: only errors are printed. */
  quiet?: boolean;
  /** Whether standard output / standard error may be coloured (a TTY, no --no-color, no NO_COLOR). */
  color?: { out: boolean; err: boolean };
}

/** Whether a stream may be coloured: a TTY, and neither --no-color nor NO_COLOR (any value) nor TERM=dumb. */
function colourFor(tty: boolean | undefined, noColor: boolean): boolean {
  if (noColor || tty !== true) return false;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  return process.env['TERM'] !== 'dumb';
}

let streamsGuarded = false;

/**
 * Standard output or error closed early (`juesuan rules | head -3`): stop quietly instead of an EPIPE stack
 * trace. Any other error on them (a full disk under `> file`) is one Chinese line and exit 2.
 */
function guardStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  for (const [name, stream] of [
    ['标准输出', process.stdout],
    ['标准错误', process.stderr],
  ] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
      try {
        if (stream !== process.stderr)
          process.stderr.write(
            `错误：无法写出到${name}：${e.code === 'ENOSPC' ? '磁盘空间不足' : (e.code ?? e.message)}\n`,
          );
      } finally {
        process.exit(EXIT.BadInput);
      }
    });
  }
}

function defaultIo(noColor: boolean): Io {
  guardStreams();
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (!stream.destroyed) stream.write(s + '\n');
  };
  const out = write(process.stdout);
  const err = write(process.stderr);
  return {
    out,
    err,
    color: { out: colourFor(process.stdout.isTTY, noColor), err: colourFor(process.stderr.isTTY, noColor) },
  };
}

/** The version in packages/cli/package.json (read, not imported: help and version load no module). */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Options every command takes, taken out of the arguments before the command parses its own. */
function takeCommonOptions(argv: readonly string[]): {
  args: string[];
  quiet: boolean;
  noColor: boolean;
  help: boolean;
} {
  const args: string[] = [];
  let quiet = false;
  let noColor = false;
  let help = false;
  let rest = false;
  for (const a of argv) {
    if (rest) args.push(a);
    else if (a === '--') {
      rest = true;
      args.push(a);
    } else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '--no-color' || a === '--no-colour') noColor = true;
    else if (a === '-h' || a === '--help') help = true;
    else args.push(a);
  }
  return { args, quiet, noColor, help };
}

export async function main(argv: string[], given?: Io): Promise<number> {
  const { args, quiet, noColor, help } = takeCommonOptions(argv);
  let io = given ?? defaultIo(noColor);
  if (given && noColor) io = { ...io, color: { out: false, err: false } };
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === 'help') {
      const target = command === 'help' ? rest[0] : undefined;
      if (target === undefined) {
        io.out(generalHelp());
        return EXIT.Ok;
      }
      const c = findCommand(target);
      if (!c) {
        io.err(`未知命令「${target}」。运行 juesuan --help 查看可用命令。`);
        return EXIT.BadInput;
      }
      io.out(commandHelp(c));
      return EXIT.Ok;
    }
    if (command === '-V' || command === '-v' || command === '--version') {
      io.out(`juesuan ${version()}`);
      return EXIT.Ok;
    }
    const c = findCommand(command);
    if (!c) {
      io.err(
        command.startsWith('-')
          ? `未知选项「${command}」。运行 juesuan --help 查看用法。`
          : `未知命令「${command}」。运行 juesuan --help 查看可用命令。`,
      );
      return EXIT.BadInput;
    }
    if (help) {
      io.out(commandHelp(c));
      return EXIT.Ok;
    }
    if (quiet) {
      // validate and audit keep standard output for their error findings; the others print only errors.
      const keepsOut = command === 'validate' || command === 'audit' || command === 'rules';
      io = { ...io, quiet: true, note: () => {}, ...(keepsOut ? {} : { out: () => {} }) };
    }
    switch (command) {
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
        return EXIT.BadInput;
    }
  } catch (e) {
    return await reportError(e, io, command);
  }
}

/** The option a parseArgs error message names ("Unknown option '--foo'", "Option '-o, --out <value>' …"). */
function optionIn(message: string): string {
  const m = /'([^']+)'/.exec(message);
  if (!m) return '';
  const flags = m[1]!.replace(/\s*<value>$/, '').split(/,\s*/);
  return flags[flags.length - 1]!;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

/** A Chinese message for an argument error of node:util parseArgs, or undefined for other errors. */
export function argumentMessage(e: unknown, command?: string): string | undefined {
  const code = (e as { code?: string }).code;
  const message = (e as Error).message ?? '';
  const c = command ? findCommand(command) : undefined;
  const hint = c ? `运行 juesuan ${c.name} --help 查看可用选项。` : '运行 juesuan --help 查看用法。';
  const name = optionIn(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = c
      ? longFlags(c)
          .map((f) => ({ f, d: distance(f, name) }))
          .filter((x) => x.d <= 2)
          .sort((a, b) => a.d - b.d)[0]?.f
      : undefined;
    return `未知选项「${name}」${c ? `（${c.name} 命令没有这个选项）` : ''}。${near ? `是否想用 ${near}？` : ''}${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `选项 ${name} 不带值，请去掉等号后的内容。${hint}`;
    if (/argument missing/.test(message)) return `选项 ${name} 需要一个值，例如 ${name} <值>。${hint}`;
    if (/ambiguous/.test(message)) return `选项 ${name} 后面应是它的值，而不是另一个选项。${hint}`;
    return `选项 ${name} 的值不对。${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数「${name}」。${hint}`;
  return undefined;
}

/** Red on a colour terminal (kept here: main shares no module with the commands, see style.ts). */
const red = (io: Io, s: string) => (io.color?.err ? `\x1b[31m${s}\x1b[0m` : s);

export async function reportError(e: unknown, io: Io, command?: string): Promise<number> {
  const argText = argumentMessage(e, command);
  if (argText !== undefined) {
    io.err(`${red(io, '参数错误：')}${argText}`);
    return EXIT.BadInput;
  }
  // Core is loaded here only for the error types (a failing command has loaded it already).
  const { formatProblem, JuesuanError } = await import('@juesuan/core');
  const { userError } = await import('./io.ts');
  const { problemWithHint } = await import('./hints.ts');
  const u = userError(e);
  if (u instanceof JuesuanError) {
    io.err(`${red(io, '错误：')}${u.message}`);
    for (const p of u.problems) io.err(`  ${formatProblem(problemWithHint(p))}`);
    return EXIT.BadInput;
  }
  io.err(`内部错误（请报告）：${(e as Error).message ?? String(e)}`);
  if (process.env['JUESUAN_DEBUG']) io.err((e as Error).stack ?? '');
  return EXIT.BadInput;
}

export { parseArgs };
