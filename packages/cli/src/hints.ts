/**
 * The command-line hints added to what core reports. Core's messages say what is wrong and what data is needed,
 * never how to give it (core serves the web application too); the CLI knows its commands and options and adds
 * them here, by rule id and template id for findings, by rule id for rules that could not run, and by the `need`
 * of an input problem.
 */
import { InputNeed, type Finding, type InputProblem, type NotRun, type RuleOutcome } from '@juesuan/core';

/** `juesuan catalogue import …` for the official list of a year. */
export function catalogueImportCommand(kind: 'function' | 'economic', year: number): string {
  return `juesuan catalogue import <${year}年政府收支分类科目.xlsx> --year ${year} --kind ${kind}`;
}

const kindOfRule = (rule: string): 'function' | 'economic' =>
  rule.startsWith('code-economic-') ? 'economic' : 'function';

/** Findings whose remedy is importing the official list: rule id → template ids. */
const IMPORT_FINDINGS: Readonly<Record<string, readonly string[]>> = {
  'code-function-known': ['not-in-builtin'],
  'code-economic-known': ['not-in-builtin'],
  'code-function-validity': ['other-year-builtin'],
};

/** The CLI's hint for a finding, or undefined. */
export function findingHint(f: Finding, year: number): string | undefined {
  if (f.messageId !== undefined && IMPORT_FINDINGS[f.rule]?.includes(f.messageId))
    return `导入：${catalogueImportCommand(kindOfRule(f.rule), year)}，再以 --catalogue <目录> 校验`;
  return undefined;
}

/** The CLI's hint for a rule that could not run (or ran only in part), by what the rule says it needs. */
export function notRunHint(n: NotRun, year: number): string | undefined {
  if (n.need === InputNeed.Catalogue) return `导入：${catalogueImportCommand(kindOfRule(n.rule), year)}`;
  if (n.need === InputNeed.PreviousDataFile) return '用 --previous 给出上年数据';
  return undefined;
}

const withHint = (text: string, hint: string | undefined) =>
  hint === undefined ? text : `${text}（${hint}）`;

/** The finding with the CLI's hint added to its message. */
export function findingWithHint(f: Finding, year: number): Finding {
  const hint = findingHint(f, year);
  return hint === undefined ? f : { ...f, message: withHint(f.message, hint) };
}

/** The outcome with the CLI's hints added to messages and details, for printing (text or JSON). */
export function withCliHints(outcome: RuleOutcome, year: number): RuleOutcome {
  const notRun = (n: NotRun): NotRun => {
    const hint = notRunHint(n, year);
    return hint === undefined ? n : { ...n, detail: withHint(n.detail, hint) };
  };
  return {
    ...outcome,
    findings: outcome.findings.map((f) => findingWithHint(f, year)),
    notRun: outcome.notRun.map(notRun),
    partial: outcome.partial.map(notRun),
  };
}

/** How to give what an input problem says is missing, in the CLI's terms. */
const NEED_HINT: Readonly<Record<InputNeed, string>> = {
  year: '用 --year 指明',
  'unit-name': '用 --unit-name 指明单位名称',
  'unit-kind': '用 --kind 行政|参公|事业 指明',
  'previous-data-file': '--previous 给出上年的数据文件',
  catalogue: '用 juesuan catalogue import 导入该年度的官方科目表',
  template: '用 juesuan template 重新生成',
  xlsx: '命令行 juesuan import 会自动用 LibreOffice 转换，需安装 LibreOffice',
  audit: '用 juesuan audit 审查',
  'rule-ids': 'juesuan rules 列出全部规则',
};

/** The problem with the CLI's hint added to its message. */
export function problemWithHint(p: InputProblem): InputProblem {
  return p.need === undefined ? p : { ...p, message: withHint(p.message, NEED_HINT[p.need]) };
}
