/**
 * PDF through LibreOffice: the DOCX (or XLSX) the core writers produce, converted by `soffice --headless`. LibreOffice
 * embeds the fonts it lays out with and writes a ToUnicode map, so `pdftotext` gives back the same characters (headless
 * Chromium maps some of them to Kangxi radicals, issue 3).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCode, JuesuanError } from '@juesuan/core';
import { hasTool, INSTALL_HINT, missingToolMessage } from './tools.ts';

export interface ConvertOptions {
  /** Give up after this many milliseconds (default 180 s; the first run creates a LibreOffice profile). */
  timeoutMs?: number;
  /** The LibreOffice program (default `soffice`; e.g. `libreoffice` or a full path). */
  command?: string;
}

/**
 * Where the official fonts of GB/T 9704 are missing (as on most Linux servers), the fontconfig aliases LibreOffice
 * sees: 仿宋/楷体/宋体/小标宋 → a serif CJK font, 黑体 → a sans one, Times New Roman → a serif one. Each list ends with
 * fonts-noto-cjk, the package the install hint names; fonts a user has installed come first.
 */
const FONT_ALIASES: readonly [string[], string[]][] = [
  [
    ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312'],
    ['FangSong', '仿宋', 'AR PL UMing CN', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  ],
  [
    ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312'],
    ['KaiTi', '楷体', 'AR PL UKai CN', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  ],
  [
    ['方正小标宋简体', '方正小标宋_GBK', '宋体', 'SimSun', '华文中宋'],
    ['SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN'],
  ],
  [
    ['黑体', 'SimHei'],
    ['SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei'],
  ],
  [['Times New Roman'], ['Times New Roman', 'Liberation Serif', 'Noto Serif CJK SC', 'DejaVu Serif']],
];

const IMPORT_FILTER = { docx: 'MS Word 2007 XML', xlsx: 'Calc MS Excel 2007 XML' } as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fontconfig file that keeps the system configuration and adds FONT_ALIASES. */
export function fontconfigFile(): string {
  const base = process.env['FONTCONFIG_FILE'] ?? '/etc/fonts/fonts.conf';
  const aliases = FONT_ALIASES.flatMap(([names, prefer]) =>
    names.map(
      (name) =>
        `  <alias binding="same"><family>${escapeXml(name)}</family><prefer>` +
        prefer
          .filter((p) => p !== name)
          .map((p) => `<family>${escapeXml(p)}</family>`)
          .join('') +
        '</prefer></alias>',
    ),
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(base)}</include>`,
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Own process group: soffice starts soffice.bin as a child, and a timeout must end both.
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/**
 * Converts a DOCX or XLSX to PDF with LibreOffice, in a temporary directory with its own LibreOffice profile (so that
 * conversions can run in parallel) and its own font aliases. Throws E_MISSING_TOOL with the install command when
 * LibreOffice is missing, E_TOOL_FAILED when it fails or times out; never returns a broken file.
 */
export async function convertWithLibreOffice(
  bytes: Uint8Array,
  fromExt: 'docx' | 'xlsx',
  to: 'pdf' = 'pdf',
  options: ConvertOptions = {},
): Promise<Uint8Array> {
  const command = options.command ?? 'soffice';
  if (!hasTool(command)) {
    throw new JuesuanError(
      ErrorCode.MissingTool,
      missingToolMessage(command, '生成 PDF', INSTALL_HINT['soffice']),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-lo-'));
  try {
    const input = join(dir, `report.${fromExt}`);
    const output = join(dir, `report.${to}`);
    writeFileSync(input, bytes);
    const fontsConf = join(dir, 'fonts.conf');
    writeFileSync(fontsConf, fontconfigFile());
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      // The import filter is named so that bytes that are not a DOCX/XLSX fail instead of printing as plain text.
      `--infilter=${IMPORT_FILTER[fromExt]}`,
      '--convert-to',
      to,
      '--outdir',
      dir,
      input,
    ];
    const env = { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: dir };
    const timeoutMs = options.timeoutMs ?? 180_000;
    const r = await run(command, args, env, timeoutMs);
    if (r.timedOut) {
      throw new JuesuanError(
        ErrorCode.ToolFailed,
        `LibreOffice 转换 ${fromExt.toUpperCase()} 为 PDF 超时（${Math.round(timeoutMs / 1000)} 秒），未生成 PDF。`,
      );
    }
    const pdf = existsSync(output) ? readFileSync(output) : undefined;
    if (
      r.code !== 0 ||
      pdf === undefined ||
      pdf.length < 100 ||
      pdf.subarray(0, 5).toString('latin1') !== '%PDF-'
    ) {
      const detail = r.output
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.includes('javaldx'))
        .slice(-5)
        .join(' ');
      throw new JuesuanError(
        ErrorCode.ToolFailed,
        `LibreOffice 未能把 ${fromExt.toUpperCase()} 转换为 PDF（退出码 ${String(r.code)}），未生成 PDF。${detail ? `输出：${detail}` : ''}`,
      );
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
