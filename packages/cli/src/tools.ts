/**
 * External programs some output formats need (LibreOffice for PDF, poppler for tests): whether they are installed,
 * and how to install them — a missing tool is a clear Chinese message, never a broken file.
 */
import { spawnSync } from 'node:child_process';
import { ErrorCode, JuesuanError } from '@juesuan/core';

/** How to install each tool on Debian/Ubuntu. */
export const INSTALL_HINT: Readonly<Record<string, string>> = {
  soffice: 'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk',
  pdftotext: 'apt-get install poppler-utils',
  pdftoppm: 'apt-get install poppler-utils',
  pdffonts: 'apt-get install poppler-utils',
  chromium: 'apt-get install chromium fonts-noto-cjk',
};

const found = new Map<string, boolean>();

/** Whether `cmd` is on the PATH (cached per process). */
export function hasTool(cmd: string): boolean {
  let ok = found.get(cmd);
  if (ok === undefined) {
    // The name is passed as $1, never spliced into the shell text.
    ok =
      spawnSync('sh', ['-c', 'command -v "$1" >/dev/null 2>&1', 'sh', cmd], { stdio: 'ignore' }).status === 0;
    found.set(cmd, ok);
  }
  return ok;
}

/** The Chinese message for a missing tool, with the install command. */
export function missingToolMessage(
  cmd: string,
  purpose?: string,
  hint: string | undefined = INSTALL_HINT[cmd],
): string {
  return (
    `未找到程序 ${cmd}${purpose ? `（${purpose}需要它）` : ''}。` +
    (hint ? `请先安装，例如 Debian/Ubuntu：sudo ${hint}` : '请先安装它并确认它在 PATH 中。')
  );
}

/** Throws E_MISSING_TOOL with the install command when `cmd` is not installed. */
export function requireTool(cmd: string, purpose?: string): void {
  if (!hasTool(cmd)) throw new JuesuanError(ErrorCode.MissingTool, missingToolMessage(cmd, purpose));
}

/**
 * For tests that need external programs: returns a reason to skip (and prints it) when some are missing, or
 * undefined when all are there. With JUESUAN_FULL_TEST=1 a missing program is a failure: it throws.
 * Use as `const skip = toolsMissing(['soffice']); it.skipIf(skip)(…)`.
 */
export function toolsMissing(cmds: readonly string[], what = '此测试'): string | undefined {
  const missing = cmds.filter((c) => !hasTool(c));
  if (missing.length === 0) return undefined;
  const reason =
    `缺少 ${missing.join('、')}，跳过${what}。` + missing.map((c) => missingToolMessage(c)).join(' ');
  if (process.env['JUESUAN_FULL_TEST'] === '1') throw new Error(`JUESUAN_FULL_TEST=1：${reason}`);
  console.warn(reason);
  return reason;
}
