/**
 * Chongqing district, town and unit publications: "一、部门基本情况 / 二、部门（单位）决算情况说明 /
 * （一）收入支出决算总体情况说明 1.总体情况。2.收入情况。…", totals stated as "收入总计…，支出总计…。
 * 收支较上年决算数增加 x 万元、增长 y%", comparisons with 年初预算 beside those with last year,
 * "三公" with the counts in a sentence of their own, tables published as a separate attachment.
 */
import type { DocBuilder } from './doc.ts';
import { functionsText, glossary, itemKey, itemName, listNames, why } from './common.ts';
import { classesOf, generalItems, type Unit } from './model.ts';

export interface CqOptions {
  form: '部门' | '单位';
  work: 'dept' | 'town' | 'road';
  /** The town form opens the narrative with a 财政拨款 headline before （一）. */
  headline?: boolean;
  /** Title suffix: 决算情况说明 / 决算公开说明. */
  title?: string;
  /** Section headings end with a full stop ("（一）收入支出决算总体情况说明。"), as some units print them. */
  stop?: boolean;
}

export function layoutCq(d: DocBuilder, u: Unit, o: CqOptions): void {
  const y = u.year;
  const py = y - 1;
  const F = o.form;
  d.l(`${u.name}`, `${y}年度${o.title ?? '决算公开说明'}`);
  d.l(`一、${F}基本情况`, '（一）职能职责');
  for (const t of functionsText(o.work)) d.p(t);
  d.l('（二）机构设置');
  const nDiv = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  d.p(`本${F}内设${nDiv}机构，分别为${listNames(u.divisions)}。`);
  d.l('（三）单位构成');
  d.p(
    `从预算单位构成看，纳入本${F}${y}年度决算编制的为本级${o.work === 'town' ? '机关及所属事业站所' : ''}，无独立核算的二级预算单位。`,
  );
  d.l(`二、${F}决算情况说明`);
  if (o.headline) {
    const fi = d.f('t4.incomeTotal.total', '财政拨款收入', u.fiscal.incomeTotal);
    const fe = d.f('t4.expenditureTotal.total', '财政拨款支出', u.fiscal.expenditureTotal);
    d.p(
      `${y}年度财政拨款收入${fi}，较上年决算数${d.yoy(fi, u.fiscal.incomeTotal, u.prior.generalBudget, { style: 'cq' })}。` +
        `${y}年度财政拨款支出${fe}，与财政拨款收入的差额为年初、年末结转和结余的变动。`,
    );
  }
  const stop = o.stop ? '。' : '';
  d.l(`（一）收入支出决算总体情况说明${stop}`);
  const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
  const eg = d.f('t1.expenditureGrandTotal', '支出总计', u.expenditureGrandTotal);
  const yoyTotal = d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal, { style: 'cq' });
  d.p(
    `1.总体情况。${y}年度收入总计${ig}，支出总计${eg}。收支较上年决算数${yoyTotal}，主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  const it = d.f('t1.incomeTotal', '收入合计', u.incomeTotal);
  const fiscalIncome = u.generalBudget + u.governmentFund;
  const fin = d.f('t2.total.fiscal', '财政拨款收入', fiscalIncome);
  const inc: string[] = [
    `财政拨款收入${fin}，占${d.share(fin, fiscalIncome, u.incomeTotal, 't1.incomeTotal')}`,
  ];
  const incPart = (key: string, name: string, v: number) => {
    const f = d.f(key, name, v);
    inc.push(`${name}${f}，占${d.share(f, v, u.incomeTotal, 't1.incomeTotal')}`);
  };
  incPart('t1.superiorSubsidy', '上级补助收入', u.superiorSubsidy);
  incPart('t1.businessIncome', '事业收入', u.businessIncome);
  incPart('t1.operatingIncome', '经营收入', u.operatingIncome);
  incPart('t1.otherIncome', '其他收入', u.otherIncome);
  const oc = d.f('t1.openingCarryover', '年初结转和结余', u.openingCarryover);
  d.p(
    `2.收入情况。${y}年度收入合计${it}，较上年决算数${d.yoy(it, u.incomeTotal, u.prior.incomeTotal, { style: 'cq' })}，主要原因是${why(u.incomeTotal, u.prior.incomeTotal, y + 1)}。其中：${inc.join('；')}。此外，年初结转和结余${oc}。`,
  );
  const et = d.f('t1.expenditureTotal', '支出合计', u.expenditureTotal);
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const pj = d.f('t3.total.project', '项目支出', u.project);
  const op = d.f('t3.total.operating', '经营支出', u.operatingExp);
  d.p(
    `3.支出情况。${y}年度支出合计${et}，较上年决算数${d.yoy(et, u.expenditureTotal, u.prior.expenditureTotal, { style: 'cq' })}，主要原因是${why(u.expenditureTotal, u.prior.expenditureTotal, y + 2)}。` +
      `其中：基本支出${b}，占${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}，主要用于保障机构正常运转的人员经费和公用经费；` +
      `项目支出${pj}，占${d.share(pj, u.project, u.expenditureTotal, 't1.expenditureTotal')}，主要用于完成特定工作任务；` +
      `经营支出${op}，占${d.share(op, u.operatingExp, u.expenditureTotal, 't1.expenditureTotal')}。`,
  );
  const cc = d.f('t1.closingCarryover', '年末结转和结余', u.closingCarryover);
  d.p(
    `4.结转结余情况。${y}年度年末结转和结余${cc}，${u.closingCarryover === 0 ? '无结转结余资金' : '主要为跨年度实施的项目资金'}。`,
  );

  d.l(`（二）财政拨款收支决算总体情况说明${stop}`);
  const fg = d.f('t4.incomeGrandTotal.total', '财政拨款收支总计', u.fiscal.grand);
  d.p(
    `${y}年度财政拨款收支总计${fg}。与上年决算数相比，财政拨款收支总计${d.yoy(fg, u.fiscal.grand, u.fiscal.prior, { style: 'cq' })}，主要原因是${why(u.fiscal.grand, u.fiscal.prior, y + 3)}。` +
      `与年初预算数相比，财政拨款收支总计${d.vsBudget(fg, u.fiscal.grand, u.fiscal.budget, { style: 'cq' })}，主要原因是${why(u.fiscal.grand, u.fiscal.budget, y, true)}。`,
  );

  d.l(`（三）一般公共预算财政拨款支出决算情况说明${stop}`);
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', u.t5.total);
  d.p(
    `1.总体情况。${y}年度一般公共预算财政拨款支出${g}，较年初预算数${d.vsBudget(g, u.t5.total, u.t5.budget, { style: 'cq' })}，主要原因是${why(u.t5.total, u.t5.budget, y + 1, true)}；` +
      `较上年决算数${d.yoy(g, u.t5.total, u.t5.prior, { style: 'cq' })}，主要原因是${why(u.t5.total, u.t5.prior, y + 4)}。`,
  );
  const cls = classesOf(u);
  const parts = cls.map((c) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    return `${c.name}${f}，占${d.share(f, c.total, u.t5.total, 't5.total.total')}`;
  });
  d.p(`2.结构情况。${y}年度一般公共预算财政拨款支出中，${parts.join('；')}。`);
  d.p('3.具体情况。');
  generalItems(u).forEach((x, i) => {
    const amount = x.gBasic + x.gProject;
    const f = d.f(itemKey(x), itemName(x), amount);
    const cmp =
      x.budget === amount
        ? '与年初预算数持平'
        : `较年初预算数${d.vsBudget(f, amount, x.budget, { style: 'cq' })}，主要原因是${why(amount, x.budget, i, true)}`;
    d.p(`（${i + 1}）${itemName(x)}：${y}年度决算数为${f}，${cmp}。`);
  });

  d.l('（四）一般公共预算财政拨款基本支出决算情况说明');
  const gb = d.f('t5.total.basic', '一般公共预算财政拨款基本支出', u.t5.basic);
  const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
  const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
  d.p(
    `${y}年度一般公共预算财政拨款基本支出${gb}，其中：人员经费${pe}，主要包括${u.personnel.map((p) => p[1]).join('、')}；` +
      `公用经费${pu}，主要包括${u.publicItems.map((p) => p[1]).join('、')}。`,
  );

  d.l('（五）政府性基金预算收支决算情况说明');
  if (u.fundItem) {
    const fe = d.f('t8.total.expenditure', '政府性基金预算财政拨款支出', u.fundItem.fund);
    d.p(`${y}年度政府性基金预算财政拨款支出${fe}，主要用于${u.fundItem.xiang}。`);
  } else d.p(`本${F}${y}年度无政府性基金预算收支，政府性基金预算财政拨款收入支出决算表为空表。`);
  d.l('（六）国有资本经营预算收支决算情况说明');
  d.p(`本${F}${y}年度无国有资本经营预算收支，国有资本经营预算财政拨款支出决算表为空表。`);

  d.l('（七）“三公”经费情况说明');
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  const tpB = u.threePublic.budget;
  d.p(
    `1.“三公”经费支出总体情况。${y}年度“三公”经费支出共计${tp}，较年初预算数${d.vsBudget(tp, u.threePublic.final, tpB, { style: 'cq' })}，主要原因是${why(u.threePublic.final, tpB, y + 2, true)}；` +
      `较上年支出数${d.yoy(tp, u.threePublic.final, u.threePublic.prior, { style: 'cq' })}，主要原因是${why(u.threePublic.final, u.threePublic.prior, y)}。`,
  );
  const c = u.counts;
  const ag = d.c('threePublic.abroadGroups', '因公出国（境）团组数', c.abroadGroups, '个');
  const ap = d.c('threePublic.abroadPeople', '因公出国（境）人次', c.abroadPeople, '人次');
  const vp = d.c('threePublic.vehiclesPurchased', '公务用车购置数', c.vehiclesPurchased, '辆');
  const vh = d.c('threePublic.vehiclesHeld', '公务用车保有量', c.vehiclesHeld, '辆');
  const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', c.receptionBatches, '批次');
  const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', c.receptionPeople, '人次');
  d.p(
    `2.“三公”经费实物量情况。${y}年度本${F}因公出国（境）共计${ag}团组，${ap}；公务用车购置${vp}，公务用车保有量为${vh}；国内公务接待${rb}，${rp}。`,
  );
  const ab = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
  const vpf = d.f('threePublic.vehiclePurchase', '公务用车购置费', u.vehiclePurchase.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  d.p(
    `3.“三公”经费具体情况。因公出国（境）费${ab}，${u.abroad.final === 0 ? '本年无因公出国（境）任务' : `较上年${d.yoy(ab, u.abroad.final, u.abroad.prior, { style: 'cq' })}`}；` +
      `公务用车购置费${vpf}，${u.vehiclePurchase.final === 0 ? '本年未购置公务用车' : '用于更新一辆达到报废年限的执法车辆'}；` +
      `公务用车运行维护费${vo}，主要用于车辆燃油、维修、保险等，较上年${d.yoy(vo, u.vehicleOperation.final, u.vehicleOperation.prior, { style: 'cq' })}；` +
      `公务接待费${rc}，主要用于上级部门检查指导工作的接待，较上年${d.yoy(rc, u.reception.final, u.reception.prior, { style: 'cq' })}。`,
  );

  d.l('三、其他需要说明的事项');
  d.l('（一）机关运行经费情况');
  if (u.kind === '事业') d.p(`本${F}为事业单位，不涉及机关运行经费。`);
  else {
    const ac = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
    d.p(
      `本${F}${y}年度机关运行经费支出${ac}，较上年决算数${d.yoy(ac, u.adminCost.amount, u.adminCost.prior, { style: 'cq' })}，主要原因是${why(u.adminCost.amount, u.adminCost.prior, y + 5)}。`,
    );
  }
  d.l('（二）国有资产占用情况');
  const vt = d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  const vle = d.c(
    'assets.vehicles.byCategory.lawEnforcement',
    '执法执勤用车',
    u.assets.byCategory.lawEnforcement,
    '辆',
  );
  const vem = d.c(
    'assets.vehicles.byCategory.emergency',
    '应急保障用车',
    u.assets.byCategory.emergency,
    '辆',
  );
  const vot = d.c('assets.vehicles.byCategory.other', '其他用车', u.assets.byCategory.other, '辆');
  d.p(
    `截至${y}年12月31日，本${F}共有车辆${vt}，其中：执法执勤用车${vle}，应急保障用车${vem}，其他用车${vot}。单价100万元（含）以上设备0台（套）。`,
  );
  d.l('（三）政府采购支出情况');
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  const pg = d.f('procurement.goods', '政府采购货物支出', u.procurement.goods);
  const pw = d.f('procurement.works', '政府采购工程支出', u.procurement.works);
  const ps = d.f('procurement.services', '政府采购服务支出', u.procurement.services);
  const sme = d.f('procurement.sme', '授予中小企业合同金额', u.procurement.sme);
  const sm = d.f('procurement.smallMicro', '授予小微企业合同金额', u.procurement.smallMicro);
  d.p(
    `本${F}${y}年度政府采购支出总额${pt}，其中：政府采购货物支出${pg}，政府采购工程支出${pw}，政府采购服务支出${ps}。` +
      `授予中小企业合同金额${sme}，占政府采购支出总额的${d.share(sme, u.procurement.sme, u.procurement.total, 'procurement.total')}，` +
      `其中：授予小微企业合同金额${sm}，占政府采购支出总额的${d.share(sm, u.procurement.smallMicro, u.procurement.total, 'procurement.total')}。`,
  );
  d.l('（四）预算绩效情况');
  const np = d.c('performance.evaluatedProjects', '开展绩效自评项目数', u.performance.projects, '个');
  const pb = d.f('performance.budgetTotal', '全年预算数', u.performance.budget);
  const pe2 = d.f('performance.executedTotal', '全年执行数', u.performance.executed);
  d.p(`本${F}对${np}项目开展了绩效自评，涉及全年预算数${pb}，全年执行数${pe2}，自评结果均为良好以上。`);
  glossary(d, '四、专业名词解释');
  void py;
}
