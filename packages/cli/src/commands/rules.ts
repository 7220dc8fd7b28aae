import { parseArgs } from 'node:util';
import {
  APPLIES_TO_LABEL,
  CATEGORY_LABEL,
  ErrorCode,
  JuesuanError,
  ruleAppliesTo,
  rulesInOrder,
  SEVERITY_LABEL,
} from '@juesuan/core';
import type { Io } from '../main.ts';

/** `juesuan rules [--format text|json]`: every rule of the catalogue, data and document alike. */
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
          appliesTo: ruleAppliesTo(r),
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
    const on = ruleAppliesTo(r) === 'data' ? '' : ' 〔审查公开文件〕';
    io.out(`  ${r.id.padEnd(34)} [${SEVERITY_LABEL[r.severity]}] ${r.title}${on}`);
  }
  const byKind = (k: 'data' | 'document' | 'both') => rules.filter((r) => ruleAppliesTo(r) === k).length;
  io.out(
    `\n共 ${rules.length} 条规则：数据规则 ${byKind('data')} 条，适用于${APPLIES_TO_LABEL.data}；公开文件规则 ${byKind('document') + byKind('both')} 条，只由 juesuan audit 运行。详见 docs/rules.md。`,
  );
  return 0;
}
