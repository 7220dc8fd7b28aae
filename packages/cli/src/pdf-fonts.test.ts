/** Font substitutes for the PDF (pdf.ts): which installed font stands in for each official one, and the fontconfig file. */
import { describe, expect, it } from 'vitest';
import { fontChoices, fontconfigFile, fontSubstitutesText } from './pdf.ts';

const debian = new Set([
  'Noto Serif CJK SC',
  'Noto Serif CJK JP',
  'Noto Sans CJK SC',
  'AR PL KaitiM GB',
  '文鼎ＰＬ简中楷',
  'AR PL UKai CN',
  'WenQuanYi Zen Hei',
  'Liberation Serif',
]);

describe('PDF font substitutes', () => {
  it('chooses simplified-Chinese faces, a real 楷体 for 楷体, a bold serif for 小标宋', () => {
    const byName = new Map(fontChoices(debian).map((c) => [c.official, c]));
    expect(byName.get('方正小标宋简体')).toEqual({
      official: '方正小标宋简体',
      installed: false,
      substitute: 'Noto Serif CJK SC',
      bold: true,
    });
    expect(byName.get('黑体')?.substitute).toBe('Noto Sans CJK SC');
    expect(byName.get('楷体_GB2312')?.substitute).toBe('AR PL KaitiM GB');
    expect(byName.get('仿宋_GB2312')?.substitute).toBe('Noto Serif CJK SC');
    expect(byName.get('Times New Roman')?.substitute).toBe('Liberation Serif');
    // Without the GB 楷体, the UKai one; without any Noto Sans, WenQuanYi.
    const fewer = new Set(['Noto Serif CJK SC', 'AR PL UKai CN', 'WenQuanYi Zen Hei']);
    const f = new Map(fontChoices(fewer).map((c) => [c.official, c.substitute]));
    expect(f.get('楷体_GB2312')).toBe('AR PL UKai CN');
    expect(f.get('黑体')).toBe('WenQuanYi Zen Hei');
  });

  it('leaves an installed official font alone, and says so', () => {
    const withOfficial = new Set([...debian, '方正小标宋简体', '仿宋', '楷体', '黑体', 'SimSun']);
    const choices = fontChoices(withOfficial);
    expect(choices.filter((c) => c.official !== 'Times New Roman').every((c) => c.installed)).toBe(true);
    expect(fontSubstitutesText(choices)).toBeUndefined();
    const conf = fontconfigFile(choices);
    expect(conf).not.toContain('<string>方正小标宋简体</string>');
    expect(conf).toContain('<include ignore_missing="yes">');
  });

  it('writes a fontconfig rule per name of each missing font, and names the substitutes for the summary', () => {
    const choices = fontChoices(debian);
    const conf = fontconfigFile(choices);
    expect(conf).toMatch(
      /<match target="pattern"><test name="family" compare="eq"><string>仿宋_GB2312<\/string><\/test><edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC<\/string><\/edit><\/match>/,
    );
    expect(conf).toMatch(/<string>方正小标宋简体<\/string>.*<const>bold<\/const>/);
    expect(conf).toContain(
      '<string>KaiTi</string></test><edit name="family" mode="assign" binding="strong"><string>AR PL KaitiM GB</string>',
    );
    expect(fontSubstitutesText(choices)).toBe(
      '方正小标宋简体 → Noto Serif CJK SC（粗体）、黑体 → Noto Sans CJK SC、楷体_GB2312 → AR PL KaitiM GB、仿宋_GB2312 → Noto Serif CJK SC、宋体 → Noto Serif CJK SC',
    );
  });

  it('without fc-list, offers the preferred fonts after the official name', () => {
    const conf = fontconfigFile(fontChoices(null));
    expect(conf).toContain(
      '<alias binding="same"><family>楷体_GB2312</family><accept><family>AR PL KaitiM GB</family>',
    );
  });
});
