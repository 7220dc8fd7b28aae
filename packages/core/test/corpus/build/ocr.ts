/**
 * What OCR of a scanned publication gives: spaces scattered between characters, full-width and
 * half-width punctuation mixed, page numbers and a running header on each page. Digits are left as
 * they are (a misread digit would change the figure the key states).
 */
import { prng } from '../../../src/testing/generate-unit.ts';

export function ocrNoise(text: string, seed: number, header: string): string {
  const rnd = prng(seed);
  const pages = text.split('\f');
  return pages
    .map((page, pi) => {
      const lines = page.split('\n').map((line) => {
        if (!/[\u4e00-\u9fff]/.test(line)) return line;
        let out = '';
        const chars = [...line];
        chars.forEach((ch, i) => {
          out += ch === '，' && rnd() < 0.3 ? ',' : ch === '：' && rnd() < 0.4 ? ':' : ch;
          const next = chars[i + 1] ?? '';
          if (/[\u4e00-\u9fff]/.test(ch) && /[\u4e00-\u9fff]/.test(next) && rnd() < 0.06) out += ' ';
        });
        return out;
      });
      return [header, ...lines, `- ${pi + 1} -`].join('\n');
    })
    .join('\f');
}
