/** Audit reports for people: Chinese text for the terminal, one readable HTML page, a CSV summary of many files. */
import { findingPage, findingQuote } from '@juesuan/core/audit';
import type { AuditJson } from './audit-run.ts';

const SEV = { error: '错误', warning: '警告', info: '提示' } as const;
const STATUS = { read: '已读出', unreadable: '无法可靠读出', missing: '未找到', empty: '空表' } as const;

export function auditText(r: AuditJson): string {
  const out: string[] = [];
  out.push(
    `审查 ${r.file}：${r.unit ?? '（未识别单位）'} ${r.year ?? '（未识别年度）'} 年度决算公开（${r.kind.toUpperCase()}，${r.pages} 页）`,
  );
  out.push(
    `读出数字 ${r.figures.length} 个；报表：${r.tables.map((t) => `${t.id.toUpperCase()} ${STATUS[t.status]}`).join('，') || '未找到报表'}`,
  );
  out.push('');
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...r.findings].sort(
    (a, b) => order[a.severity] - order[b.severity] || (findingPage(a) ?? 0) - (findingPage(b) ?? 0),
  );
  for (const f of findings) {
    out.push(
      `[${SEV[f.severity]}] ${findingPage(f) !== undefined ? `第 ${findingPage(f)} 页 ` : ''}${f.message}  〔${f.rule}〕`,
    );
    const text = findingQuote(f);
    if (text) out.push(`    原文：“${text.length > 160 ? text.slice(0, 160) + '…' : text}”`);
    if (f.expected !== undefined || f.actual !== undefined)
      out.push(`    应为：${f.expected ?? '—'}；实为：${f.actual ?? '—'}`);
  }
  for (const t of r.tables.filter((x) => x.status === 'unreadable'))
    out.push(`[说明] ${t.id.toUpperCase()} ${t.title}：${t.reason ?? '无法可靠读出'}，未据此检查数字`);
  out.push('');
  out.push(`结论：错误 ${r.summary.error} 个，警告 ${r.summary.warning} 个，提示 ${r.summary.info} 个。`);
  return out.join('\n');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function auditHtml(results: readonly AuditJson[]): string {
  const body: string[] = [];
  for (const r of results) {
    body.push(
      `<section><h2>${esc(r.unit ?? r.file)} ${r.year ?? ''} 年度</h2><p class="meta">${esc(r.file)} · ${r.kind.toUpperCase()} · ${r.pages} 页 · 错误 ${r.summary.error} · 警告 ${r.summary.warning} · 提示 ${r.summary.info}</p>`,
    );
    body.push('<h3>发现</h3>');
    if (r.findings.length === 0) body.push('<p>未发现问题。</p>');
    else {
      body.push(
        '<table><thead><tr><th>级别</th><th>页</th><th>问题</th><th>原文</th><th>应为</th><th>实为</th><th>规则</th></tr></thead><tbody>',
      );
      for (const f of r.findings) {
        body.push(
          `<tr class="${f.severity}"><td>${SEV[f.severity]}</td><td>${findingPage(f) ?? ''}</td><td>${esc(f.message)}</td><td class="quote">${esc(findingQuote(f) ?? '')}</td><td>${esc(f.expected ?? '')}</td><td>${esc(f.actual ?? '')}</td><td><code>${esc(f.rule)}</code></td></tr>`,
        );
      }
      body.push('</tbody></table>');
    }
    body.push('<h3>报表</h3><ul>');
    for (const t of r.tables)
      body.push(
        `<li>${esc(t.id.toUpperCase())} ${esc(t.title)}：${STATUS[t.status]}${t.reason ? `（${esc(t.reason)}）` : ''}${t.pages.length ? `，第 ${t.pages.join('、')} 页` : ''}</li>`,
      );
    body.push('</ul>');
    body.push(
      `<details><summary>读出的数字（${r.figures.length} 个）</summary><table><thead><tr><th>名称</th><th>数值</th><th>单位</th><th>页</th><th>原文</th></tr></thead><tbody>`,
    );
    for (const f of r.figures)
      body.push(
        `<tr><td>${esc(f.name)}</td><td class="num">${esc(f.value)}</td><td>${esc(f.unit)}</td><td>${f.page}</td><td class="quote">${esc(f.text)}</td></tr>`,
      );
    body.push('</tbody></table></details></section>');
  }
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>决算公开审查报告</title>
<style>
body{font-family:'Noto Sans CJK SC','Microsoft YaHei',SimHei,sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{border-bottom:2px solid #8b0000;padding-bottom:.2em}table{border-collapse:collapse;width:100%;font-size:.92em;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}
td.quote{color:#444;font-family:FangSong,'Noto Serif CJK SC',serif}tr.error td:first-child{color:#b00;font-weight:bold}
tr.warning td:first-child{color:#b60}tr.info td:first-child{color:#06c}.meta{color:#666}
@media print{details{display:block}details>summary{display:none}}
</style></head><body><h1>决算公开审查报告</h1><p class="meta">由 Juesuan 生成。每个发现均注明页码、原文、应为与实为。</p>
${body.join('\n')}
</body></html>
`;
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface SummaryRow {
  file: string;
  unit?: string;
  year?: number;
  errors?: number;
  warnings?: number;
  infos?: number;
  figures?: number;
  tablesRead?: number;
  status: string;
}

export function summaryCsv(rows: readonly SummaryRow[]): string {
  const header = ['file', 'unit', 'year', 'errors', 'warnings', 'infos', 'figures', 'tables_read', 'status'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.file,
        r.unit ?? '',
        r.year?.toString() ?? '',
        r.errors?.toString() ?? '',
        r.warnings?.toString() ?? '',
        r.infos?.toString() ?? '',
        r.figures?.toString() ?? '',
        r.tablesRead?.toString() ?? '',
        r.status,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
