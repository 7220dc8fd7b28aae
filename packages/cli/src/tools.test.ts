import { afterEach, describe, expect, it, vi } from 'vitest';
import { JuesuanError } from '@juesuan/core';
import { convertWithLibreOffice } from './pdf.ts';
import { hasTool, missingToolMessage, requireTool, toolsMissing } from './tools.ts';

const NO_SUCH = 'juesuan-no-such-tool-0d5e';

describe('tools', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('finds programs on the PATH and not others', () => {
    expect(hasTool('sh')).toBe(true);
    expect(hasTool(NO_SUCH)).toBe(false);
    expect(hasTool('sh; touch /tmp/juesuan-injected')).toBe(false);
  });

  it('a missing tool is an E_MISSING_TOOL error saying how to install it', () => {
    expect(() => requireTool(NO_SUCH)).toThrow(JuesuanError);
    try {
      requireTool(NO_SUCH, '生成 PDF');
    } catch (e) {
      expect((e as JuesuanError).code).toBe('E_MISSING_TOOL');
      expect((e as JuesuanError).message).toContain(`未找到程序 ${NO_SUCH}（生成 PDF需要它）`);
    }
    expect(missingToolMessage('soffice')).toContain(
      'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk',
    );
  });

  it('the PDF converter refuses clearly when LibreOffice is missing', async () => {
    const err = await convertWithLibreOffice(new Uint8Array([1, 2, 3]), 'docx', 'pdf', {
      command: NO_SUCH,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JuesuanError);
    expect((err as JuesuanError).code).toBe('E_MISSING_TOOL');
    expect((err as JuesuanError).message).toContain(
      'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk',
    );
  });

  it('tests skip with a printed reason, or fail when JUESUAN_FULL_TEST=1', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('JUESUAN_FULL_TEST', '');
    expect(toolsMissing(['sh'])).toBeUndefined();
    expect(toolsMissing([NO_SUCH])).toContain(`缺少 ${NO_SUCH}`);
    expect(warn).toHaveBeenCalledOnce();
    vi.stubEnv('JUESUAN_FULL_TEST', '1');
    expect(() => toolsMissing([NO_SUCH])).toThrow('JUESUAN_FULL_TEST=1');
    warn.mockRestore();
  });
});
