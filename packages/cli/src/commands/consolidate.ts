import { parseArgs } from 'node:util';
import { consolidate, dataFileToYaml, ErrorCode, JuesuanError, type TransferPair } from '@juesuan/core';
import { writeFileAtomic } from '../excel-files.ts';
import type { Io } from '../main.ts';
import { readDataFile } from './template.ts';

const USAGE =
  '用法：juesuan consolidate <单位1.yaml> <单位2.yaml> … --department <部门名称> --out <部门.yaml> [--kind 行政|参公|事业] [--pair 补助|上缴:付款单位:收款单位:金额（万元）…] [--no-find]';

function parsePair(text: string): TransferPair {
  const parts = text.split(/[:：]/);
  const kindText = parts[0] ?? '';
  const kind = ['补助', 'subsidy'].includes(kindText)
    ? 'subsidy'
    : ['上缴', 'remittance'].includes(kindText)
      ? 'remittance'
      : undefined;
  if (parts.length !== 4 || kind === undefined)
    throw new JuesuanError(
      ErrorCode.BadInput,
      `--pair「${text}」格式不对：应为“补助:上级单位:下级单位:金额”（对附属单位补助支出 / 上级补助收入）或“上缴:下级单位:上级单位:金额”（上缴上级支出 / 附属单位上缴收入），金额单位万元`,
    );
  return { kind, from: parts[1]!, to: parts[2]!, amount: parts[3]! };
}

/** `juesuan consolidate`: units' data files → the department's, internal transfers offset. */
export async function consolidateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      department: { type: 'string' },
      out: { type: 'string' },
      kind: { type: 'string' },
      profile: { type: 'string' },
      pair: { type: 'string', multiple: true },
      'no-find': { type: 'boolean', default: false },
    },
  });
  if (positionals.length < 2 || !values.department || !values.out)
    throw new JuesuanError(ErrorCode.BadInput, USAGE);
  const kind = values.kind;
  if (kind !== undefined && kind !== '行政' && kind !== '参公' && kind !== '事业')
    throw new JuesuanError(ErrorCode.BadInput, `--kind 应为 行政、参公 或 事业，实际为「${kind}」`);
  const units = positionals.map(readDataFile);
  const result = consolidate(units, {
    department: values.department,
    files: positionals,
    ...(kind !== undefined ? { kind } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.pair ? { pairs: values.pair.map(parsePair) } : {}),
    findPairs: !values['no-find'],
  });
  writeFileAtomic(
    values.out,
    dataFileToYaml(result.data, { header: [`由 juesuan consolidate 合并：${positionals.join('、')}`] }),
  );
  io.out(`已合并 ${positionals.length} 个单位为「${values.department}」部门决算 → ${values.out}`);
  for (const o of result.offsets)
    io.out(
      `  抵消${o.kind === 'subsidy' ? '补助' : '上缴'}：${o.from} → ${o.to} ${o.amount} 万元（${o.kind === 'subsidy' ? '对附属单位补助支出 / 上级补助收入' : '上缴上级支出 / 附属单位上缴收入'}${o.found ? '，按金额自动配对' : ''}）`,
    );
  for (const n of result.notes) io.out(`  注意：${n}`);
  if (result.kindGuessed) io.out('  （用 --kind 行政|参公|事业 指明部门性质）');
  return 0;
}
