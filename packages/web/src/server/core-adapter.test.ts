import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, dataFileText, readDataFile, tableSpecs } from './core-adapter.ts';
import { ApiError } from './errors.ts';
import { EXAMPLES_DIR } from './testing/fixture.ts';

const yamlText = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');

describe('core adapter', () => {
  it('reads a YAML data file into plain data with decimals kept as text, plus findings', () => {
    const r = readDataFile(yamlText, 'changji-2022.yaml');
    expect(r.year).toBe(2022);
    expect(r.unitName).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    expect(JSON.stringify(r.data)).toContain('"amount":"214.73"');
    expect(r.report.summary.error).toBe(0);
    // Findings are plain, cloneable data (no lazy getters lost on the way to JSON).
    expect(structuredClone(r.report)).toEqual(r.report);
    expect(r.report.findings[0]).toMatchObject({
      rule: expect.any(String),
      severity: 'info',
      message: expect.stringContaining('四舍五入'),
    });
  });

  it('reads JSON the same way: a float such as 0.1 never becomes binary', () => {
    const r = readDataFile(yamlText, 'x.yaml');
    const json = dataFileText(r.data).replace('"214.73"', '214.73');
    const again = readDataFile(json, 'x.json');
    expect(JSON.stringify(again.data)).toContain('"amount":"214.73"');
    expect(checkData(again.data).report.summary).toEqual(r.report.summary);
  });

  it('turns unreadable input into E_BAD_DATA_FILE with line and path, and oversize into E_TOO_LARGE', () => {
    try {
      readDataFile('format: juesuan-disclosure/1\nyear: 2022\nunit: {}\n', 'bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('E_BAD_DATA_FILE');
      expect((e as ApiError).problems.length).toBeGreaterThan(0);
    }
    expect(() => readDataFile(new Uint8Array(11 * 1024 * 1024).fill(32), 'big.yaml')).toThrow(/过大/);
    expect(() => readDataFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'a.pdf')).toThrow(/PDF/);
  });

  it('lists the nine tables with their official labels', () => {
    const t = tableSpecs();
    expect(t.map((x) => x.number)).toEqual([
      '表一',
      '表二',
      '表三',
      '表四',
      '表五',
      '表六',
      '表七',
      '表八',
      '表九',
    ]);
    expect(t[0]!.fixedRows.find((r) => r.id === 'incomeTotal')!.label).toBe('本年收入合计');
  });
});
