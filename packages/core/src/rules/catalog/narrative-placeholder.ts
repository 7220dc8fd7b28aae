import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { sentenceLocation } from '../../audit/narrative-evidence.ts';

/** Holes left in a template (XX, ××, ……, （原因）, 【请填写…】) and the template's instructions to whoever fills it in. */
const PLACEHOLDER =
  /(?<![A-Za-z])X{2,}(?![A-Za-z])|×{2,}|…{2,}|\.{6,}|\((原因|单位名称|项目名称|制度名称)\)|【[^】\n]*(请填写|未提供|待补充|待填)[^】\n]*】|如持平作持平表述|不涉及的不列|按上述格式依次说明|作下述说明/g;
const INSTRUCTION = /如持平|不涉及|按上述格式|作下述说明/;

/**
 * A template's two wordings left side by side before a figure: 增加（减少）236.19 万元, 下降（增长）15.06%. The
 * template offers both directions to choose from; printed before an amount or rate, the reader cannot tell
 * which was meant. (A table heading such as 比上年增加（减少）额 has no figure after it.)
 */
const DIRECTION_WORD = '增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|超支|节约';
const ALTERNATIVE = new RegExp(`(${DIRECTION_WORD})\\((${DIRECTION_WORD})\\)(?=\\s*[-+]?\\d)`, 'g');

export const rule: DocumentRule = {
  id: 'narrative-placeholder',
  title: '无未替换的占位符（XX、××、……、（原因））和模板说明文字',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    hole: '文中留有未替换的占位符{found}，应填写实际内容',
    instruction: '文中留有模板的填写说明{found}，应删除或按实际情况填写',
    alternative: '文中留有模板的两种写法{found}，应只写实际的变动方向',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、完整；部门决算公开说明模板中的“XX”“（原因）”等须替换为实际内容，填写说明不应公开',
  description:
    '正文和表格中不得留有模板的占位符（XX、××、……、（原因）、【请填写…】、只有省略号的单元格），每句报告一次并列出其中的占位符；金额或比率前留着模板的两种写法（增加（减少）、下降（增长））报错误；留下的模板填写说明（“如持平作持平表述”“作下述说明”等）报警告。',
  checkDocument({ facts, report }) {
    const { reading } = facts;
    const { flow } = reading;
    const t = flow.text;
    // One finding per sentence, naming each placeholder in it.
    const bySentence = new Map<number, { index: number; found: string[] }>();
    for (const m of t.matchAll(PLACEHOLDER)) {
      let a = m.index;
      while (a > 0 && t[a - 1] !== '。' && t[a - 1] !== '\n') a--;
      const entry = bySentence.get(a) ?? { index: m.index, found: [] };
      if (!entry.found.includes(m[0])) entry.found.push(m[0]);
      bySentence.set(a, entry);
    }
    // A table cell left as "…" (a line of ellipses only).
    flow.lines.forEach((l, i) => {
      const start = flow.lineStart[i]!;
      if (start >= 0 && /^…+$/.test(l.norm) && ![...bySentence.values()].some((e) => e.index === start))
        bySentence.set(-1 - i, { index: start, found: [l.norm] });
    });
    const order = [NARRATIVE_PHASE.placeholder];
    for (const m of t.matchAll(ALTERNATIVE)) {
      if (m[1] === m[2]) continue;
      report({
        messageId: 'alternative',
        data: { found: `“${m[1]}（${m[2]}）”` },
        location: [sentenceLocation(reading, m.index)],
        expected: `“${m[1]}”或“${m[2]}”之一`,
        actual: `${m[1]}（${m[2]}）`,
        order,
      });
    }
    for (const { index, found } of [...bySentence.values()].sort((a, b) => a.index - b.index)) {
      const instructions = found.filter((x) => INSTRUCTION.test(x));
      const holes = found.filter((x) => !instructions.includes(x));
      const at = sentenceLocation(reading, index);
      if (holes.length > 0)
        report({
          messageId: 'hole',
          data: { found: holes.map((x) => `“${x}”`).join('、') },
          location: [at],
          expected: '实际内容',
          actual: holes.join(' '),
          order,
        });
      if (instructions.length > 0)
        report({
          messageId: 'instruction',
          data: { found: instructions.map((x) => `“${x}”`).join('、') },
          location: [at],
          expected: '删除模板说明',
          actual: instructions.join(' '),
          severity: 'warning',
          order,
        });
    }
  },
};
