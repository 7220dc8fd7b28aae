/** Message templates of rule meta: `{name}` placeholders filled from the values a rule reports. */
import type { MessageData, Rule } from './types.ts';

/** Templates split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills a template; a placeholder without a value is a bug in the rule and throws (the engine reports it). */
export function fillTemplate(template: string, data: MessageData = {}): string {
  const parts = compile(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = data[parts[i]!];
    if (v === undefined) throw new Error(`消息模板缺少值「${parts[i]}」：${template}`);
    out += String(v) + parts[i + 1]!;
  }
  return out;
}

/**
 * Templates of the shared checks (sums and comparisons of arithmetic.ts) that most rules report through;
 * a rule's own `messages` come first.
 */
export const SHARED_MESSAGES: Readonly<Record<string, string>> = {
  'sum-mismatch': '{what}{left} ≠ {right}，相差 {difference} {unit}',
  'sum-rounding':
    '{left}，{right}，相差 {difference} {unit}，在四舍五入允许范围（±{tolerance}）内：各数分别四舍五入所致，不是错误{what}',
  'at-most-exceeded': '{what}{a} {aValue} 大于 {b} {bValue}，超出 {over} {unit}',
};

/** The template of `messageId` for a rule: its own, else a shared one. */
export function messageTemplate(rule: Pick<Rule, 'messages'>, messageId: string): string | undefined {
  return rule.messages?.[messageId] ?? SHARED_MESSAGES[messageId];
}

/** The message of `messageId` in the rule's meta (or a shared check's), filled in. */
export function ruleMessage(
  rule: Pick<Rule, 'id' | 'messages'>,
  messageId: string,
  data?: MessageData,
): string {
  const template = messageTemplate(rule, messageId);
  if (template === undefined) throw new Error(`规则 ${rule.id} 没有消息「${messageId}」`);
  return fillTemplate(template, data);
}

/** Placeholder names used by a template, for the catalogue test. */
export function templatePlaceholders(template: string): string[] {
  return compile(template).filter((_, i) => i % 2 === 1);
}
