import { describe, expect, it } from 'vitest';
import { fillTemplate, ruleMessage, SHARED_MESSAGES, templatePlaceholders } from './messages.ts';

describe('message templates', () => {
  it('fills each placeholder with its value, numbers as written', () => {
    expect(fillTemplate('{a} + {b} = {sum}，{a}', { a: '1.00', b: 2, sum: '3.00' })).toBe(
      '1.00 + 2 = 3.00，1.00',
    );
    expect(fillTemplate('没有占位符')).toBe('没有占位符');
  });

  it('keeps quotes, backslashes, braces that are no placeholder and line breaks of the text as they are', () => {
    const t = '“{x}” \'单\' "双" \\ $ {not a name} {}\n第二行 `反引号` </script>';
    expect(fillTemplate(t, { x: '值' })).toBe(t.replace('{x}', '值'));
    expect(fillTemplate('{x}', { x: '"); throw 1; ("' })).toBe('"); throw 1; ("');
  });

  it('a placeholder without a value is a bug in the rule: it throws, naming the placeholder', () => {
    expect(() => fillTemplate('{a}{b}', { a: 'x' })).toThrow('消息模板缺少值「b」：{a}{b}');
    expect(fillTemplate('{a}', { a: 0 })).toBe('0');
    expect(fillTemplate('{a}', { a: '' })).toBe('');
  });

  it('a rule’s own template comes before the shared one; an unknown id throws', () => {
    const rule = { id: 'x-rule', messages: { 'sum-mismatch': '自己的：{what}' } };
    expect(ruleMessage(rule, 'sum-mismatch', { what: '甲' })).toBe('自己的：甲');
    expect(
      ruleMessage({ id: 'y' }, 'at-most-exceeded', {
        what: '',
        a: 'A',
        aValue: '2',
        b: 'B',
        bValue: '1',
        over: '1',
        unit: '万元',
      }),
    ).toBe('A 2 大于 B 1，超出 1 万元');
    expect(() => ruleMessage(rule, 'nope')).toThrow('规则 x-rule 没有消息「nope」');
    expect(templatePlaceholders(SHARED_MESSAGES['sum-mismatch']!)).toEqual([
      'what',
      'left',
      'right',
      'difference',
      'unit',
    ]);
  });
});
