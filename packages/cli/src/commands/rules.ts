import { parseArgs } from 'node:util';
import { CATEGORY_LABEL, ErrorCode, JuesuanError, rulesInOrder, SEVERITY_LABEL } from '@juesuan/core';
import type { Io } from '../main.ts';

export function rulesCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
  const rules = rulesInOrder();
  if (values.format === 'json') {
    io.out(
      JSON.stringify(
        rules.map((r) => ({
          id: r.id,
          severity: r.severity,
          category: r.category,
          title: r.title,
          basis: r.basis,
          description: r.description,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  if (values.format !== 'text')
    throw new JuesuanError(ErrorCode.BadInput, `--format 应为 text 或 json，实际为「${values.format}」`);
  let cat = '';
  for (const r of rules) {
    if (r.category !== cat) {
      cat = r.category;
      io.out(`\n■ ${CATEGORY_LABEL[r.category]}`);
    }
    io.out(`  ${r.id.padEnd(34)} [${SEVERITY_LABEL[r.severity]}] ${r.title}`);
  }
  io.out(`\n共 ${rules.length} 条规则。详见 docs/rules.md。`);
  return 0;
}
