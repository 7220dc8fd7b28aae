/**
 * Regenerates docs/sample-docx-page.png: the changji-2022 example built with the xinjiang-2022 profile, written as
 * DOCX, converted to PDF by LibreOffice and its first page rendered by pdftoppm. Not part of `npm test`.
 *
 *   npx tsx scripts/render-sample-pages.ts [page]      (needs soffice, pdftoppm and fonts-noto-cjk)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, builtinProfile, loadDisclosure, writeDocx } from '@juesuan/core';
import { convertWithLibreOffice } from '../packages/cli/src/pdf.ts';
import { requireTool } from '../packages/cli/src/tools.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs/sample-docx-page.png');
const MAX_BYTES = 300 * 1024;

async function main(): Promise<void> {
  const page = Number(process.argv[2] ?? '1');
  requireTool('pdftoppm', '渲染页面');
  const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
  const doc = buildReport(d, builtinProfile('xinjiang-2022'));
  const pdf = await convertWithLibreOffice(await writeDocx(doc), 'docx');
  const tmp = mkdtempSync(join(tmpdir(), 'juesuan-render-'));
  try {
    writeFileSync(join(tmp, 'report.pdf'), pdf);
    // The sharpest rendering that stays under the size limit.
    for (const dpi of [90, 75, 60]) {
      const base = join(tmp, `page-${dpi}`);
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-png',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        join(tmp, 'report.pdf'),
        base,
      ]);
      const size = statSync(`${base}.png`).size;
      if (size <= MAX_BYTES) {
        writeFileSync(out, readFileSync(`${base}.png`));
        console.log(`已写出 ${out}（第 ${page} 页，${dpi} dpi，${Math.round(size / 1024)} KB）`);
        return;
      }
    }
    throw new Error(`第 ${page} 页的 PNG 超过 ${MAX_BYTES / 1024} KB`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
