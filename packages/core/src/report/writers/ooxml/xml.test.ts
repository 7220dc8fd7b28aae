import { describe, expect, it } from 'vitest';
import { attrs, escapeXml } from './xml.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials and leaves other text alone', () => {
    expect(escapeXml('其他收入 <含利息> & "捐赠" \'x\'')).toBe(
      '其他收入 &lt;含利息&gt; &amp; &quot;捐赠&quot; &apos;x&apos;',
    );
    const plain = '1,234.56';
    expect(escapeXml(plain)).toBe(plain);
    expect(escapeXml('')).toBe('');
  });

  it('drops control characters XML 1.0 cannot hold, keeps tab, newline and carriage return', () => {
    expect(escapeXml('a\u0000b\u0007c\u000bd\u001fe\uffff')).toBe('abcde');
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('keeps characters outside the BMP', () => {
    expect(escapeXml('𠀀 & 𪚥')).toBe('𠀀 &amp; 𪚥');
  });
});

describe('attrs', () => {
  it('write attributes in order, escaped, leaving undefined out', () => {
    expect(attrs({ 'w:val': 'a"b', 'w:w': 120, 'w:x': undefined, on: true })).toBe(
      ' w:val="a&quot;b" w:w="120" on="true"',
    );
  });
});
