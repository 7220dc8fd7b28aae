/**
 * Core's user-visible strings do not name CLI commands or options: core serves the CLI and the web application
 * alike, so a message says what is wrong and what data is needed, and the CLI adds its command or option where
 * it prints the message (packages/cli/src/hints.ts). Every string and template literal of core's sources is
 * checked (comments are not: they are for the reader of the code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

/**
 * Files left out, each for a reason: the built-in profiles are YAML files whose comments tell the person who
 * copies one how to use the copy with `juesuan build --profile-file`.
 */
const EXEMPT = new Set(['report/builtin-profiles.generated.ts']);

/** `juesuan validate`, `juesuan catalogue import …`, or an option such as `--previous`. */
const CLI_MENTION = /\bjuesuan [a-z]|(?<![\w-])--[a-z][a-z-]*/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !/\.(test|cases)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The text of every string and template literal of a TypeScript source. */
function stringLiterals(file: string, text: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    )
      out.push(n.text);
    n.forEachChild(visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  return out;
}

describe('core messages do not mention CLI commands', () => {
  it('the scan finds a command and an option in a literal, but not in a comment', () => {
    const found = stringLiterals(
      'x.ts',
      "// juesuan validate --previous\nconst a = '请用 juesuan import';\nconst b = `用 --year ${1} 指明`;",
    ).filter((s) => CLI_MENTION.test(s));
    expect(found).toEqual(['请用 juesuan import', '用 --year ']);
  });

  it('no string of packages/core/src names a `juesuan …` command or a CLI option', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const f of files) {
      const rel = relative(SRC, f).split('\\').join('/');
      if (EXEMPT.has(rel)) continue;
      for (const s of stringLiterals(f, readFileSync(f, 'utf8')))
        if (CLI_MENTION.test(s)) bad.push(`${rel}：${s.slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  });
});
