import { describe, expect, it } from 'vitest';
import { builtinProfile } from './profile.ts';
import { fill, fillText } from './template.ts';

describe('filling sentence templates', () => {
  const base = builtinProfile('central');
  const profile = {
    ...base,
    templates: {
      ...base.templates,
      'test.compare': '因公出国（境）费支出{amount}万元，比上年{change}。',
      'test.year': '机关运行经费比{priorYear}年度{change}。',
      'test.item': '支出决算数为{amount}万元，比上年决算{change}。',
    },
  };

  it('says 与上年持平 where a template written for a change meets equal figures', () => {
    expect(fillText(profile, 'test.compare', { amount: '0.00', change: '持平' })).toBe(
      '因公出国（境）费支出0.00万元，与上年持平。',
    );
    expect(fillText(profile, 'test.year', { priorYear: '2023', change: '持平' })).toBe(
      '机关运行经费与2023年度持平。',
    );
    expect(fillText(profile, 'test.item', { amount: '5.00', change: '持平' })).toBe(
      '支出决算数为5.00万元，与上年决算持平。',
    );
  });

  it('leaves a change as it is', () => {
    expect(fillText(profile, 'test.compare', { amount: '3.00', change: '增加1.00万元，增长50.00%' })).toBe(
      '因公出国（境）费支出3.00万元，比上年增加1.00万元，增长50.00%。',
    );
  });

  it('keeps a placeholder run apart from the text around it', () => {
    const runs = fill(profile, 'test.compare', {
      amount: [{ text: '【请填写】', placeholder: true }],
      change: '持平',
    })!;
    expect(runs.map((r) => r.text)).toEqual(['因公出国（境）费支出', '【请填写】', '万元，与上年持平。']);
  });
});
