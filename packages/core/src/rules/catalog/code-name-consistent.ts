import { sameClassName } from '../../classification/catalogue.ts';
import { codeUses, FUNCTION_CODE_TABLES, rowLocation, type CodeUse } from '../code-checks.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const hasName = (u: CodeUse): boolean => u.row.name !== '';

export const rule: Rule = {
  id: 'code-name-consistent',
  title: '同一科目在各表中的名称应一致',
  severity: 'warning',
  category: 'codes',
  messages: {
    'names-differ': '科目「{code}」在各表中的名称不一致：{names}',
  },
  basis: '部门决算报表编制说明：各表科目按同一科目表列示',
  description:
    '同一个支出功能分类编码在表一至表五、表八、表九中写了不同的名称（忽略空格和全角、半角括号的差别）时提示核对。',
  check(ctx) {
    const uses = codeUses(ctx, FUNCTION_CODE_TABLES);
    let compared = 0;
    for (const [code, list] of uses) {
      const named = list.every(hasName) ? list : list.filter(hasName);
      if (named.length < 2) continue;
      compared++;
      ctx.ran();
      const first = named[0]!.row.name;
      if (named.every((u) => sameClassName(u.row.name, first))) continue;
      const groups: { name: string; uses: CodeUse[] }[] = [];
      for (const u of named) {
        const g = groups.find((x) => sameClassName(x.name, u.row.name));
        if (g) g.uses.push(u);
        else groups.push({ name: u.row.name, uses: [u] });
      }
      const text = groups
        .map((g) => `${g.uses.map((u) => TABLE_SPECS[u.table].number).join('、')}写作「${g.name}」`)
        .join('，');
      ctx.report({
        messageId: 'names-differ',
        data: { code, names: text },
        location: named.map((u) => rowLocation(u.table, u.row)),
        expected: groups[0]!.name,
        actual: groups
          .slice(1)
          .map((g) => g.name)
          .join('、'),
      });
    }
    if (compared === 0) ctx.notApplicable('没有在两张以上的表中都写了名称的科目');
  },
};
