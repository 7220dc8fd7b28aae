/** PDF from the DOCX through LibreOffice (`soffice --headless`), when it is installed. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function sofficePath(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const p = join(dir, 'soffice');
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Converts DOCX bytes to PDF; undefined when LibreOffice is absent or fails (the package goes without PDF). */
export async function docxToPdf(docx: Uint8Array, timeoutMs = 120_000): Promise<Uint8Array | undefined> {
  const soffice = sofficePath();
  if (!soffice) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-pdf-'));
  try {
    const input = join(dir, 'publication.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: timeoutMs },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    return new Uint8Array(await readFile(join(dir, 'publication.pdf')));
  } catch (e) {
    console.error('LibreOffice 转换 PDF 失败：', e);
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
