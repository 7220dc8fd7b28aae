/** Collecting the documents to audit from files and directories. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ErrorCode, JuesuanError } from '@juesuan/core/audit';

export const AUDIT_EXTENSIONS = new Set(['.pdf', '.docx', '.txt', '.text']);

/** Files given, and the documents inside directories (recursively), sorted; missing paths are an error. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 20) return;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p, depth + 1);
      else if (AUDIT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new JuesuanError(ErrorCode.NotFound, `找不到文件或目录 ${p}`, [
        { file: p, message: '路径不存在' },
      ]);
    }
    if (st.isDirectory()) walk(p, 0);
    else out.push(p);
  }
  return out;
}

/** A progress bar on one line of stderr: [██████░░░░] 12/40 30% 当前文件. */
export function progressLine(done: number, total: number, current: string, width = 24): string {
  const frac = total === 0 ? 1 : done / total;
  const filled = Math.round(frac * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${Math.round(frac * 100)}% ${current}`;
}
