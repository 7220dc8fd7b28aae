import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describeField } from './prepare-core-adapter.ts';

const example = parse(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
) as { tables: { t5: { rows: { code?: string }[] } } };

describe('data fields in words', () => {
  it('names table cells by table, row and column, and other fields by the data format’s descriptions', () => {
    const i = example.tables.t5.rows.findIndex((r) => r.code === '2101102');
    expect(describeField(`tables.t5.rows[${i}].prior.total`, example)).toBe(
      '表五 一般公共预算财政拨款支出决算表「2101102 事业单位医疗」行「上年决算数（合计）」',
    );
    expect(describeField(`tables.t5.rows[${i}].reasons.prior`, example)).toContain('主要原因（与上年相比）');
    expect(describeField('tables.t1.rows[0].amount', example)).toMatch(/^表一 .+「.+」行「.+」$/);
    expect(describeField('procurement.goods')).toBe('政府采购情况 › 政府采购货物支出');
    expect(describeField('unit.name')).toContain('单位（部门）全称');
    expect(describeField('performance.projects[1].name')).toMatch(/（第 2 项）$/);
    expect(describeField('no.such.field')).toBe('no.such.field');
  });
});
