/**
 * The MoF template most provinces follow, with the regional variants seen in real publications:
 * parts 第一部分 概况 / 第二部分 决算表 / 第三部分 决算情况说明 / 第四部分 名词解释 (Hubei, Hunan,
 * Guangdong, Ningxia, Hebei, Shandong …), or the narrative first and the tables last as 第五部分 附表
 * (Sichuan); ten sections (一 收入支出总体 … 十 其他重要事项) or Hunan's fourteen (九 "三公", 十 机关
 * 运行经费, 十一 一般性支出, 十二 政府采购 …); totals worded "收入总计 x，其中：…" or paired
 * "收、支总计各 x" / "收、支总计均为 x" / "本年收入、本年支出合计各是 a、b"; 项 worded with last year,
 * with the budget ("年初预算为 a，支出决算为 b，完成年初预算的 c%"), or both in one sentence.
 */
import type { Fen } from '../../../src/money/amount.ts';
import type { DocBuilder, Fig } from './doc.ts';
import { functionsText, glossary, itemKey, itemName, listNames, why } from './common.ts';
import { classesOf, generalItems, type Unit } from './model.ts';
import { cn, printTable, type RenderTableOptions, type TableForm } from './tables.ts';

export interface StdOptions {
  form: '部门' | '单位';
  work: 'dept' | 'town' | 'street' | 'school';
  /** zj: 一、概况 / 二、决算公开表 / 三、决算情况说明 with the sections as （一）…（十三）(Zhejiang). */
  parts: 'mof' | 'sichuan' | 'colon' | 'zj';
  sections: 'mof10' | 'hunan14';
  overview: 'seed' | 'pair' | 'equal' | 'pairDiff';
  /** How the comparison with last year is introduced. */
  compare: '与上年相比' | '较上年' | '比上年';
  items: 'seed' | 'budget' | 'both';
  threePublic: 'seed' | 'central';
  /** Print the tables (form) or only list them. */
  tables?: TableForm;
  tableUnit?: '万元' | '元';
  tableZero?: string;
  /** Tables left out of the document (a "required table absent" case). */
  omitTables?: readonly string[];
  toc?: boolean;
  /** Page breaks between parts and sections (a PDF-like document). */
  pages?: boolean;
  /** Heading of the profile part names the unit ("第一部分 XX概况"). */
  namedParts?: boolean;
  staffSentence?: boolean;
  /** "三公" budget compared with last year's budget ("与上年预算相比"). */
  priorBudget?: boolean;
}

const TABLE_ORDER_MOF = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
const TABLE_ORDER_HUNAN = ['t1', 't2', 't3', 't4', 't5', 't6', 't8', 't9', 't7'];

export function layoutStd(d: DocBuilder, u: Unit, o: StdOptions): void {
  const y = u.year;
  const py = y - 1;
  const F = o.form;
  const self = `本${F}`;
  const cmp = o.compare;
  const yo = (fig: Fig | undefined, cur: Fen, prior: Fen) => d.yoy(fig, cur, prior);
  const order = o.sections === 'hunan14' ? TABLE_ORDER_HUNAN : TABLE_ORDER_MOF;
  const tableTitle = (id: string) =>
    id === 't6' && o.sections === 'hunan14' ? '一般公共预算财政拨款基本支出决算明细表' : undefined;
  const TITLES: Record<string, string> = {
    t1: '收入支出决算总表',
    t2: '收入决算表',
    t3: '支出决算表',
    t4: '财政拨款收入支出决算总表',
    t5: '一般公共预算财政拨款支出决算表',
    t6: tableTitle('t6') ?? '一般公共预算财政拨款基本支出决算表',
    t7:
      o.sections === 'hunan14' ? '财政拨款“三公”经费支出决算表' : '一般公共预算财政拨款“三公”经费支出决算表',
    t8: '政府性基金预算财政拨款收入支出决算表',
    t9: '国有资本经营预算财政拨款支出决算表',
  };
  const tablesListed = order.filter((t) => !(o.omitTables ?? []).includes(t));
  const colon = o.parts === 'colon' ? '：' : ' ';
  const zj = o.parts === 'zj';
  const partNo: Record<string, string> = { 一: '一', 二: '二', 三: '三', 四: '四', 五: '五' };
  const partHead = (n: string, title: string) =>
    zj ? `${partNo[n]}、${title}` : `第${n}部分${colon}${title}`;
  const sub = (i: number, t: string) => (zj ? `${i + 1}.${t}` : `（${cn(i)}）${t}`);
  const narrativeTitle = `${y}年度${F}决算情况说明`;
  const profileTitle = zj
    ? '概况'
    : o.namedParts
      ? `${u.name}概况`
      : o.form === '单位'
        ? '单位概况'
        : '部门概况';
  const tablesTitle = `${y}年度${F}决算表`;
  const sectionTitles =
    o.sections === 'hunan14'
      ? [
          '收入支出决算总体情况说明',
          '收入决算情况说明',
          '支出决算情况说明',
          '财政拨款收入支出决算总体情况说明',
          '一般公共预算财政拨款支出决算情况说明',
          '一般公共预算财政拨款基本支出决算情况说明',
          '政府性基金预算收入支出决算情况',
          '国有资本经营预算财政拨款支出决算情况',
          '财政拨款“三公”经费支出决算情况说明',
          '机关运行经费支出说明',
          '一般性支出情况说明',
          '政府采购支出说明',
          '国有资产占用情况说明',
          `${y}年度预算绩效情况的说明`,
        ]
      : [
          '收入支出决算总体情况说明',
          '收入决算情况说明',
          '支出决算情况说明',
          '财政拨款收入支出决算总体情况说明',
          '一般公共预算财政拨款支出决算情况说明',
          '一般公共预算财政拨款基本支出决算情况说明',
          '财政拨款“三公”经费支出决算情况说明',
          '政府性基金预算财政拨款收入支出决算情况说明',
          '国有资本经营预算财政拨款收入支出决算情况说明',
          '其他重要事项的情况说明',
        ];
  const pb = () => {
    if (o.pages) d.page();
  };

  // Title and table of contents.
  d.l(`${u.name}`, `${y}年度${F}决算公开`);
  const partsOrder =
    o.parts === 'sichuan'
      ? [profileTitle, narrativeTitle, '名词解释', '附件', '附表']
      : [profileTitle, tablesTitle, narrativeTitle, '名词解释'];
  if (o.toc) {
    d.l('目  录');
    partsOrder.forEach((p, i) => {
      d.l(partHead(cn(i), p));
      if (p === narrativeTitle) sectionTitles.forEach((s, j) => d.l(`${cn(j)}、${s}`));
      if (p === tablesTitle || p === '附表') tablesListed.forEach((t, j) => d.l(`${cn(j)}、${TITLES[t]}`));
    });
  }
  pb();

  // 第一部分 概况
  d.l(partHead('一', profileTitle));
  d.l(zj ? '（一）部门职责' : `一、${o.form === '单位' ? '主要职责' : '部门职责'}`);
  for (const t of functionsText(o.work)) d.p(t);
  d.l(zj ? '（二）机构设置' : '二、机构设置');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  const kindText = { 行政: '行政单位', 参公: '参照公务员法管理的事业单位', 事业: '公益一类事业单位' }[u.kind];
  d.p(
    `${self}为${kindText}，下设${nd}内设机构，分别是：${listNames(u.divisions)}。${self}决算为本级决算，无下属预算单位。`,
  );
  if (o.staffSentence !== false) {
    const s = u.staff;
    const au = d.c('unit.staff.authorised', '编制数', s.authorised, '人');
    const ac = d.c('unit.staff.actual', '实有人数', s.actual, '人');
    const aa = d.c('unit.staff.active', '在职人员', s.active, '人');
    const rc = d.c('unit.staff.retiredCadre', '离休人员', s.retiredCadre, '人');
    const rt = d.c('unit.staff.retired', '退休人员', s.retired, '人');
    d.p(
      `截至${y}年末，${self}核定编制${au}，实有人数${ac}，其中：在职人员${aa}，离休人员${rc}，退休人员${rt}。`,
    );
  }
  pb();

  const tablesPart = (n: string, title: string) => {
    d.l(partHead(n, title));
    if (!o.tables) {
      tablesListed.forEach((t, j) => d.l(`${cn(j)}、${TITLES[t]}`));
      d.l('（报表详见附件）');
      return;
    }
    tablesListed.forEach((t, j) => {
      const opts: RenderTableOptions = {
        form: o.tables!,
        label: `${cn(j)}、`,
        unit: o.tableUnit ?? '万元',
        unitName: u.name,
        year: y,
        title: TITLES[t]!,
      };
      if (o.tableZero !== undefined) opts.zero = o.tableZero;
      printTable(d, u, t, opts);
      pb();
    });
  };
  if (o.parts !== 'sichuan') {
    tablesPart('二', tablesTitle);
    pb();
  }

  // 决算情况说明
  d.l(partHead(o.parts === 'sichuan' ? '二' : '三', narrativeTitle));
  const sec = (i: number) => d.l(zj ? `（${cn(i)}）${sectionTitles[i]}` : `${cn(i)}、${sectionTitles[i]}`);

  // 一 收入支出总体
  sec(0);
  const reasonTotal = why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y);
  if (o.overview === 'seed') {
    const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
    const it = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
    const un = d.f('t1.useOfNonFiscalBalance', '使用非财政拨款结余', u.useOfNonFiscalBalance);
    const oc = d.f('t1.openingCarryover', '年初结转和结余', u.openingCarryover);
    d.p(
      `${y}年度收入总计${ig}，其中：本年收入合计${it}，使用非财政拨款结余${un}，年初结转和结余${oc}。收入总计${cmp}，${yo(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}，主要原因是：${reasonTotal}。`,
    );
    const eg = d.f('t1.expenditureGrandTotal', '支出总计', u.expenditureGrandTotal);
    const et = d.f('t1.expenditureTotal', '本年支出合计', u.expenditureTotal);
    const sd = d.f('t1.surplusDistribution', '结余分配', u.surplusDistribution);
    const cc = d.f('t1.closingCarryover', '年末结转和结余', u.closingCarryover);
    d.p(
      `${y}年度支出总计${eg}，其中：本年支出合计${et}，结余分配${sd}，年末结转和结余${cc}。支出总计${cmp}，${yo(eg, u.expenditureGrandTotal, u.prior.incomeGrandTotal)}，主要原因是：${reasonTotal}。`,
    );
  } else if (o.overview === 'pair' || o.overview === 'equal') {
    const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
    const eg = d.f('t1.expenditureGrandTotal', '支出总计', u.expenditureGrandTotal);
    const ch = d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal);
    d.yoy(eg, u.expenditureGrandTotal, u.prior.incomeGrandTotal);
    const word = o.overview === 'pair' ? '各' : '均为';
    d.p(`${y}年度收、支总计${word}${ig}。与${py}年度相比，收、支总计各${ch}，主要原因是${reasonTotal}。`);
  } else {
    // 本年收入、本年支出合计各是 a、b; changes paired the same way.
    const it = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
    const et = d.f('t1.expenditureTotal', '本年支出合计', u.expenditureTotal);
    const pi = u.prior.incomeTotal;
    const pe = u.prior.expenditureTotal;
    const up = (c: Fen, p: Fen) => (c >= p ? '增加' : '减少');
    const upr = (c: Fen, p: Fen) => (c >= p ? '增长' : '下降');
    const di = Math.abs(u.incomeTotal - pi);
    const de = Math.abs(u.expenditureTotal - pe);
    const ri = d.pct(di, pi);
    const re = d.pct(de, pe);
    it.changes.push({ against: 'prior', direction: up(u.incomeTotal, pi), amount: d.n(di), rate: ri });
    et.changes.push({ against: 'prior', direction: up(u.expenditureTotal, pe), amount: d.n(de), rate: re });
    const same = up(u.incomeTotal, pi) === up(u.expenditureTotal, pe);
    const chg = same
      ? `各${up(u.incomeTotal, pi)}${d.n(di)}、${d.n(de)}${d.sep}万元，各${upr(u.incomeTotal, pi)}${ri}、${re}`
      : `分别${up(u.incomeTotal, pi)}${d.a(di)}、${up(u.expenditureTotal, pe)}${d.a(de)}，分别${upr(u.incomeTotal, pi)}${ri}、${upr(u.expenditureTotal, pe)}${re}`;
    d.p(
      `${y}年度本年收入、本年支出合计各是${it.n}、${et.n}${d.sep}万元。与${py}年相比，本年收入、本年支出合计${chg}。主要变动原因是${reasonTotal}。`,
    );
  }
  pb();

  // 二 收入
  sec(1);
  {
    const it = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
    const parts: string[] = [];
    const add = (key: string, name: string, v: Fen) => {
      const f = d.f(key, name, v);
      parts.push(`${name}${f}，占${d.share(f, v, u.incomeTotal, 't1.incomeTotal')}`);
    };
    add('t1.generalBudget', '一般公共预算财政拨款收入', u.generalBudget);
    add('t1.governmentFund', '政府性基金预算财政拨款收入', u.governmentFund);
    add('t1.stateCapital', '国有资本经营预算财政拨款收入', u.stateCapital);
    add('t1.superiorSubsidy', '上级补助收入', u.superiorSubsidy);
    add('t1.businessIncome', '事业收入', u.businessIncome);
    add('t1.operatingIncome', '经营收入', u.operatingIncome);
    add('t1.subsidiaryRemittance', '附属单位上缴收入', u.subsidiaryRemittance);
    add('t1.otherIncome', '其他收入', u.otherIncome);
    d.p(`${y}年度本年收入合计${it}，其中：${parts.join('；')}。`);
  }
  // 三 支出
  sec(2);
  {
    const et = d.f('t1.expenditureTotal', '本年支出合计', u.expenditureTotal);
    const parts: string[] = [];
    const add = (key: string, name: string, v: Fen) => {
      const f = d.f(key, name, v);
      parts.push(`${name}${f}，占${d.share(f, v, u.expenditureTotal, 't1.expenditureTotal')}`);
    };
    add('t3.total.basic', '基本支出', u.basic);
    add('t3.total.project', '项目支出', u.project);
    add('t3.total.remittance', '上缴上级支出', u.remittance);
    add('t3.total.operating', '经营支出', u.operatingExp);
    add('t3.total.subsidiaryGrant', '对附属单位补助支出', u.subsidiaryGrant);
    d.p(`${y}年度本年支出合计${et}，其中：${parts.join('；')}。`);
  }
  pb();

  // 四 财政拨款收支总体
  sec(3);
  {
    const f = u.fiscal;
    const fg = d.f('t4.incomeGrandTotal.total', '财政拨款收入总计', f.grand);
    const op = d.f('t4.openingCarryover.total', '年初财政拨款结转和结余', f.opening);
    const fi = d.f('t4.incomeTotal.total', '财政拨款本年收入', f.incomeTotal);
    d.p(
      `${y}年度财政拨款收入总计${fg}，其中：年初财政拨款结转和结余${op}，财政拨款本年收入${fi}。财政拨款收入总计${cmp}，${yo(fg, f.grand, f.prior)}，主要原因是：${why(f.grand, f.prior, y + 1)}。`,
    );
    const fe = d.f('t4.expenditureGrandTotal.total', '财政拨款支出总计', f.grand);
    const cl = d.f('t4.closingCarryover.total', '年末财政拨款结转和结余', f.closing);
    const fx = d.f('t4.expenditureTotal.total', '财政拨款本年支出', f.expenditureTotal);
    d.p(
      `财政拨款支出总计${fe}，其中：财政拨款本年支出${fx}，年末财政拨款结转和结余${cl}。财政拨款支出总计${cmp}，${yo(fe, f.grand, f.prior)}，主要原因是：${why(f.grand, f.prior, y + 1)}。`,
    );
    const bg = d.f('t4.incomeGrandTotal.total.budget', '财政拨款收入总计年初预算数', f.budget);
    const fg2 = d.f('t4.incomeGrandTotal.total', '财政拨款收入总计', f.grand);
    d.p(
      `与年初预算相比：财政拨款收入支出总计年初预算数${bg}，决算数${fg2}，预决算差异率${d.variance(fg2, f.grand, f.budget, f.budget)}，主要原因是：${why(f.grand, f.budget, y, true)}。`,
    );
  }
  pb();

  // 五 一般公共预算财政拨款支出
  sec(4);
  const t5 = u.t5;
  d.l(sub(0, '一般公共预算财政拨款支出决算总体情况'));
  {
    const g = d.f('t5.total.total', '一般公共预算财政拨款支出', t5.total);
    d.p(
      `${y}年度一般公共预算财政拨款支出${g}，占本年支出合计的${d.share(g, t5.total, u.expenditureTotal, 't1.expenditureTotal')}。${cmp}，${yo(g, t5.total, t5.prior)}，主要原因是：${why(t5.total, t5.prior, y + 2)}。`,
    );
  }
  d.l(sub(1, '一般公共预算财政拨款支出决算结构情况'));
  {
    const parts = classesOf(u).map((c) => {
      const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
      return `${c.name}（类）${f}，占${d.share(f, c.total, t5.total, 't5.total.total')}`;
    });
    const g = d.f('t5.total.total', '一般公共预算财政拨款支出', t5.total);
    d.p(`${y}年度一般公共预算财政拨款支出${g}，主要用于以下方面：${parts.join('；')}。`);
  }
  d.l(sub(2, '一般公共预算财政拨款支出决算具体情况'));
  if (o.items !== 'seed') {
    const b = d.f('t5.total.total.budget', '一般公共预算财政拨款支出年初预算数', t5.budget);
    const g = d.f('t5.total.total', '一般公共预算财政拨款支出', t5.total);
    d.p(
      `${y}年度一般公共预算财政拨款支出年初预算为${b}，支出决算为${g}，完成年初预算的${d.completion(g, t5.total, t5.budget, t5.budget)}。其中：`,
    );
  }
  generalItems(u).forEach((x, i) => {
    const amount = x.gBasic + x.gProject;
    const name = itemName(x);
    if (o.items === 'seed') {
      const f = d.f(itemKey(x), name, amount);
      const ch =
        x.prior === 0
          ? `上年无此项支出，主要原因是：${why(1, 0, i)}`
          : `比上年决算${yo(f, amount, x.prior)}，主要原因是：${why(amount, x.prior, i)}`;
      d.p(`${i + 1}.${name}：支出决算数为${f}，${ch}。`);
      return;
    }
    const b = d.f(itemKey(x, true), `${name}年初预算数`, x.budget);
    const f = d.f(itemKey(x), name, amount);
    const comp = d.completion(f, amount, x.budget, x.budget);
    const diff =
      amount === x.budget
        ? '决算数与年初预算数持平'
        : `决算数${amount > x.budget ? '大于' : '小于'}年初预算数的主要原因是：${why(amount, x.budget, i, true)}`;
    if (o.items === 'budget') {
      d.p(`${i + 1}.${name}。年初预算为${b}，支出决算为${f}，完成年初预算的${comp}。${diff}。`);
    } else {
      const ch = x.prior === 0 ? '上年无此项支出' : `与上年相比${yo(f, amount, x.prior)}`;
      d.p(`${i + 1}.${name}。年初预算为${b}，支出决算为${f}，完成年初预算的${comp}；${ch}。${diff}。`);
    }
  });
  pb();

  // 六 基本支出
  sec(5);
  {
    const gb = d.f('t5.total.basic', '一般公共预算财政拨款基本支出', t5.basic);
    const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
    const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
    d.p(
      `${y}年度一般公共预算财政拨款基本支出${gb}，其中：人员经费${pe}，主要包括：${u.personnel.map((p) => p[1]).join('、')}；公用经费${pu}，主要包括：${u.publicItems.map((p) => p[1]).join('、')}。`,
    );
  }
  pb();

  const fundSection = (i: number) => {
    sec(i);
    if (u.fundItem) {
      const fi = d.f('t8.total.income', '政府性基金预算财政拨款收入', u.governmentFund);
      const fe = d.f('t8.total.expenditure', '政府性基金预算财政拨款支出', u.fundItem.fund);
      d.p(`${y}年度政府性基金预算财政拨款收入${fi}，支出${fe}，主要用于${u.fundItem.xiang}。`);
    } else
      d.p(
        `${self}${y}年度无政府性基金预算财政拨款收入、支出及结转和结余，故政府性基金预算财政拨款收入支出决算表为空表。`,
      );
  };
  const capitalSection = (i: number) => {
    sec(i);
    d.p(`${self}${y}年度无国有资本经营预算财政拨款支出，故国有资本经营预算财政拨款支出决算表为空表。`);
  };
  const threePublicSection = (i: number) => {
    sec(i);
    const tp = u.threePublic;
    if (o.threePublic === 'central') {
      const b = d.f('threePublic.total.annualBudget', '“三公”经费全年预算数', tp.budget);
      const f = d.f('threePublic.total', '“三公”经费', tp.final);
      const c = d.completion(f, tp.final, tp.budget, tp.budget);
      d.p(
        `（一）“三公”经费财政拨款支出决算总体情况说明。${y}年度“三公”经费财政拨款支出全年预算为${b}，支出决算为${f}，完成全年预算的${c}。决算数小于全年预算数的主要原因是：厉行节约，严控“三公”经费支出。`,
      );
    } else {
      const f = d.f('threePublic.total', '“三公”经费', tp.final);
      d.p(
        `（一）“三公”经费财政拨款支出决算总体情况说明。${y}年度“三公”经费财政拨款支出决算为${f}，${cmp}，${yo(f, tp.final, tp.prior)}，主要原因是：${why(tp.final, tp.prior, y + 3)}。`,
      );
      if (o.priorBudget) {
        const priorBudget = Math.round((tp.budget * 1.07) / 100) * 100;
        const b = d.f('threePublic.total.budget', '“三公”经费年初预算数', tp.budget);
        const ch = d.yoy(b, tp.budget, priorBudget, { against: 'priorBudget' });
        d.p(
          `${y}年度“三公”经费年初预算为${b}，与上年预算相比${ch}，主要原因是按照过紧日子要求压减了公务接待预算。`,
        );
      }
    }
    const ab = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
    const vh = d.f('threePublic.vehicle', '公务用车购置及运行维护费', u.vehicle.final);
    const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
    d.p(
      `（二）“三公”经费财政拨款支出决算具体情况说明。${y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${ab}，占${d.share(ab, u.abroad.final, tp.final, 'threePublic.total')}；` +
        `公务用车购置及运行维护费支出决算${vh}，占${d.share(vh, u.vehicle.final, tp.final, 'threePublic.total')}；` +
        `公务接待费支出决算${rc}，占${d.share(rc, u.reception.final, tp.final, 'threePublic.total')}。具体情况如下：`,
    );
    const c = u.counts;
    const ab2 = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
    const ag = d.c('threePublic.abroadGroups', '因公出国（境）团组数', c.abroadGroups, '个');
    const ap = d.c('threePublic.abroadPeople', '因公出国（境）人次', c.abroadPeople, '人次');
    d.p(`1.因公出国（境）经费支出${ab2}，全年安排因公出国（境）团组${ag}，累计${ap}。`);
    const vp = d.f('threePublic.vehiclePurchase', '公务用车购置费', u.vehiclePurchase.final);
    const vn = d.c('threePublic.vehiclesPurchased', '公务用车购置数', c.vehiclesPurchased, '辆');
    d.p(`2.公务用车购置费${vp}，${y}年度公务用车购置数${vn}。`);
    const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
    const vhn = d.c('threePublic.vehiclesHeld', '公务用车保有量', c.vehiclesHeld, '辆');
    d.p(
      `3.公务用车运行维护费${vo}，主要用于公务用车燃料费、维修费、过路过桥费、保险费等支出，截至${y}年12月31日，公务用车保有量为${vhn}。`,
    );
    const rc2 = d.f('threePublic.reception', '公务接待费', u.reception.final);
    const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', c.receptionBatches, '批次');
    const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', c.receptionPeople, '人次');
    d.p(`4.公务接待费${rc2}，国内公务接待${rb}，${rp}，主要用于接待上级部门来访和调研。`);
  };
  const adminSection = (head: string | undefined) => {
    if (head) d.l(head);
    if (u.kind === '事业') {
      d.p(`${self}为事业单位，不涉及机关运行经费。`);
      return;
    }
    const ac = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
    d.p(
      `${y}年度${self}机关运行经费支出${ac}，${cmp}${yo(ac, u.adminCost.amount, u.adminCost.prior)}，主要原因是：${why(u.adminCost.amount, u.adminCost.prior, y + 4)}。`,
    );
  };
  const procurementSection = (head: string | undefined) => {
    if (head) d.l(head);
    const p = u.procurement;
    const pt = d.f('procurement.total', '政府采购支出总额', p.total);
    const pg = d.f('procurement.goods', '政府采购货物支出', p.goods);
    const pw = d.f('procurement.works', '政府采购工程支出', p.works);
    const ps = d.f('procurement.services', '政府采购服务支出', p.services);
    const sme = d.f('procurement.sme', '授予中小企业合同金额', p.sme);
    const sm = d.f('procurement.smallMicro', '授予小微企业合同金额', p.smallMicro);
    d.p(
      `${y}年度${self}政府采购支出总额${pt}，其中：政府采购货物支出${pg}、政府采购工程支出${pw}、政府采购服务支出${ps}。授予中小企业合同金额${sme}，占政府采购支出总额的${d.share(sme, p.sme, p.total, 'procurement.total')}，其中：授予小微企业合同金额${sm}，占政府采购支出总额的${d.share(sm, p.smallMicro, p.total, 'procurement.total')}。`,
    );
  };
  const assetsSection = (head: string | undefined) => {
    if (head) d.l(head);
    const a = u.assets;
    const fa = d.f('assets.fixedAssetsOriginal', '固定资产原值', a.fixedAssetsOriginal);
    const vt = d.c('assets.vehicles.total', '车辆', a.vehicles, '辆');
    const pr = d.c('assets.vehicles.byCategory.principal', '主要领导干部用车', a.byCategory.principal, '辆');
    const le = d.c(
      'assets.vehicles.byCategory.lawEnforcement',
      '执法执勤用车',
      a.byCategory.lawEnforcement,
      '辆',
    );
    const em = d.c('assets.vehicles.byCategory.emergency', '应急保障用车', a.byCategory.emergency, '辆');
    const ot = d.c('assets.vehicles.byCategory.other', '其他用车', a.byCategory.other, '辆');
    d.p(
      `截至${y}年12月31日，${self}固定资产原值${fa}，共有车辆${vt}，其中，主要领导干部用车${pr}、执法执勤用车${le}、应急保障用车${em}、其他用车${ot}；单价100万元（含）以上设备0台（套）。`,
    );
  };
  const performanceSection = (head: string | undefined) => {
    if (head) d.l(head);
    const n = d.c('performance.evaluatedProjects', '开展绩效自评项目数', u.performance.projects, '个');
    const b = d.f('performance.budgetTotal', '全年预算数', u.performance.budget);
    const e = d.f('performance.executedTotal', '全年执行数', u.performance.executed);
    d.p(
      `${y}年度${self}对${n}项目开展了绩效自评，涉及全年预算数${b}，全年执行数${e}。从评价情况看，项目均较好地完成了年度绩效目标。`,
    );
  };

  if (o.sections === 'hunan14') {
    fundSection(6);
    capitalSection(7);
    threePublicSection(8);
    sec(9);
    adminSection(undefined);
    sec(10);
    const m = u.meeting;
    const t = u.training;
    const mf = d.f('generalExpense.meeting', '会议费', m.final, { proposed: true });
    const mc = d.c('generalExpense.meetingCount', '举办会议次数', m.count, '次', { proposed: true });
    const mp = d.c('generalExpense.meetingPeople', '参会人次', m.people, '人次', { proposed: true });
    const tf = d.f('generalExpense.training', '培训费', t.final, { proposed: true });
    const tc = d.c('generalExpense.trainingCount', '举办培训期数', t.count, '期', { proposed: true });
    const tpn = d.c('generalExpense.trainingPeople', '参训人次', t.people, '人次', { proposed: true });
    d.p(
      `${y}年度${self}会议费支出${mf}，用于召开全系统工作会议等，举办会议${mc}，参会${mp}；培训费支出${tf}，用于业务能力培训，开展培训${tc}，参训${tpn}。`,
    );
    sec(11);
    procurementSection(undefined);
    sec(12);
    assetsSection(undefined);
    sec(13);
    performanceSection(undefined);
  } else {
    threePublicSection(6);
    fundSection(7);
    capitalSection(8);
    sec(9);
    adminSection(sub(0, '机关运行经费支出情况'));
    procurementSection(sub(1, '政府采购支出情况'));
    assetsSection(sub(2, '国有资产占用情况'));
    performanceSection(sub(3, '预算绩效管理情况'));
  }
  pb();
  glossary(d, partHead(o.parts === 'sichuan' ? '三' : '四', '名词解释'));
  if (o.parts === 'sichuan') {
    pb();
    d.l(partHead('四', '附件'));
    d.p('项目支出绩效自评表另行公开。');
    pb();
    tablesPart('五', '附表');
  }
}
