/**
 * The conventions of the `juesuan` command as installed (issue 8 item 1), run on the BUILT bin as a child process:
 * every command's Chinese help (`--help`, `-h`, `help <命令>`), `--version`, Chinese argument errors, output closed
 * early, file-system errors as Chinese messages naming the path, `-` for standard input, `--quiet`, colour only on a
 * terminal, `--jobs` defaulting to the cores; and 数据不足 counted in the summaries of validate and build.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/help.ts';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'packages/cli/bin/juesuan.js');
const example = join(root, 'examples/changji-2022.yaml');
const corpus = join(root, 'packages/core/test/corpus');
const tmp = mkdtempSync(join(tmpdir(), 'juesuan-conv-'));

/** The environment of an installed `juesuan`: no source condition, no tsx, no colour preference. */
function installedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_OPTIONS'];
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  return { ...env, ...extra };
}

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(
  args: string[],
  opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: installedEnv(opts.env),
    input: opts.input,
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile() && s.mtimeMs > t) t = s.mtimeMs;
  }
  return t;
}

beforeAll(() => {
  const stale = ['core', 'cli'].some((p) => {
    const dist = join(root, 'packages', p, 'dist');
    return !existsSync(dist) || newest(join(root, 'packages', p, 'src')) > newest(dist);
  });
  if (stale) {
    const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--js-only'], {
      cwd: root,
      encoding: 'utf8',
      env: installedEnv(),
    });
    expect(b.status, b.stderr).toBe(0);
  }
}, 120_000);

/** No English error text, raw error code, stack frame or "internal error" reaches the user. */
function expectCleanChinese(r: Run) {
  expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/\bE[A-Z]{4,}\b|内部错误|Error:|\n\s+at \S|Unknown option|Unexpected argument/);
}

/** The option names a command's source declares to parseArgs (`name: { type: … }`). */
function declaredOptions(command: string): string[] {
  const src = readFileSync(join(root, 'packages/cli/src/commands', `${command}.ts`), 'utf8');
  return [...src.matchAll(/(?:^|[{,])\s*'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm)].map(
    (m) => m[1]!,
  );
}

describe('help for every command', () => {
  it('juesuan --help lists every command, with the way to each command’s help', () => {
    const r = run(['--help']);
    expect(r.code, r.err).toBe(0);
    for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`^  ${c.name}\\s+\\S`, 'm'));
    expect(r.out).toContain('juesuan help <命令>');
  });

  for (const c of COMMANDS) {
    it(`${c.name} --help, -h and help ${c.name}: usage, every option it parses and an example, exit 0`, () => {
      const forms = [
        [c.name, '--help'],
        [c.name, '-h'],
        ['help', c.name],
      ];
      const outs = forms.map((args) => {
        const r = run(args);
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
        expect(r.err).toBe('');
        return r.out;
      });
      expect(outs[1]).toBe(outs[0]);
      expect(outs[2]).toBe(outs[0]);
      const help = outs[0]!;
      expect(help).toContain(`juesuan ${c.name} — `);
      expect(help).toContain('用法：');
      expect(help).toMatch(/示例：\n {2}juesuan /);
      const options = declaredOptions(c.name);
      expect(options.length).toBeGreaterThan(0);
      for (const o of options) expect(help, `${c.name} 的帮助缺少 --${o}`).toContain(`--${o}`);
    });
  }

  it('the options the issue names are in build and audit’s help', () => {
    const build = run(['build', '--help']).out;
    for (const o of ['--final', '--strict', '--check', '--profile', '--format', '--out', '--force'])
      expect(build).toContain(o);
    const audit = run(['help', 'audit']).out;
    for (const o of ['--jobs', '--format', '--out']) expect(audit).toContain(o);
    expect(audit).toContain('默认为处理器核数');
    expect(run(['catalogue', '-h']).out).toContain('--year');
  });

  it('--help anywhere after the command wins over missing arguments', () => {
    const r = run(['build', examplePath(), '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('juesuan build — ');
  });

  it('help of an unknown command is exit 2 in Chinese', () => {
    const r = run(['help', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令「frobnicate」');
  });

  it('--version and -V print the version of the package', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const r = run([flag]);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(`juesuan ${version}`);
    }
  });
});

function examplePath() {
  return example;
}

describe('argument errors', () => {
  it('an unknown option: Chinese message naming it, a near option, the way to help, exit 2', () => {
    const r = run(['build', example, '--ot', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项「--ot」');
    expect(r.err).toContain('--out');
    expect(r.err).toContain('juesuan build --help');
    expectCleanChinese(r);
  });
  it('an option without its value, a value given to a switch, an extra argument: exit 2 in Chinese', () => {
    for (const [args, text] of [
      [['validate', example, '--format'], '选项 --format 需要一个值'],
      [['build', example, '--out', join(tmp, 'x'), '--force=yes'], '选项 --force 不带值'],
      [['rules', 'extra'], '多余的参数「extra」'],
    ] as const) {
      const r = run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(text);
      expectCleanChinese(r);
    }
  });
});

describe('output closed early', () => {
  it('rules into a reader that has gone: no stack trace, exit 0', async () => {
    // The reader closes its end before juesuan writes a byte, so every write meets EPIPE.
    const child = spawn(process.execPath, [bin, 'rules', '--format', 'json'], {
      cwd: root,
      env: installedEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
  it('juesuan rules | head -3 and | true end quietly', () => {
    for (const reader of ['head -3', 'true']) {
      const r = spawnSync(
        'sh',
        ['-c', `"${process.execPath}" "${bin}" rules 2>"${tmp}/err.txt" | ${reader}`],
        {
          cwd: root,
          encoding: 'utf8',
          env: installedEnv(),
        },
      );
      expect(r.status).toBe(0);
      expect(readFileSync(join(tmp, 'err.txt'), 'utf8'), reader).toBe('');
      if (reader === 'head -3') expect(r.stdout.split('\n').length).toBeLessThanOrEqual(4);
    }
  });
  it('standard output on a full disk: one Chinese line, exit 2', () => {
    if (!existsSync('/dev/full')) return;
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, 'rules'], {
        cwd: root,
        encoding: 'utf8',
        env: installedEnv(),
        stdio: ['ignore', fd, 'pipe'],
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('无法写出到标准输出：磁盘空间不足');
      expectCleanChinese({ code: r.status, out: '', err: r.stderr });
    } finally {
      closeSync(fd);
    }
  });
});

describe('file-system errors: a Chinese message naming the path, exit 2', () => {
  const aFile = join(tmp, 'a-file.txt');
  const catalogueCsv = join(tmp, 'function-list.csv');
  beforeAll(() => {
    writeFileSync(aFile, 'not a directory\n');
    writeFileSync(catalogueCsv, 'code,name\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n');
  });

  it('build --out an existing file', () => {
    const r = run(['build', example, '--out', aFile, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(aFile);
    expect(r.err).toContain('已有同名的文件');
    expectCleanChinese(r);
  });
  it('an output path whose parent is a file (ENOTDIR) names the file in the way', () => {
    for (const args of [
      ['build', example, '--out', join(aFile, 'out'), '--format', 'md'],
      ['export', example, '--out', join(aFile, 'x.xlsx')],
      ['catalogue', 'import', catalogueCsv, '--year', '2024', '--out', join(aFile, 'c')],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`「${aFile}」是文件，不是目录`);
      expectCleanChinese(r);
    }
  });
  it('an input path whose parent is a file, and a missing input', () => {
    const r = run(['validate', join(aFile, 'data.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(aFile);
    expectCleanChinese(r);
    const missing = run(['validate', join(tmp, 'no-such.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(join(tmp, 'no-such.yaml'));
    expectCleanChinese(missing);
  });
  it('a place root cannot write either (/proc): no hang, no raw error', () => {
    const r = run(['build', example, '--out', '/proc/juesuan-test-out', '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('/proc/juesuan-test-out');
    expectCleanChinese(r);
    const f = run(['export', example, '--out', '/proc/juesuan-test.xlsx']);
    expect(f.code).toBe(2);
    expect(f.err).toContain('/proc/juesuan-test.xlsx');
    expectCleanChinese(f);
  });
  it('a disk that is full (/dev/full)', () => {
    if (!existsSync('/dev/full')) return;
    const r = run(['template', '--year', '2024', '--out', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('「/dev/full」');
    expect(r.err).toContain('磁盘空间不足');
    expectCleanChinese(r);
    // /dev/full is still the device, not replaced by a file.
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
  it('a name too long', () => {
    const long = join(tmp, 'x'.repeat(300));
    for (const args of [
      ['build', example, '--out', long, '--format', 'md'],
      ['export', example, '--out', `${long}.xlsx`],
      ['validate', `${long}.yaml`],
    ]) {
      const r = run(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.err).toContain('过长');
      expect(r.err).toContain(tmp);
      expectCleanChinese(r);
    }
  });
  it('audit --out an existing file', () => {
    const r = run([
      'audit',
      join(corpus, 'guangdong-sangong-2020.txt'),
      join(corpus, 'yunnan-town-2019.txt'),
      '--out',
      aFile,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(aFile);
    expectCleanChinese(r);
  });
});

describe('- is standard input', () => {
  const yaml = readFileSync(example, 'utf8');
  it('validate - gives the same findings as the file', () => {
    const fromFile = run(['validate', example, '--format', 'json']);
    const fromStdin = run(['validate', '-', '--format', 'json'], { input: yaml });
    expect(fromStdin.code, fromStdin.err).toBe(fromFile.code);
    const a = JSON.parse(fromFile.out) as { findings: unknown[]; notRun: unknown[]; file: string };
    const b = JSON.parse(fromStdin.out) as { findings: unknown[]; notRun: unknown[]; file: string };
    expect(b.findings.length).toBe(a.findings.length);
    expect(b.notRun).toEqual(a.notRun);
    expect(b.file).toBe('标准输入');
    expect(run(['validate', '-'], { input: yaml }).out).toContain('校验 标准输入：');
  });
  it('build - writes the publication', () => {
    const out = join(tmp, 'from-stdin');
    const r = run(['build', '-', '--out', out, '--format', 'md'], { input: yaml });
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(1);
  });
  it('audit - reads a text publication', () => {
    const text = readFileSync(join(corpus, 'guangdong-sangong-2020.txt'), 'utf8');
    const fromFile = run(['audit', join(corpus, 'guangdong-sangong-2020.txt'), '--format', 'json']);
    const r = run(['audit', '-', '--format', 'json'], { input: text });
    expect(r.code, r.err).toBe(fromFile.code);
    const a = JSON.parse(fromFile.out) as { figures: unknown[]; summary: unknown };
    const b = JSON.parse(r.out) as { figures: unknown[]; summary: unknown; file: string };
    expect(b.file).toBe('标准输入');
    expect(b.figures.length).toBe(a.figures.length);
    expect(b.summary).toEqual(a.summary);
  });
  it('broken YAML on standard input names 标准输入, exit 2', () => {
    const r = run(['validate', '-'], { input: 'unit: [\n' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('标准输入');
    expectCleanChinese(r);
  });
});

describe('--quiet, colour, --jobs', () => {
  const broken = join(tmp, 'broken.yaml');
  beforeAll(() => {
    const text = readFileSync(example, 'utf8');
    const changed = text.replace(
      '        basic: 124.97\n        project: 89.77',
      '        basic: 150.97\n        project: 89.77',
    );
    expect(changed).not.toBe(text);
    writeFileSync(broken, changed);
  });

  it('build --quiet prints nothing and still writes the files', () => {
    const out = join(tmp, 'quiet');
    const r = run(['build', example, '--out', out, '--format', 'md,json', '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('');
    expect(readdirSync(out)).toHaveLength(2);
  });
  it('validate -q prints only the errors', () => {
    expect(run(['validate', example, '-q']).out).toBe('');
    const r = run(['validate', broken, '-q']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^\[错误\] /);
    const full = run(['validate', broken]);
    expect(full.out.match(/\[错误\]/g)?.length).toBe(lines.length);
  });

  const script = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!script)('colour on a terminal only, and never with --no-color or NO_COLOR', () => {
    // `script` gives the command a pseudo-terminal.
    const onTty = (args: string, env: Record<string, string> = {}) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" ${args}`, '/dev/null'], {
        cwd: root,
        encoding: 'utf8',
        env: installedEnv({ TERM: 'xterm', ...env }),
      }).stdout;
    const tty = onTty(`validate "${broken}"`);
    expect(tty).toContain('\x1b[31m[错误]\x1b[0m');
    expect(onTty(`validate "${broken}" --no-color`)).not.toContain('\x1b[');
    expect(onTty(`validate "${broken}"`, { NO_COLOR: '1' })).not.toContain('\x1b[');
    const piped = run(['validate', broken]);
    expect(piped.out).toContain('[错误]');
    expect(piped.out).not.toContain('\x1b[');
    expect(run(['validate', join(tmp, 'none.yaml')]).err).not.toContain('\x1b[');
  });

  it('audit --jobs defaults to the number of cores', () => {
    const out = join(tmp, 'audit-jobs');
    mkdirSync(out, { recursive: true });
    const r = run(
      [
        'audit',
        join(corpus, 'guangdong-sangong-2020.txt'),
        join(corpus, 'yunnan-town-2019.txt'),
        '--out',
        out,
      ],
      {},
    );
    expect(r.err).not.toMatch(/内部错误|\n\s+at /);
    expect(r.out).toContain(`（${availableParallelism()} 个并行进程）`);
    const two = run([
      'audit',
      join(corpus, 'yunnan-town-2019.txt'),
      join(corpus, 'guangdong-sangong-2020.txt'),
      '--out',
      out,
      '--jobs',
      '1',
    ]);
    expect(two.out).toContain('（1 个并行进程）');
  });
});

describe('数据不足 in the summaries', () => {
  interface NotRunJson {
    rule: string;
    reason: string;
    detail: string;
  }
  const notRun = () =>
    (
      JSON.parse(run(['validate', example, '--format', 'json']).out) as { notRun: NotRunJson[] }
    ).notRun.filter((n) => n.reason === 'insufficient-data');

  /** The 数据不足 block of a summary: its count and the rules its lines name. */
  function block(text: string): { count: number; rules: Set<string>; lines: string[] } {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => /^数据不足：\d+ 条规则未能检查/.test(l));
    expect(i, text).toBeGreaterThanOrEqual(0);
    const count = Number(/^数据不足：(\d+)/.exec(lines[i]!)![1]);
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('    '); j++) body.push(lines[j]!);
    const rules = new Set(
      body.flatMap((l) => [...l.matchAll(/[（、]([a-z0-9]+(?:-[a-z0-9]+)+)(?=[、）])/g)].map((m) => m[1]!)),
    );
    return { count, rules, lines: body };
  }

  it('validate counts the rules that could not run and says what to supply, every rule named', () => {
    const insufficient = notRun();
    expect(insufficient.length).toBeGreaterThan(0);
    const b = block(run(['validate', example]).out);
    expect(b.count).toBe(insufficient.length);
    // The summary lists at most ten lacks; together with "… 另有" every rule is accounted for.
    const named = b.rules;
    if (!b.lines.some((l) => l.includes('另有')))
      expect([...named].sort()).toEqual(insufficient.map((n) => n.rule).sort());
    expect(b.lines.join('\n')).toContain('表一「年末结转和结余」行未给出上年决算数（carryover-continuity）');
  });

  it('build prints the same count and lacks; build --check lists them all', () => {
    const insufficient = notRun();
    const out = join(tmp, 'build-notrun');
    const r = run(['build', example, '--out', out, '--format', 'md']);
    expect(r.code, r.err).toBe(0);
    const b = block(r.out);
    expect(b.count).toBe(insufficient.length);
    const check = run(['build', example, '--check']);
    const c = block(check.out);
    expect(c.count).toBe(insufficient.length);
    expect([...c.rules].sort()).toEqual(insufficient.map((n) => n.rule).sort());
    // --check lists every item of a "缺少 …" list, the summary shortens long lists.
    expect(check.out).toContain('表六「30113 住房公积金」行');
  });

  it('no 数据不足 line when every rule could run', () => {
    const full = join(root, 'examples/qingsui-2024.yaml');
    const json = JSON.parse(run(['validate', full, '--format', 'json']).out) as { notRun: NotRunJson[] };
    const n = json.notRun.filter((x) => x.reason === 'insufficient-data').length;
    const text = run(['validate', full]).out;
    if (n === 0) expect(text).not.toMatch(/^数据不足：/m);
    else expect(block(text).count).toBe(n);
  });
});
