/**
 * Sample outputs for the README (docs/samples/): each is produced by running a real `juesuan` command
 * in-process and capturing what it prints or writes. The README quotes them in blocks marked
 * `<!-- sample NAME [lines=A-B,C-D] -->`, which this script rewrites too. A test
 * (scripts/gen-samples.test.ts) regenerates everything in memory and fails when a committed sample or a
 * README block differs. Run from the repository root: npm run gen:samples
 *
 * `npm run gen:samples -- --png` also renders the page of the complete example's PDF that holds 表一
 * (qingsui-2024/table-page.png; needs LibreOffice and poppler). The PNG depends on the machine's fonts, so the
 * test does not compare it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { main } from '../packages/cli/src/main.ts';

export const root = join(import.meta.dirname, '..');
export const samplesDir = join(root, 'docs/samples');
export const readmePath = join(root, 'README.md');

/**
 * Runs `juesuan …` in-process: the command line as typed and what it prints on stdout (progress on stderr
 * is left out), and the files it wrote to `outDir`. Temporary paths print as the user's own (OUT, catalogues).
 */
async function run(
  args: string[],
  tmp: string,
  outDir?: string,
): Promise<{ text: string; files: Map<string, string> }> {
  if (outDir) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir);
  }
  const lines: string[] = [];
  const code = await main(args, { out: (s) => lines.push(s), err: () => {} });
  if (code !== 0) throw new Error(`juesuan ${args.join(' ')} 退出码 ${code}：\n${lines.join('\n')}`);
  const files = new Map<string, string>();
  if (outDir) for (const f of readdirSync(outDir).sort()) files.set(f, readFileSync(join(outDir, f), 'utf8'));
  const user = (s: string) =>
    s.replaceAll(join(tmp, 'OUT'), 'OUT').replaceAll(join(tmp, 'catalogues'), 'catalogues');
  return { text: `$ npx juesuan ${user(args.join(' '))}\n${user(lines.join('\n'))}\n`, files };
}

/** Every sample, by its path under docs/samples/. */
export async function renderSamples(): Promise<Map<string, string>> {
  // Data-file paths print as given: run from the root so they read "examples/…" as in the README.
  if (process.cwd() !== root) throw new Error(`请在仓库根目录运行（当前目录 ${process.cwd()}）`);
  const samples = new Map<string, string>();
  const tmp = mkdtempSync(join(tmpdir(), 'juesuan-samples-'));
  try {
    const out = join(tmp, 'OUT');
    const q = 'examples/qingsui-2024.yaml';
    samples.set('qingsui-2024/validate.txt', (await run(['validate', q], tmp)).text);
    // PDF, DOCX and XLSX sizes depend on the machine's fonts and zip timestamps: the sample builds the text formats.
    const qb = await run(['build', q, '--out', out, '--format', 'md,html,json,csv'], tmp, out);
    samples.set('qingsui-2024/build.txt', qb.text);
    // The publication under a plain name (its real name, the unit's + 部门决算公开说明, is in build.txt).
    for (const [f, content] of qb.files)
      if (/\.(md|html)$/.test(f))
        samples.set(`qingsui-2024/publication${f.slice(f.lastIndexOf('.'))}`, content);

    const c = 'examples/changji-2022.yaml';
    samples.set('changji-2022/validate.txt', (await run(['validate', c], tmp)).text);
    const cb = await run(
      ['build', c, '--profile', 'xinjiang-2022', '--out', out, '--format', 'md'],
      tmp,
      out,
    );
    samples.set('changji-2022/build.txt', cb.text);
    for (const [f, content] of cb.files)
      samples.set(`changji-2022/publication${f.slice(f.lastIndexOf('.'))}`, content);

    // Audit of a real publication (a fixture outside the repository, as the audit tests use it).
    samples.set(
      'putuo-2024/audit.txt',
      (await run(['audit', '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf'], tmp)).text,
    );
    samples.set(
      'catalogue-list.txt',
      (await run(['catalogue', 'list', '--dir', join(tmp, 'catalogues')], tmp)).text,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return samples;
}

// A marker line, a blank line (as prettier keeps it), then a fenced block whose lines are the sample's.
const MARK = /<!-- sample (\S+)(?: lines=([\d,-]+))? -->\n\n?```(\w*)\n(?:.*\n)*?```(?=\n|$)/g;

/** The excerpt of a sample a README block shows: whole, or the given 1-based line ranges joined by "…". */
export function excerpt(text: string, ranges: string | undefined): string {
  const lines = text.replace(/\n$/, '').split('\n');
  if (!ranges) return lines.join('\n');
  const parts = ranges.split(',').map((r) => {
    const [a, b] = r.split('-').map(Number) as [number, number | undefined];
    return lines.slice(a - 1, b ?? a).join('\n');
  });
  const last = Number(ranges.split(',').at(-1)!.split('-').at(-1));
  return parts.join('\n…\n') + (last < lines.length ? '\n…' : '');
}

/** README with every marked block replaced by its sample's current text. */
export function renderReadme(readme: string, samples: ReadonlyMap<string, string>): string {
  return readme.replace(MARK, (_m, name: string, ranges: string | undefined, lang: string) => {
    const text = samples.get(name);
    if (text === undefined) throw new Error(`README 引用的样例 ${name} 不存在`);
    return `<!-- sample ${name}${ranges ? ` lines=${ranges}` : ''} -->\n\n\`\`\`${lang}\n${excerpt(text, ranges)}\n\`\`\``;
  });
}

/** Sample names the README quotes. */
export function readmeSamples(readme: string): string[] {
  return [...readme.matchAll(MARK)].map((m) => m[1]!);
}

/** The files now under docs/samples/, by relative path. */
export function committedSamples(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // Text samples only: the PNG is rendered on demand (--png) and depends on the machine's fonts.
      else if (!e.name.endsWith('.png')) out.set(relative(samplesDir, p), readFileSync(p, 'utf8'));
    }
  };
  try {
    walk(samplesDir);
  } catch {
    /* no samples yet */
  }
  return out;
}

/** PNG of the PDF page that prints 表一 of the complete example (the real build command, then pdftoppm). */
async function renderTablePage(): Promise<Buffer> {
  const tmp = mkdtempSync(join(tmpdir(), 'juesuan-samples-png-'));
  try {
    const out = join(tmp, 'OUT');
    const { files } = await run(
      ['build', 'examples/qingsui-2024.yaml', '--out', out, '--format', 'pdf'],
      tmp,
      out,
    );
    const pdf = join(out, [...files.keys()][0]!);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
        encoding: 'utf8',
      });
      // The table's own page, not the list of tables that names it in 《》.
      if (!text.includes('收入支出决算总表') || text.includes('《收入支出决算总表》')) continue;
      const base = join(tmp, 'page');
      execFileSync('pdftoppm', [
        '-r',
        '60',
        '-png',
        '-f',
        String(p),
        '-l',
        String(p),
        '-singlefile',
        pdf,
        base,
      ]);
      return readFileSync(`${base}.png`);
    }
    throw new Error('PDF 中没有找到表一所在的页');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('gen-samples.ts')) {
  const samples = await renderSamples();
  for (const old of committedSamples().keys()) if (!samples.has(old)) rmSync(join(samplesDir, old));
  for (const [name, text] of samples) {
    mkdirSync(dirname(join(samplesDir, name)), { recursive: true });
    writeFileSync(join(samplesDir, name), text);
  }
  writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8'), samples));
  console.log(`已生成 ${samples.size} 个样例（docs/samples/）并更新 README.md 中的样例段落`);
  if (process.argv.includes('--png')) {
    writeFileSync(join(samplesDir, 'qingsui-2024/table-page.png'), await renderTablePage());
    console.log('已生成 docs/samples/qingsui-2024/table-page.png');
  }
}
