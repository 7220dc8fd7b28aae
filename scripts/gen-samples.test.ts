/**
 * Freshness of the README's sample outputs (issue 8): the commands are run again in memory and every file under
 * docs/samples/ and every README block marked `<!-- sample … -->` must equal what they print now.
 * When this fails after a deliberate change of output: npm run gen:samples, then review and commit the diff.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  committedSamples,
  excerpt,
  readmePath,
  readmeSamples,
  renderReadme,
  renderSamples,
} from './gen-samples.ts';

let fresh: Map<string, string>;
beforeAll(async () => {
  fresh = await renderSamples();
}, 120_000);

describe('docs/samples and the README blocks are current (npm run gen:samples)', () => {
  it('the same set of sample files', () => {
    expect([...committedSamples().keys()].sort()).toEqual([...fresh.keys()].sort());
  });

  it('every committed sample equals the output of its command now', () => {
    const committed = committedSamples();
    const stale = [...fresh].filter(([name, text]) => committed.get(name) !== text).map(([name]) => name);
    expect(stale, `过期的样例：${stale.join('、')}（运行 npm run gen:samples）`).toEqual([]);
  });

  it('the README quotes the showcase, the seed example and the catalogue, each block as generated', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const quoted = readmeSamples(readme);
    for (const name of [
      'qingsui-2024/validate.txt',
      'qingsui-2024/build.txt',
      'qingsui-2024/publication.md',
      'changji-2022/validate.txt',
      'changji-2022/build.txt',
      'catalogue-list.txt',
    ])
      expect(quoted).toContain(name);
    expect(
      renderReadme(readme, fresh) === readme,
      'README 的样例段落已过期（运行 npm run gen:samples）',
    ).toBe(true);
  });

  it('the complete example validates clean and builds a final publication', () => {
    expect(fresh.get('qingsui-2024/validate.txt')).toContain(
      '错误 0 个，警告 0 个，提示 0 个；数据不足未检查 0 条',
    );
    expect(fresh.get('qingsui-2024/build.txt')).not.toContain('草稿');
    expect(fresh.get('qingsui-2024/publication.md')).not.toContain('【');
  });
});

describe('how a README block is rewritten', () => {
  const samples = new Map([['a.txt', '$ npx juesuan x\nline 2\nline 3\nline 4\n']]);

  it('replaces a drifted block with the sample, whole or by line ranges', () => {
    const readme = 'intro\n<!-- sample a.txt -->\n```text\n$ npx juesuan x\nold output\n```\nend\n';
    expect(renderReadme(readme, samples)).toBe(
      'intro\n<!-- sample a.txt -->\n\n```text\n$ npx juesuan x\nline 2\nline 3\nline 4\n```\nend\n',
    );
    const part = '<!-- sample a.txt lines=1-2 -->\n```text\nstale\n```';
    expect(renderReadme(part, samples)).toBe(
      '<!-- sample a.txt lines=1-2 -->\n\n```text\n$ npx juesuan x\nline 2\n…\n```',
    );
  });

  it('joins ranges with an ellipsis and refuses a sample that does not exist', () => {
    expect(excerpt('1\n2\n3\n4\n5\n', '1-1,4-5')).toBe('1\n…\n4\n5');
    expect(() => renderReadme('<!-- sample none.txt -->\n```\nx\n```', samples)).toThrow('none.txt');
  });
});
