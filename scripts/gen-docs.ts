/**
 * Generates docs/rules.md (from the rule registry), docs/disclosure.schema.json (from the zod schema)
 * and docs/data-format.md (field reference from the schema). Run: npm run docs. A test fails when the
 * committed files differ from what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  APPLIES_TO_LABEL,
  CATEGORY_LABEL,
  disclosureFileSchema,
  ruleAppliesTo,
  rulesInOrder,
  SEVERITY_LABEL,
} from '@juesuan/core';

const docs = join(import.meta.dirname, '..', 'docs');

export function renderRulesMd(): string {
  const rules = rulesInOrder();
  const out = [
    '# 规则目录 Rule catalogue',
    '',
    '> 本文件由 `npm run docs` 从规则注册表生成，请勿手工编辑。Generated from the rule registry — do not edit.',
    '',
    `共 ${rules.length} 条规则。严重程度：错误（error）= 必须成立的勾稽关系不成立；警告（warning）= 可能有误、需要核实；提示（info）= 说明性信息。`,
    '求和类规则按四舍五入区间规则判断（每个数按其末位的半个单位给出区间，区间之和包含合计即为相符）：仅因各数分别四舍五入造成的尾差报“提示”，不报错误。数据不足时规则报告“数据不足”，不算通过。',
    '',
    '每条规则注明适用于什么：“数据”规则检查数据模型（`juesuan validate` 检查数据文件，`juesuan audit` 检查由公开文件重建的数据）；“公开文件”规则只由 `juesuan audit` 运行，检查情况说明的文字、从文件中读出的数字和表格，以及文件本身（扫描件、损坏）。',
    '',
    '严重程度可在 `juesuan.config.yaml` 中调整，`validate` 与 `audit` 使用同一个配置文件：',
    '',
    '```yaml',
    'rules:',
    '  t7-over-budget: error   # 把警告升为错误',
    '  perf-indicator-score: off   # 关闭',
    '  narrative-punctuation: off   # 审查公开文件时不报重复标点',
    '```',
    '',
  ];
  let cat = '';
  for (const r of rules) {
    if (r.category !== cat) {
      cat = r.category;
      out.push(`## ${CATEGORY_LABEL[r.category]}`, '');
    }
    out.push(
      `### \`${r.id}\` — ${r.title}`,
      '',
      `- 严重程度：${SEVERITY_LABEL[r.severity]}（${r.severity}）`,
      `- 适用于：${APPLIES_TO_LABEL[ruleAppliesTo(r)]}`,
      `- 依据：${r.basis}`,
      `- 说明：${r.description}`,
      '',
    );
  }
  return out.join('\n');
}

export function renderSchemaJson(): string {
  // The schema's transforms build the model; the file format is its input side.
  const schema = z.toJSONSchema(disclosureFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  schema['$id'] = 'https://juesuan.example/schema/disclosure-1.json';
  schema['title'] = '部门决算公开数据（Juesuan 数据格式 juesuan-disclosure/1）';
  return JSON.stringify(schema, null, 2) + '\n';
}

interface JsonNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
}

function typeName(n: JsonNode): string {
  if (n.const !== undefined) return `固定值 \`${String(n.const)}\``;
  if (n.enum) return n.enum.map((v) => `\`${String(v)}\``).join(' / ');
  if (n.anyOf) return n.anyOf.map(typeName).join(' 或 ');
  const t = Array.isArray(n.type) ? n.type.join('/') : n.type;
  return (
    (
      {
        string: '文本',
        number: '数字',
        integer: '整数',
        object: '对象',
        array: '列表',
        null: 'null',
        boolean: '是/否',
      } as Record<string, string>
    )[t ?? ''] ??
    t ??
    '任意'
  );
}

export function renderDataFormatMd(): string {
  const schema = JSON.parse(renderSchemaJson()) as JsonNode;
  const out = [
    '# 数据格式参考 Data format reference',
    '',
    '> 本文件由 `npm run docs` 从数据格式的 schema 生成，请勿手工编辑。JSON Schema：[`disclosure.schema.json`](disclosure.schema.json)。',
    '',
    '数据文件可写成 YAML 或 JSON，二者同一格式。完整示例见 [`examples/changji-2022.yaml`](../examples/changji-2022.yaml)。',
    '',
    '- 金额写成数字或字符串（`360.44`、`"2,940.05"`、`"360.44万元"`），单位由 `amountUnit` 指定（默认万元）；读入后以“分”为单位的整数保存，不经过二进制浮点数。',
    '- 不知道的数字不写或写 `null`：未知不等于 0。规则遇到未知数字时报告“数据不足”，不算通过。',
    "- 表格的行用 `row`（固定行，如 `total`、`incomeTotal`）或 `code`（科目编码，写成带引号的字符串，如 `'2010450'`）标识，不用行次。",
    '- 每行的 `prior` 为上年决算数、`initialBudget` 为年初预算数（按列），`reasons` 为与上年相比（prior）和与预算相比（budget）的主要原因。',
    '- 未知字段、重复的行、放错位置的项、负数金额等都会报错并指出文件、行号和字段。',
    '',
    '## 字段',
    '',
    '| 字段 | 类型 | 说明 |',
    '|---|---|---|',
  ];
  const walk = (n: JsonNode, path: string, depth: number) => {
    if (depth > 6) return;
    const props = n.properties ?? n.anyOf?.find((a) => a.properties)?.properties;
    if (!props) return;
    const required = new Set(n.required ?? []);
    for (const [k, v] of Object.entries(props)) {
      const p = path ? `${path}.${k}` : k;
      out.push(
        `| \`${p}\`${required.has(k) ? '（必填）' : ''} | ${typeName(v).replace(/\|/g, '\\|')} | ${(v.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
      if (v.type === 'array' && v.items) walk(v.items, `${p}[]`, depth + 1);
      else walk(v, p, depth + 1);
    }
  };
  walk(schema, '', 0);
  out.push('');
  return out.join('\n');
}

if (process.argv[1]?.endsWith('gen-docs.ts')) {
  writeFileSync(join(docs, 'rules.md'), renderRulesMd());
  writeFileSync(join(docs, 'disclosure.schema.json'), renderSchemaJson());
  writeFileSync(join(docs, 'data-format.md'), renderDataFormatMd());
  console.log('已生成 docs/rules.md、docs/disclosure.schema.json、docs/data-format.md');
}
