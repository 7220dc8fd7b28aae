/** The import report as text for people (CLI output). */
import { TABLE_SPECS } from '../model/tables.ts';
import type { ImportReport } from './import.ts';

export function formatImportReport(r: ImportReport, options: { maxSkipped?: number } = {}): string {
  const lines: string[] = [];
  lines.push(`读取 ${r.files.join('、')}${r.layout === 'template' ? '（填报模板）' : ''}`);
  for (const t of r.tables)
    lines.push(
      `  ${t.name}：工作表「${t.sheet}」${r.layout === 'template' ? '' : ` ${t.cell}`}，${t.rows} 行，${t.cells} 个数（${t.unit}）`,
    );
  if (r.notFound.length > 0)
    lines.push(
      `  未找到：${r.notFound.map((id) => `${TABLE_SPECS[id].number} ${TABLE_SPECS[id].name}`).join('、')}（这些表在数据中视为未知）`,
    );
  const max = options.maxSkipped ?? 20;
  if (r.skipped.length > 0) {
    lines.push(`  跳过 ${r.skipped.length} 处：`);
    for (const s of r.skipped.slice(0, max))
      lines.push(`    工作表「${s.sheet}」${s.cell ?? ''}${s.text ? `「${s.text}」` : ''}：${s.reason}`);
    if (r.skipped.length > max) lines.push(`    …另有 ${r.skipped.length - max} 处`);
  }
  for (const w of r.warnings) lines.push(`  注意：${w}`);
  if (r.adjustments.length > 0) {
    lines.push(`  舍位平衡：调整 ${r.adjustments.length} 个数（各 0.01 万元）：`);
    for (const a of r.adjustments.slice(0, max))
      lines.push(`    ${a.path}：${a.rounded} → ${a.adjusted}（原数 ${a.exact}；${a.reason}）`);
    if (r.adjustments.length > max) lines.push(`    …另有 ${r.adjustments.length - max} 个`);
  }
  return lines.join('\n');
}
