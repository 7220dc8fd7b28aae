import { TABLE_SPECS, type TableId } from '../../model/tables.ts';
import type { Row } from '../../model/disclosure.ts';
import { rowLabel } from '../cells.ts';
import { rowLocation } from '../code-checks.ts';
import type { Rule } from '../types.ts';

const TABLES: readonly TableId[] = ['t2', 't3', 't5', 't8', 't9'];

export const rule: Rule = {
  id: 'code-parent-listed',
  title: '列出项时应同时列出其所属的款和类',
  severity: 'warning',
  category: 'codes',
  messages: {
    'parent-missing':
      '{table}缺少{level}「{parent}」行：其下的{children}已列出，表中其他科目逐级列示了类、款、项',
  },
  basis: '部门决算报表编制说明：按支出功能分类的表格逐级列示类、款、项',
  description:
    '表二、表三、表五、表八、表九列出类和款行时，每个项（和款）的上级款、类行也应列出；表中只列项、不列款（或不列类）时不检查该级。',
  check(ctx) {
    const d = ctx.d;
    const cat = ctx.catalogues.function;
    let checked = 0;
    for (const t of TABLES) {
      const table = d.tables[t];
      let hasClass = false;
      let hasSection = false;
      for (const r of table.rows) {
        if (r.level === '类') hasClass = true;
        else if (r.level === '款') hasSection = true;
      }
      if (!hasClass && !hasSection) continue;
      const missing = new Map<string, Row[]>();
      const need = (p: string, r: Row): void => {
        if (table.byKey.has(p)) return;
        const list = missing.get(p);
        if (list) list.push(r);
        else missing.set(p, [r]);
      };
      // Rows are listed under their parents: the last 类 and 款 seen are usually the row's own, which spares
      // cutting the parent's code out of the row's to look it up.
      let cls = '';
      let sec = '';
      for (const r of table.rows) {
        const code = r.code;
        if (code === undefined) continue;
        if (code.length === 3) {
          cls = code;
          continue;
        }
        checked++;
        ctx.ran();
        if (code.length === 7 && hasSection && !(sec !== '' && code.startsWith(sec)))
          need(code.slice(0, 5), r);
        if (hasClass && !(cls !== '' && code.startsWith(cls))) need(code.slice(0, 3), r);
        if (code.length === 5) sec = code;
      }
      for (const [p, children] of missing) {
        const level = p.length === 3 ? '类' : '款';
        const name = cat?.entries.get(p)?.name;
        const kids = children.map((r) => rowLabel(r, r.key)).join('、');
        ctx.report({
          messageId: 'parent-missing',
          data: {
            table: TABLE_SPECS[t].number,
            level,
            parent: `${p}${name ? ' ' + name : ''}`,
            children: kids,
          },
          location: children.map((r) => rowLocation(t, r)),
          expected: p,
        });
      }
    }
    if (checked === 0) ctx.notApplicable('表二、表三、表五、表八、表九没有逐级列示的科目行');
  },
};
