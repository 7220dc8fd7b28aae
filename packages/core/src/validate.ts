/** `validate`: a disclosure checked against the rule catalogue, with severity overrides from a config file. */
import { ErrorCode, JuesuanError } from './errors.ts';
import type { Disclosure } from './model/disclosure.ts';
import { parseSourceText } from './model/yaml-source.ts';
import { whereIn } from './report/findings-text.ts';
import { runRules, type RunOptions } from './rules/engine.ts';
import { ALL_RULES, ruleMetaById } from './rules/registry.ts';
import type { Finding, Rule, RuleOutcome, Severity, SeverityOverrides } from './rules/types.ts';

export function validateDisclosure(
  d: Disclosure,
  options: RunOptions & { rules?: readonly Rule[] } = {},
): RuleOutcome {
  return runRules(d, options.rules ?? ALL_RULES, options);
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/**
 * Reads a rule config (YAML or JSON): `rules: { <rule id>: error | warning | info | off }`.
 * Unknown rule ids and severities are errors, so a typo never silently disables nothing.
 */
export function parseRuleConfig(text: string, file = 'juesuan.config.yaml'): SeverityOverrides {
  const { data, lines } = parseSourceText(text, file);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new JuesuanError(ErrorCode.BadConfig, `${file} 格式不对`, [
      { file, line: 1, message: '顶层应为对象，如 rules: { t7-over-budget: warning }' },
    ]);
  }
  const problems = [];
  const out: Record<string, Severity | 'off'> = {};
  for (const key of Object.keys(data)) {
    if (key !== 'rules')
      problems.push({
        file,
        line: lines.get(key),
        path: key,
        message: `未知字段「${key}」，配置文件只有 rules`,
      });
  }
  const rules = (data as Record<string, unknown>)['rules'];
  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules))) {
    problems.push({
      file,
      line: lines.get('rules'),
      path: 'rules',
      message: 'rules 应为“规则编号: 严重程度”的对象',
    });
  } else if (rules) {
    for (const [id, sev] of Object.entries(rules)) {
      const path = `rules.${id}`;
      if (!ruleMetaById(id))
        problems.push({
          file,
          line: lines.get(path),
          path,
          message: `没有编号为「${id}」的规则`,
          need: 'rule-ids' as const,
        });
      else if (typeof sev !== 'string' || !SEVERITIES.has(sev))
        problems.push({
          file,
          line: lines.get(path),
          path,
          message: `严重程度应为 error、warning、info 或 off，实际为「${String(sev)}」`,
        });
      else out[id] = sev as Severity | 'off';
    }
  }
  if (problems.length > 0)
    throw new JuesuanError(ErrorCode.BadConfig, `${file} 有 ${problems.length} 处错误`, problems);
  return out;
}

/** JSON form of a finding for `validate --format json`. */
export interface FindingJson {
  rule: string;
  severity: Severity;
  message: string;
  location: string;
  cells: Finding['location'];
  expected?: string;
  actual?: string;
  difference?: string;
  kind?: string;
}

export function findingToJson(f: Finding): FindingJson {
  const out: FindingJson = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: f.location
      .map((l) => (l.line !== undefined || l.page !== undefined ? `${l.label}（${whereIn(l)}）` : l.label))
      .join('；'),
    cells: f.location,
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.difference !== undefined) out.difference = f.difference;
  if (f.kind !== undefined) out.kind = f.kind;
  return out;
}
