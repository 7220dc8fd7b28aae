/** Runs the rule catalogue over a disclosure and collects findings and rules that could not run. */
import { builtinCatalogues } from '../classification/builtin.ts';
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { InputNeed } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { ruleSettingsFor, type RuleSettings } from '../profiles/rule-settings.ts';
import { ruleMessage } from './messages.ts';
import type {
  Finding,
  NotRun,
  ReportInput,
  Rule,
  RuleContext,
  RuleOutcome,
  Severity,
  SeverityOverrides,
} from './types.ts';

export interface RunOptions {
  /** Catalogues to check codes against; defaults to the built-in ones of the disclosure's year. */
  catalogues?: CatalogueSet;
  settings?: RuleSettings;
  overrides?: SeverityOverrides;
  /** Last year's disclosure, for the rules that compare the two years. */
  previous?: Disclosure;
}

const NO_FINDINGS: Finding[] = [];
const NO_CATALOGUES: CatalogueSet = {};

/**
 * What the rules of a run report into, reset for each rule: a batch validates thousands of units with ~100 rules
 * each. One context serves run after run (`spare`): every rule's optimised code is specialised to the context's
 * hidden class, and V8 drops that class, and with it the code of all the rules, when a full collection finds no
 * context alive — in a batch, between units; the rules then ran unoptimised for the next few hundred units.
 */
class Context implements RuleContext {
  runs = 0;
  skips: (string | (() => string))[] | undefined;
  skipCount = 0;
  na: string | undefined;
  need: InputNeed | undefined;
  rule!: Rule;
  severity: Severity = 'error';
  // Per run, not per model: a batch validates each model once, and what lives only as long as the run is
  // collected young instead of being kept (and promoted) with the model.
  private derived: Map<object, unknown> | undefined;
  // Set for the length of a run (`begin` … `end`), released after it.
  private disclosure: Disclosure | undefined;
  private last: Disclosure | undefined;
  private out: Finding[] = NO_FINDINGS;
  catalogues: CatalogueSet = NO_CATALOGUES;
  settings!: RuleSettings;

  get d(): Disclosure {
    return this.disclosure!;
  }
  get previous(): Disclosure | undefined {
    return this.last;
  }
  begin(
    d: Disclosure,
    catalogues: CatalogueSet,
    settings: RuleSettings,
    out: Finding[],
    previous: Disclosure | undefined,
  ): void {
    this.disclosure = d;
    this.catalogues = catalogues;
    this.settings = settings;
    this.out = out;
    this.last = previous;
  }
  /** Lets go of the run's data, so that a spare context keeps no unit's data (nor findings) alive. */
  end(): void {
    this.disclosure = undefined;
    this.last = undefined;
    this.catalogues = NO_CATALOGUES;
    this.out = NO_FINDINGS;
    this.derived = undefined;
    this.skips = undefined;
    this.na = undefined;
    this.need = undefined;
  }
  reset(rule: Rule, severity: Severity): void {
    this.rule = rule;
    this.severity = severity;
    this.runs = 0;
    this.skips = undefined;
    this.skipCount = 0;
    this.na = undefined;
    this.need = undefined;
  }
  report(f: ReportInput): void {
    // A rule's own severity follows the config override; severities a rule sets per finding (rounding notes) stay.
    this.out.push(makeFinding(this.rule, f.severity ?? this.severity, f));
    this.runs++;
  }
  ran(): void {
    this.runs++;
  }
  insufficient(detail: string | (() => string), need?: InputNeed): void {
    if (!this.skips) this.skips = [detail];
    else if (this.skips.length < 3) this.skips.push(detail);
    this.skipCount++;
    if (need !== undefined) this.need = need;
  }
  notApplicable(detail: string, need?: InputNeed): void {
    this.na = detail;
    if (need !== undefined) this.need = need;
  }
  shared<T>(key: object, make: (d: Disclosure) => T): T {
    let all = this.derived;
    if (all === undefined) this.derived = all = new Map();
    else {
      // One lookup when the value is there (rows are named ~150 times a run); `has` only for an undefined value.
      const v = all.get(key);
      if (v !== undefined || all.has(key)) return v as T;
    }
    const v = make(this.d);
    all.set(key, v);
    return v;
  }
}

let spare: Context | undefined;

/**
 * A plain finding from what a rule reported: the message is filled in now, once. Every finding has every key
 * (those a rule does not give are undefined, which JSON leaves out), in one order: one hidden class for all
 * findings, which V8 keeps as long as the function lives, rather than a chain of classes grown key by key that
 * it drops whenever no finding of that shape is alive.
 */
export function makeFinding(rule: Rule, severity: Severity, f: ReportInput): Finding {
  return {
    rule: rule.id,
    severity,
    category: rule.category,
    message: f.message ?? ruleMessage(rule, f.messageId, f.data),
    location: f.location,
    messageId: f.messageId,
    expected: f.expected,
    actual: f.actual,
    difference: f.difference,
    kind: f.kind,
  };
}

/** Runs rules; a rule that throws is a bug and is reported as such, never silently passed. */
export function runRules(d: Disclosure, rules: readonly Rule[], options: RunOptions = {}): RuleOutcome {
  const catalogues = options.catalogues ?? builtinCatalogues(d.year);
  const settings = options.settings ?? ruleSettingsFor(d.profile);
  const overrides = options.overrides ?? {};
  // Looking every rule id up in an empty object costs ~100 ns a rule on a batch's hot path: only look when set.
  let overridden = false;
  for (const _ in overrides) {
    overridden = true;
    break;
  }
  const findings: Finding[] = [];
  const notRun: NotRun[] = [];
  const partial: NotRun[] = [];
  let ruleCount = 0;
  // A run inside a rule (none does so today) gets a context of its own.
  const ctx = spare ?? new Context();
  spare = undefined;
  ctx.begin(d, catalogues, settings, findings, options.previous);
  for (const rule of rules) {
    const o = overridden ? overrides[rule.id] : undefined;
    if (o === 'off') continue;
    ruleCount++;
    ctx.reset(rule, o ?? rule.severity);
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push(
        makeFinding(rule, 'error', {
          message: `规则 ${rule.id} 运行出错（程序缺陷，请报告）：${(e as Error).message}`,
          location: [],
        }),
      );
      continue;
    }
    if (ctx.runs === 0) {
      if (ctx.skipCount > 0)
        notRun.push(
          notRunOf(rule.id, 'insufficient-data', summariseSkips(ctx.skips ?? [], ctx.skipCount), ctx.need),
        );
      else notRun.push(notRunOf(rule.id, 'not-applicable', ctx.na ?? '没有可检查的数据', ctx.need));
    } else if (ctx.skipCount > 0) {
      partial.push(
        notRunOf(rule.id, 'insufficient-data', summariseSkips(ctx.skips ?? [], ctx.skipCount), ctx.need),
      );
    }
  }
  ctx.end();
  spare = ctx;
  const summary = { error: 0, warning: 0, info: 0, rules: ruleCount, notRun: notRun.length };
  for (const f of findings) summary[f.severity]++;
  return { findings, notRun, partial, summary };
}

/** A rule that did not run (or ran only in part); `need` only where the rule named one. */
function notRunOf(
  rule: string,
  reason: NotRun['reason'],
  detail: string,
  need: InputNeed | undefined,
): NotRun {
  return need === undefined ? { rule, reason, detail } : { rule, reason, detail, need };
}

function summariseSkips(skips: (string | (() => string))[], count: number): string {
  const shown = skips.map((s) => (typeof s === 'function' ? s() : s));
  const more = count - shown.length;
  return `数据不足：${shown.join('；')}${more > 0 ? `；另有 ${more} 处` : ''}`;
}
