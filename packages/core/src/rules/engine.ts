/** Runs the rule catalogue over a disclosure and collects findings and rules that could not run. */
import { builtinCatalogues } from '../classification/builtin.ts';
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { ruleSettingsFor, type RuleSettings } from '../profiles/rule-settings.ts';
import type { Finding, NotRun, ReportInput, Rule, RuleContext, RuleOutcome, Severity, SeverityOverrides } from './types.ts';

export interface RunOptions {
  /** Catalogues to check codes against; defaults to the built-in ones of the disclosure's year. */
  catalogues?: CatalogueSet;
  settings?: RuleSettings;
  overrides?: SeverityOverrides;
}

class Context implements RuleContext {
  runs = 0;
  skips: string[] = [];
  na: string | undefined;
  constructor(
    readonly d: Disclosure,
    readonly catalogues: CatalogueSet,
    readonly settings: RuleSettings,
    private readonly rule: Rule,
    private readonly severity: Severity,
    private readonly out: Finding[],
  ) {}
  report(f: ReportInput): void {
    const finding: Finding = {
      rule: this.rule.id,
      // A rule's own severity follows the config override; severities a rule sets per finding (rounding notes) stay.
      severity: f.severity ?? this.severity,
      category: this.rule.category,
      message: f.message,
      location: f.location,
    };
    if (f.expected !== undefined) finding.expected = f.expected;
    if (f.actual !== undefined) finding.actual = f.actual;
    if (f.difference !== undefined) finding.difference = f.difference;
    if (f.kind !== undefined) finding.kind = f.kind;
    this.out.push(finding);
    this.runs++;
  }
  ran(): void {
    this.runs++;
  }
  insufficient(detail: string): void {
    if (this.skips.length < 20) this.skips.push(detail);
    else this.skips.length++;
  }
  notApplicable(detail: string): void {
    this.na = detail;
  }
}

/** Runs rules; a rule that throws is a bug and is reported as such, never silently passed. */
export function runRules(d: Disclosure, rules: readonly Rule[], options: RunOptions = {}): RuleOutcome {
  const catalogues = options.catalogues ?? builtinCatalogues(d.year);
  const settings = options.settings ?? ruleSettingsFor(d.profile);
  const overrides = options.overrides ?? {};
  const findings: Finding[] = [];
  const notRun: NotRun[] = [];
  const partial: NotRun[] = [];
  let ruleCount = 0;
  for (const rule of rules) {
    const o = overrides[rule.id];
    if (o === 'off') continue;
    ruleCount++;
    const ctx = new Context(d, catalogues, settings, rule, o ?? rule.severity, findings);
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push({
        rule: rule.id,
        severity: 'error',
        category: rule.category,
        message: `规则 ${rule.id} 运行出错（程序缺陷，请报告）：${(e as Error).message}`,
        location: [],
      });
      continue;
    }
    if (ctx.runs === 0) {
      if (ctx.skips.length > 0) notRun.push({ rule: rule.id, reason: 'insufficient-data', detail: summariseSkips(ctx.skips) });
      else notRun.push({ rule: rule.id, reason: 'not-applicable', detail: ctx.na ?? '没有可检查的数据' });
    } else if (ctx.skips.length > 0) {
      partial.push({ rule: rule.id, reason: 'insufficient-data', detail: summariseSkips(ctx.skips) });
    }
  }
  const summary = { error: 0, warning: 0, info: 0, rules: ruleCount, notRun: notRun.length };
  for (const f of findings) summary[f.severity]++;
  return { findings, notRun, partial, summary };
}

function summariseSkips(skips: string[]): string {
  const shown = skips.slice(0, 3).filter((s) => s !== undefined);
  const more = skips.length - shown.length;
  return `数据不足：${shown.join('；')}${more > 0 ? `；另有 ${more} 处` : ''}`;
}
