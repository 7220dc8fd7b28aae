/**
 * A RuleTester in the manner of typescript-eslint's: each rule lists `valid` inputs (the rule runs and
 * finds nothing) and `invalid` inputs (the rule reports exactly the findings expected). The cases are
 * data, kept in `<rule id>.cases.ts` beside the rule and exported as `cases`, so that
 *  - the rule's test runs them as vitest cases with `testRule(cases)`, and
 *  - the catalogue test imports every rule's cases and checks through `verifyRuleCases` that each rule
 *    has at least one valid and one invalid case that really pass and fail (not by counting `it(`).
 *
 * Rules on data take a data object (data-file form) or a Disclosure; rules on documents (audit) hand any
 * input to their own runner: `ruleCases(rule, cases, run)` where `run(input)` returns the outcome.
 */
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../model/disclosure.ts';
import type { RunOptions } from './engine.ts';
import { runOne, type Data } from './testing.ts';
import type { Finding, Location, NotRun, NotRunReason, Rule, RuleMeta, Severity } from './types.ts';

/** What a case needs of a rule: its id (and, for the catalogue, its meta). */
export type TestedRule = Pick<RuleMeta, 'id'> & Partial<RuleMeta>;

/** What running a rule on one input gives: its findings, and whether it could not run. */
export interface CaseOutcome {
  findings: readonly Finding[];
  notRun?: readonly NotRun[];
}

/** Runs the rule on one input. */
export type CaseRunner<I> = (input: I) => CaseOutcome;

/** One expected finding; every field given must match, the others are not checked. */
export interface ExpectedFinding {
  messageId?: string;
  severity?: Severity;
  kind?: 'rounding';
  /** A part of the message (string) or a pattern it must match. */
  message?: string | RegExp;
  /** Each of these must match one location of the finding (fields given must be equal). */
  locations?: readonly Partial<Location>[];
  expected?: string;
  actual?: string;
  difference?: string;
}

export interface ValidCase<I> {
  name: string;
  input: I | (() => I);
  /**
   * The rule is expected not to run on this input (it says why, and never counts as passed). Such a
   * case shows the rule's guard; the catalogue still wants one valid case where the rule really ran.
   */
  notRun?: NotRunReason;
}

export interface InvalidCase<I> {
  name: string;
  input: I | (() => I);
  /**
   * The findings, in the order the rule reports them. Rounding notes (kind 'rounding', info) are left
   * out of the comparison unless one of the expected findings has kind 'rounding'.
   */
  expect: readonly ExpectedFinding[];
}

export interface RuleCases<I = unknown> {
  rule: TestedRule;
  run: CaseRunner<I>;
  valid: readonly ValidCase<I>[];
  invalid: readonly InvalidCase<I>[];
}

/** Input of data rules: a data object in data-file form, or a loaded Disclosure. */
export type DataInput = Data | Disclosure;

/**
 * Cases of a rule. Without `run`, the rule is a data rule run by the engine on a data object or a
 * Disclosure (`options` go to the engine); with `run`, any input is handed to it.
 */
export function ruleCases(
  rule: Rule,
  cases: { valid: readonly ValidCase<DataInput>[]; invalid: readonly InvalidCase<DataInput>[] },
  options?: RunOptions,
): RuleCases<DataInput>;
export function ruleCases<I>(
  rule: TestedRule,
  cases: { valid: readonly ValidCase<I>[]; invalid: readonly InvalidCase<I>[] },
  run: CaseRunner<I>,
): RuleCases<I>;
export function ruleCases<I>(
  rule: TestedRule,
  cases: { valid: readonly ValidCase<I>[]; invalid: readonly InvalidCase<I>[] },
  runOrOptions?: CaseRunner<I> | RunOptions,
): RuleCases<I> {
  const run: CaseRunner<I> =
    typeof runOrOptions === 'function'
      ? runOrOptions
      : (input) => runOne(rule as Rule, input as DataInput, runOrOptions ?? {});
  return { rule, run, valid: cases.valid, invalid: cases.invalid };
}

function inputOf<I>(c: ValidCase<I> | InvalidCase<I>): I {
  return typeof c.input === 'function' ? (c.input as () => I)() : c.input;
}

/** Runs one case's input (inputs given as functions are built now). */
export function runCase<I>(cases: RuleCases<I>, c: ValidCase<I> | InvalidCase<I>): CaseOutcome {
  return cases.run(inputOf(c));
}

function describeFinding(f: Finding): string {
  return `[${f.severity}${f.messageId ? ' ' + f.messageId : ''}] ${f.message}`;
}

function locationMatches(l: Location, want: Partial<Location>): boolean {
  for (const [k, v] of Object.entries(want)) if (l[k as keyof Location] !== v) return false;
  return true;
}

/** Why a finding does not match what was expected ('' when it matches). */
export function mismatch(f: Finding, e: ExpectedFinding): string {
  const bad: string[] = [];
  for (const k of ['messageId', 'severity', 'kind', 'expected', 'actual', 'difference'] as const) {
    if (e[k] !== undefined && f[k] !== e[k]) bad.push(`${k} 应为 ${String(e[k])}，实为 ${String(f[k])}`);
  }
  if (e.message !== undefined) {
    const ok = typeof e.message === 'string' ? f.message.includes(e.message) : e.message.test(f.message);
    if (!ok) bad.push(`消息应含 ${String(e.message)}`);
  }
  for (const want of e.locations ?? []) {
    if (!f.location.some((l) => locationMatches(l, want)))
      bad.push(`没有位置 ${JSON.stringify(want)}（实有 ${f.location.map((l) => l.label).join('；')}）`);
  }
  return bad.join('；');
}

/** Problems of a valid case: the rule reported something, or did (not) run against expectation. */
export function checkValid<I>(cases: RuleCases<I>, c: ValidCase<I>): string[] {
  const o = runCase(cases, c);
  const id = cases.rule.id;
  const problems: string[] = [];
  const reported = o.findings.filter((f) => f.kind !== 'rounding');
  if (reported.length > 0)
    problems.push(
      `「${c.name}」应无发现，实有 ${reported.length} 条：${reported.map(describeFinding).join(' | ')}`,
    );
  const notRun = (o.notRun ?? []).find((n) => n.rule === id);
  if (c.notRun === undefined && notRun)
    problems.push(`「${c.name}」规则未运行（${notRun.reason}：${notRun.detail}），不能算通过`);
  if (c.notRun !== undefined && notRun?.reason !== c.notRun)
    problems.push(`「${c.name}」规则应因 ${c.notRun} 未运行，实为 ${notRun ? notRun.reason : '已运行'}`);
  return problems;
}

/** Problems of an invalid case: the findings differ from those expected. */
export function checkInvalid<I>(cases: RuleCases<I>, c: InvalidCase<I>): string[] {
  if (c.expect.length === 0) return [`「${c.name}」没有列出应有的发现`];
  const o = runCase(cases, c);
  const withRounding = c.expect.some((e) => e.kind === 'rounding');
  const got = o.findings.filter((f) => withRounding || f.kind !== 'rounding');
  const problems: string[] = [];
  const wrongRule = got.filter((f) => f.rule !== cases.rule.id);
  if (wrongRule.length > 0)
    problems.push(`「${c.name}」有别的规则的发现：${wrongRule.map((f) => f.rule).join('、')}`);
  if (got.length !== c.expect.length) {
    problems.push(
      `「${c.name}」应有 ${c.expect.length} 条发现，实有 ${got.length} 条${got.length ? '：' + got.map(describeFinding).join(' | ') : ''}`,
    );
    return problems;
  }
  c.expect.forEach((e, i) => {
    const why = mismatch(got[i]!, e);
    if (why) problems.push(`「${c.name}」第 ${i + 1} 条发现不符：${why}（${describeFinding(got[i]!)}）`);
  });
  return problems;
}

export interface CasesReport {
  rule: string;
  /** Valid cases where the rule ran and found nothing. */
  passing: number;
  /** Invalid cases whose findings are as expected. */
  failing: number;
  problems: string[];
}

/** Runs every case of a rule; the catalogue test wants passing ≥ 1, failing ≥ 1 and no problems. */
export function verifyRuleCases<I>(cases: RuleCases<I>): CasesReport {
  const problems: string[] = [];
  let passing = 0;
  let failing = 0;
  for (const c of cases.valid) {
    const p = checkValid(cases, c);
    problems.push(...p);
    if (p.length === 0 && c.notRun === undefined) passing++;
  }
  for (const c of cases.invalid) {
    const p = checkInvalid(cases, c);
    problems.push(...p);
    if (p.length === 0) failing++;
  }
  return { rule: cases.rule.id, passing, failing, problems };
}

/** The findings of every invalid case (for tests on findings themselves, e.g. that they survive cloning). */
export function failingFindings<I>(cases: RuleCases<I>): { name: string; findings: readonly Finding[] }[] {
  return cases.invalid.map((c) => ({ name: c.name, findings: runCase(cases, c).findings }));
}

/** vitest cases for a rule: one `it` per valid and per invalid case, inside `describe(rule id)`. */
export function testRule<I>(cases: RuleCases<I>): void {
  describe(cases.rule.id, () => {
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        expect(checkValid(cases, c)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        expect(checkInvalid(cases, c)).toEqual([]);
      });
  });
}
