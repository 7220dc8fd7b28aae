/** Sentences of the narrative preview (ui/sentences.ts): what a reviewer comments on and the editor sees the comment beside. */
import { describe, expect, it } from 'vitest';
import { quotes, sentencesOf, sentenceText } from '../ui/sentences.ts';

describe('preview sentences', () => {
  it('cuts a paragraph at the ends of its sentences, keeping placeholders and closing quotes', () => {
    const s = sentencesOf([
      { text: '本年收入合计 214.73 万元。主要原因是' },
      { text: '【待补充】', placeholder: true },
      { text: '。“三公”经费为“零”。”其他' },
    ]);
    expect(s.map(sentenceText)).toEqual([
      '本年收入合计 214.73 万元。',
      '主要原因是【待补充】。',
      '“三公”经费为“零”。”',
      '其他',
    ]);
    expect(s[1]).toEqual([{ text: '主要原因是' }, { text: '【待补充】', placeholder: true }, { text: '。' }]);
    expect(sentencesOf([])).toEqual([]);
  });

  it('matches a quoted sentence with or without its spaces, part of it or spanning it', () => {
    expect(quotes('本年收入合计 214.73 万元。', '本年收入合计214.73万元')).toBe(true);
    expect(quotes('本年收入合计 214.73 万元。', '本年收入合计 214.73 万元。本年支出合计 200 万元。')).toBe(
      true,
    );
    expect(quotes('本年支出合计 200 万元。', '本年收入合计 214.73 万元。')).toBe(false);
    expect(quotes('好。', '很好。好。')).toBe(false);
    expect(quotes('', 'x')).toBe(false);
  });
});
