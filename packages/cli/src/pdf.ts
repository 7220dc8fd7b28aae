/**
 * PDF through LibreOffice: the DOCX (or XLSX) the core writers produce, converted by `soffice --headless`. LibreOffice
 * embeds the fonts it lays out with and writes a ToUnicode map, so `pdftotext` gives back the same characters (headless
 * Chromium maps some of them to Kangxi radicals, issue 3).
 */
import { spawn, spawnSync } from 'node:child_process';
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
 * The fonts GB/T 9704 names (the DOCX asks for them, docx-parts.ts) and, where a machine lacks them (as most Linux
 * servers do), the installed fonts LibreOffice should use instead, best first: all with simplified-Chinese glyph forms
 * (fontconfig would otherwise fall back to whatever CJK face sorts first, often a Japanese one). 楷体 gets a real Kai
 * face so that 楷体 headings stand apart from the 仿宋 body; 小标宋 — a heavy Song display face — the bold serif.
 * Debian packages: fonts-noto-cjk, fonts-arphic-gkai00mp (AR PL KaitiM GB), fonts-arphic-ukai, fonts-wqy-zenhei.
 */
export const FONT_SUBSTITUTES: readonly {
  official: string;
  /** Other names documents use for the same font. */
  also: readonly string[];
  /** Installed fonts to use instead, best first, with the weight to ask for. */
  prefer: readonly { family: string; bold?: boolean }[];
}[] = [
  {
    official: '方正小标宋简体',
    also: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋'],
    prefer: [
      { family: 'Noto Serif CJK SC', bold: true },
      { family: 'Source Han Serif SC', bold: true },
      { family: 'AR PL UMing CN' },
    ],
  },
  {
    official: '黑体',
    also: ['SimHei'],
    prefer: [
      { family: 'Noto Sans CJK SC' },
      { family: 'Source Han Sans SC' },
      { family: 'WenQuanYi Zen Hei' },
    ],
  },
  {
    official: '楷体_GB2312',
    also: ['楷体', 'KaiTi', 'KaiTi_GB2312'],
    prefer: [{ family: 'AR PL KaitiM GB' }, { family: 'AR PL UKai CN' }, { family: 'Noto Serif CJK SC' }],
  },
  {
    official: '仿宋_GB2312',
    also: ['仿宋', 'FangSong', 'FangSong_GB2312'],
    prefer: [
      { family: 'Noto Serif CJK SC' },
      { family: 'Source Han Serif SC' },
      { family: 'AR PL UMing CN' },
    ],
  },
  {
    official: '宋体',
    also: ['SimSun'],
    prefer: [
      { family: 'Noto Serif CJK SC' },
      { family: 'Source Han Serif SC' },
      { family: 'AR PL UMing CN' },
    ],
  },
  {
    official: 'Times New Roman',
    also: [],
    // Liberation Serif has Times New Roman's metrics; the CJK serif's Latin letters come next.
    prefer: [{ family: 'Liberation Serif' }, { family: 'Noto Serif CJK SC' }, { family: 'DejaVu Serif' }],
  },
];

/** What LibreOffice draws an official font with on this machine. */
export interface FontChoice {
  official: string;
  /** The official font (or one of its other names) is installed: no substitute. */
  installed: boolean;
  /** The substitute, when not installed and one of the preferred fonts is ("Noto Serif CJK SC"). */
  substitute?: string;
  bold?: boolean;
}

let systemFamilies: Set<string> | undefined;

/** Font family names fontconfig knows (every localised name of each family), or undefined without fc-list. */
export function installedFamilies(): Set<string> | undefined {
  if (systemFamilies !== undefined) return systemFamilies;
  const r = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  if (r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  systemFamilies = new Set(
    r.stdout
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((f) => f.trim())
      .filter((f) => f !== ''),
  );
  return systemFamilies;
}

/** The font LibreOffice will use for each official font, given the installed families. */
export function fontChoices(
  // null: which families are installed is not known (no fc-list).
  families: ReadonlySet<string> | null = installedFamilies() ?? null,
): FontChoice[] {
  return FONT_SUBSTITUTES.map((f) => {
    if (families === null) return { official: f.official, installed: false };
    if ([f.official, ...f.also].some((n) => families.has(n)))
      return { official: f.official, installed: true };
    const pick = f.prefer.find((p) => families.has(p.family));
    return pick === undefined
      ? { official: f.official, installed: false }
      : {
          official: f.official,
          installed: false,
          substitute: pick.family,
          ...(pick.bold ? { bold: true } : {}),
        };
  });
}

/**
 * The substitutes in words, for the build summary: "方正小标宋简体 → Noto Serif CJK SC（粗体）、黑体 → …"; undefined
 * when every official font is installed.
 */
export function fontSubstitutesText(choices: readonly FontChoice[] = fontChoices()): string | undefined {
  const cjk = choices.filter((c) => c.official !== 'Times New Roman' && !c.installed);
  if (cjk.length === 0) return undefined;
  return cjk
    .map((c) =>
      c.substitute === undefined
        ? `${c.official} → 系统默认字体（未找到合适的替代字体）`
        : `${c.official} → ${c.substitute}${c.bold ? '（粗体）' : ''}`,
    )
    .join('、');
}

const IMPORT_FILTER = { docx: 'MS Word 2007 XML', xlsx: 'Calc MS Excel 2007 XML' } as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A fontconfig file that keeps the system configuration and maps each official font this machine lacks to its
 * substitute (fontChoices): a rule on the requested family, so an installed official font is never replaced.
 * Without fc-list the preferred fonts are offered as fallbacks after the official name.
 */
export function fontconfigFile(choices: readonly FontChoice[] = fontChoices()): string {
  const base = process.env['FONTCONFIG_FILE'] ?? '/etc/fonts/fonts.conf';
  const rules = FONT_SUBSTITUTES.flatMap((f, i) => {
    const c = choices[i];
    if (c === undefined || c.installed) return [];
    return [f.official, ...f.also].map((name) => {
      const test = `<test name="family" compare="eq"><string>${escapeXml(name)}</string></test>`;
      if (c.substitute === undefined)
        return (
          `  <alias binding="same"><family>${escapeXml(name)}</family><accept>` +
          f.prefer.map((p) => `<family>${escapeXml(p.family)}</family>`).join('') +
          '</accept></alias>'
        );
      return (
        `  <match target="pattern">${test}` +
        `<edit name="family" mode="assign" binding="strong"><string>${escapeXml(c.substitute)}</string></edit>` +
        (c.bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') +
        '</match>'
      );
    });
  });
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(base)}</include>`,
    ...rules,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Runs a tool in its own process group, collecting its output; on timeout the whole group is killed. */
export function runTool(
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
    const r = await runTool(command, args, env, timeoutMs);
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
