/** Pieces several layouts share: invented functions, reasons, the glossary, 项 names. */
import type { Fen } from '../../../src/money/amount.ts';
import type { DocBuilder, Fig } from './doc.ts';
import type { Item, Unit } from './model.ts';

/** One reason for a change, chosen by a number so that documents differ. */
const REASONS_UP = [
  '人员工资调标及社会保险缴费基数调整，人员经费相应增加',
  '年中追加了专项业务经费',
  '新增基层治理项目，项目支出增加',
  '本年承接的上级委托任务增加',
  '在职人员增加，工资福利支出增加',
  '追加了防汛和安全生产相关资金',
];
const REASONS_DOWN = [
  '上年一次性项目本年未再安排',
  '落实过紧日子要求，压减了一般性支出',
  '部分项目经费改由其他渠道安排',
  '退休人员减少，相应的补助支出减少',
  '基建项目完工，项目支出减少',
  '本年未发生大额设备购置',
];
const REASONS_BUDGET_UP = [
  '年中追加了人员经费和专项资金',
  '年度中增加了上级转移支付项目',
  '年中调整预算，增加了乡村振兴项目资金',
];
const REASONS_BUDGET_DOWN = ['部分项目按进度结转下年执行', '厉行节约，严控支出', '部分政府采购项目结余'];

export function reason(up: boolean, n: number, budget = false): string {
  const pool = budget ? (up ? REASONS_BUDGET_UP : REASONS_BUDGET_DOWN) : up ? REASONS_UP : REASONS_DOWN;
  return pool[Math.abs(n) % pool.length]!;
}

/** The reason for a change between two amounts (none when equal). */
export function why(cur: Fen, base: Fen, n: number, budget = false): string {
  return reason(cur >= base, n, budget);
}

export function itemName(x: Item, style: 'paren' | 'slash' | 'plain' = 'paren'): string {
  if (style === 'slash') return `${x.lei}/${x.kuan}/${x.xiang}`;
  if (style === 'plain') return `${x.xiang}`;
  return `${x.lei}（类）${x.kuan}（款）${x.xiang}（项）`;
}

export function itemKey(x: Item, budget = false): string {
  return `t5.${x.code}.total${budget ? '.budget' : ''}`;
}

/** The divisions as a list ("办公室、财务科和业务科"). */
export function listNames(xs: readonly string[], and = '、'): string {
  if (xs.length <= 1) return xs.join('');
  return and === '、' ? xs.join('、') : `${xs.slice(0, -1).join('、')}${and}${xs.at(-1)}`;
}

export function glossary(d: DocBuilder, heading: string): void {
  d.l(heading);
  d.p('1.财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款和政府性基金预算财政拨款。');
  d.p('2.事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。');
  d.p('3.年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。');
  d.p('4.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。');
  d.p('5.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。');
  d.p('6.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。');
  d.p(
    '7.机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项公用经费。',
  );
}

/** Functions of a unit, by its kind of work: short, invented. */
export function functionsText(kind: string): string[] {
  switch (kind) {
    case 'town':
      return [
        '1.贯彻执行党和国家的方针政策及上级党委、政府的决定，制定本镇经济和社会发展规划并组织实施。',
        '2.负责本辖区的农业农村、乡村振兴、基层治理、社会事务和公共服务工作。',
        '3.负责辖区安全生产、应急管理、生态环境保护和综合行政执法的属地管理工作。',
        '4.完成上级党委、政府交办的其他任务。',
      ];
    case 'street':
      return [
        '1.加强街道党的建设，统筹辖区各类党组织开展工作。',
        '2.统筹辖区发展，组织实施与居民生活密切相关的公共服务。',
        '3.负责辖区城市管理、平安建设、社区治理和应急处置的综合协调。',
        '4.承办区委、区政府交办的其他事项。',
      ];
    case 'school':
      return ['承担辖区适龄儿童的教育教学工作，落实国家课程方案，开展教研和校园安全管理。'];
    case 'road':
      return [
        '1.承担辖区国省县乡道路的养护和路政管理事务。',
        '2.组织实施公路养护计划，负责公路应急抢通和安全管理。',
      ];
    default:
      return [
        '1.贯彻执行国家和上级有关法律法规和方针政策，拟订本行业的发展规划和政策措施并组织实施。',
        '2.负责本行业的监督管理、统计分析和信息发布工作。',
        '3.负责本部门的财务、资产和内部审计管理。',
        '4.完成上级交办的其他任务。',
      ];
  }
}

/** "占 x%" helper for a list of parts of one whole: "A万元，占x%". */
export function part(d: DocBuilder, fig: Fig, fen: Fen, whole: Fen, of: string, word = '占'): string {
  return `${fig}，${word}${d.share(fig, fen, whole, of)}`;
}

export function unitNameOf(u: Unit): string {
  return u.name;
}
