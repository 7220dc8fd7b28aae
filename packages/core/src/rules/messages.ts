/** Message templates of rule meta: `{name}` placeholders filled from the values a rule reports. */
import type { MessageData, Rule } from './types.ts';

/** A template compiled once: fills in the values of its placeholders. */
type Filler = (data: MessageData) => string;

/** Templates compiled once, by their text. */
const compiled = new Map<string, Filler>();

/** Literal text (even indexes) and placeholder names (odd indexes) of a template. */
function split(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

/**
 * Compiles a template to a function that concatenates its literal parts and the values of its placeholders,
 * each read by name (`d["what"]`). A finding is built each time a rule reports, so the message must cost no
 * more than the template literal it replaced: each compiled function reads one shape of data object with its own
 * property-access sites, where a generic loop over `data[name]` pays a megamorphic lookup per placeholder
 * (about 4× slower). The generated code holds only JSON-quoted literals and `\w+` names from the rule's meta.
 */
function compile(template: string): Filler {
  let fill = compiled.get(template);
  if (fill) return fill;
  const parts = split(template);
  if (parts.length === 1) fill = () => template;
  else {
    const names = parts.filter((_, i) => i % 2 === 1);
    const checks = names
      .map((n) => `if (d[${JSON.stringify(n)}] === undefined) missing(${JSON.stringify(n)});`)
      .join('\n');
    const body = parts
      .map((p, i) => (i % 2 === 1 ? `String(d[${JSON.stringify(p)}])` : JSON.stringify(p)))
      .join(' + ');
    const missing = (name: string): never => {
      throw new Error(`消息模板缺少值「${name}」：${template}`);
    };
    const make = new Function('missing', `return function fill(d) {\n${checks}\nreturn ${body};\n};`) as (
      m: (name: string) => never,
    ) => Filler;
    fill = make(missing);
  }
  compiled.set(template, fill);
  return fill;
}

/** Fills a template; a placeholder without a value is a bug in the rule and throws (the engine reports it). */
export function fillTemplate(template: string, data: MessageData = {}): string {
  return compile(template)(data);
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
  return split(template).filter((_, i) => i % 2 === 1);
}
