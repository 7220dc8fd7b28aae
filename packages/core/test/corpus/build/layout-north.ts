/**
 * Layouts of Shanxi (机关决算: one section "决算数据变动情况及原因" holding all the figures, then
 * "“三公”经费决算增减变动情况说明", "机关运行经费增减变动原因说明" …), Beijing (第一部分 报表 "详见附件" /
 * 第二部分 部门决算说明 with the unit's basic facts inside it and thousands separators in the text /
 * 第三部分 其他重要事项, where "三公" sits) and Shaanxi (“三公”经费、培训费及会议费 in one section).
 */
import type { DocBuilder } from './doc.ts';
import { functionsText, glossary, listNames, why } from './common.ts';
import { classesOf, type Unit } from './model.ts';
import { cn, printTable } from './tables.ts';

/** Shanxi street office / town: 第三部分 机关决算情况说明 with seven short sections. */
export function layoutSx(
  d: DocBuilder,
  u: Unit,
  o: { work: 'street' | 'town'; omit?: readonly string[] },
): void {
  const y = u.year;
  const tables = [
    ['t1', '收入支出决算总表'],
    ['t2', '收入决算表'],
    ['t3', '支出决算表'],
    ['t4', '财政拨款收入支出决算总表'],
    ['t5', '一般公共预算财政拨款支出决算表（一）'],
    ['t6', '一般公共预算财政拨款支出决算表（二）'],
    ['t7', '一般公共预算财政拨款“三公”经费支出决算表'],
    ['t8', '政府性基金预算财政拨款收入支出决算表'],
    ['t9', '国有资本经营预算财政拨款支出决算表'],
    ['x', '决算公开相关信息统计表'],
  ].filter(([id]) => !(o.omit ?? []).includes(id!));
  d.l(`${u.name}${y}年度部门决算`);
  d.l(`${u.name}`, `${y}年部门决算及“三公”经费信息`, '公开说明');
  d.p(
    `根据预算法和本区关于做好预决算和“三公”经费信息公开工作的要求，现将${u.name}${y}年度部门决算公开如下。`,
  );
  d.l('第一部分 概况', '一、本部门职责');
  for (const t of functionsText(o.work)) d.p(t);
  d.l('二、机构设置情况');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  d.p(`我部门共有${nd}内设机构，即${listNames(u.divisions)}。`);
  d.page();
  d.l(`第二部分 ${y}年度机关决算报表`);
  tables.forEach(([id, t], i) => {
    d.l(`${cn(i)}、${u.name}${y}年${t}`);
    if (id === 't8' && !u.fundItem) d.p(`说明：${u.name}没有使用政府性基金预算安排支出，故本表无数据。`);
    if (id === 't9') d.p(`说明：${u.name}没有使用国有资本经营预算安排支出，故本表无数据。`);
  });
  d.page();
  d.l(`第三部分 ${y}年度机关决算情况说明`);
  d.l(`一、${y}年度机关决算数据变动情况及原因`);
  const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
  d.p(
    `（一）收入支出总体情况。${y}年度收入总计${ig}，比上年${d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}，主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  const it = d.f('t1.incomeTotal', '本年收入', u.incomeTotal);
  const gb = d.f('t1.generalBudget', '一般公共预算财政拨款收入', u.generalBudget);
  d.p(
    `（二）收入情况。${y}年度本年收入${it}，其中一般公共预算财政拨款收入${gb}，占${d.share(gb, u.generalBudget, u.incomeTotal, 't1.incomeTotal')}。`,
  );
  const et = d.f('t1.expenditureTotal', '本年支出', u.expenditureTotal);
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `（三）支出情况。${y}年度本年支出${et}，其中：基本支出${b}，占${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}；项目支出${p}，占${d.share(p, u.project, u.expenditureTotal, 't1.expenditureTotal')}。`,
  );
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', u.t5.total);
  const cls = classesOf(u).map((c) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    return `${c.name}${f}`;
  });
  d.p(
    `（四）一般公共预算财政拨款支出情况。${y}年度一般公共预算财政拨款支出${g}，比上年${d.yoy(g, u.t5.total, u.t5.prior)}。按功能分类：${cls.join('，')}。`,
  );
  d.l('二、“三公”经费决算增减变动情况说明');
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  d.p(
    `${y}年度“三公”经费支出${tp}，比上年${d.yoy(tp, u.threePublic.final, u.threePublic.prior)}，主要原因是${u.threePublic.final >= u.threePublic.prior ? '车辆维修费用增加' : '从严控制公务接待'}。其中：因公出国（境）费0.00万元；公务用车运行维护费${vo}；公务接待费${rc}。`,
  );
  d.l('三、机关运行经费增减变动原因说明');
  const ac = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  d.p(
    `${y}年度机关运行经费${ac}，比上年${d.yoy(ac, u.adminCost.amount, u.adminCost.prior)}，主要原因是${why(u.adminCost.amount, u.adminCost.prior, y + 1)}。`,
  );
  d.l('四、政府采购情况说明');
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  d.p(`${y}年度政府采购支出总额${pt}，均为分散采购。`);
  d.l('五、预算绩效情况说明');
  d.p('本年度对全部项目支出开展了绩效自评，项目完成情况良好。');
  d.l('六、国有资产占用情况说明');
  const vt = d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  d.p(`截至${y}年12月31日，共有车辆${vt}。`);
  d.l('七、其他说明');
  d.p('无。');
  glossary(d, '第四部分 名词解释');
}

/** Beijing: tables first (as an attachment), the unit's facts inside 第二部分, "三公" in 第三部分. */
export function layoutBj(d: DocBuilder, u: Unit, o: { procurementTable?: boolean; tables?: 'rows' }): void {
  const y = u.year;
  const titles = [
    '收入支出决算总表',
    '收入决算表',
    '支出决算表',
    '财政拨款收入支出决算总表',
    '一般公共预算财政拨款收入支出决算表',
    '一般公共预算财政拨款支出决算表',
    '政府性基金预算财政拨款收入支出决算表',
    '财政拨款基本支出经济分类决算表',
    '国有资本经营预算财政拨款支出决算表',
    '财政拨款“三公”经费支出决算表',
    ...(o.procurementTable ? ['政府采购情况表'] : []),
    '政府购买服务决算公开情况表',
  ];
  d.l(`${u.name}${y}年度部门决算公开`);
  d.l('目  录', `第一部分 ${y}年度部门决算报表`);
  titles.forEach((t, i) => d.l(`${cn(i)}、${t}`));
  d.l(
    `第二部分 ${y}年度部门决算说明`,
    `第三部分 ${y}年度其他重要事项的情况说明`,
    `第四部分 ${y}年度部门绩效评价情况`,
  );
  d.page();
  d.l(`第一部分 ${y}年度部门决算报表`);
  if (o.tables) {
    printTable(d, u, 't1', { form: 'rows', label: '一、' });
    d.page();
    printTable(d, u, 't5', { form: 'rows', label: '六、', title: '一般公共预算财政拨款支出决算表' });
  } else d.p('报表详见附件。');
  d.page();
  d.l(`第二部分 ${y}年度部门决算说明`, '一、部门基本情况', '（一）机构设置、职责');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  d.p(
    `${u.name}是区政府工作部门，下设${nd}科室，分别为${listNames(u.divisions)}。${functionsText('dept')[0]!}`,
  );
  d.l('（二）人员构成情况');
  const au = d.c('unit.staff.authorised', '行政编制', u.staff.authorised, '人');
  const ac = d.c('unit.staff.actual', '实有人数', u.staff.active, '人');
  d.p(`行政编制${au}，实有人数${ac}；事业编制0人，实有人数0人。`);
  d.l('二、收入支出决算总体情况说明');
  const ig = d.f('t1.incomeGrandTotal', '收、支总计', u.incomeGrandTotal);
  const eg = d.f('t1.expenditureGrandTotal', '收、支总计', u.expenditureGrandTotal);
  d.yoy(eg, u.expenditureGrandTotal, u.prior.incomeGrandTotal);
  d.p(
    `${y}年度收、支总计${ig}，比上年${d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}。主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  d.l('（一）收入决算说明');
  const it = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
  const fi = d.f('t2.total.fiscal', '财政拨款收入', u.generalBudget + u.governmentFund);
  const other = u.incomeTotal - u.generalBudget - u.governmentFund;
  const oi = d.f('t1.otherIncome', '其他收入', other);
  d.p(
    `${y}年度本年收入合计${it}，比上年${d.yoy(it, u.incomeTotal, u.prior.incomeTotal)}，其中：财政拨款收入${fi}，占收入合计的${d.share(fi, u.generalBudget + u.governmentFund, u.incomeTotal, 't1.incomeTotal')}；其他收入${oi}，占收入合计的${d.share(oi, other, u.incomeTotal, 't1.incomeTotal')}。`,
  );
  d.l('（二）支出决算说明');
  const et = d.f('t1.expenditureTotal', '本年支出合计', u.expenditureTotal);
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `${y}年度本年支出合计${et}，比上年${d.yoy(et, u.expenditureTotal, u.prior.expenditureTotal)}，其中：基本支出${b}，占支出合计的${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}；项目支出${p}，占支出合计的${d.share(p, u.project, u.expenditureTotal, 't1.expenditureTotal')}。`,
  );
  d.l('三、财政拨款收入支出决算总体情况说明');
  const fg = d.f('t4.incomeGrandTotal.total', '财政拨款收、支总计', u.fiscal.grand);
  d.p(`${y}年度财政拨款收、支总计${fg}，比上年${d.yoy(fg, u.fiscal.grand, u.fiscal.prior)}。`);
  d.l('四、一般公共预算财政拨款支出决算情况说明');
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', u.t5.total);
  const gb = d.f('t5.total.total.budget', '一般公共预算财政拨款支出年初预算数', u.t5.budget);
  d.p(
    `${y}年度一般公共预算财政拨款支出${g}，年初预算数为${gb}，决算数${u.t5.total >= u.t5.budget ? '大于' : '小于'}年初预算数${d.a(Math.abs(u.t5.total - u.t5.budget))}。比上年${d.yoy(g, u.t5.total, u.t5.prior)}。`,
  );
  const cls = classesOf(u).map((c) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    return `${c.name}${f}，占${d.share(f, c.total, u.t5.total, 't5.total.total')}`;
  });
  d.p(`其中：${cls.join('；')}。`);
  d.l('五、一般公共预算财政拨款基本支出决算情况说明');
  const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
  const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
  d.p(`${y}年度一般公共预算财政拨款基本支出${d.a(u.t5.basic)}，其中：人员经费${pe}，公用经费${pu}。`);
  d.l('六、政府性基金预算财政拨款收入支出决算情况说明');
  d.p('本部门无政府性基金预算财政拨款收入支出。');
  d.l('七、国有资本经营预算财政拨款支出决算情况说明');
  d.p('本部门无国有资本经营预算财政拨款支出。');
  d.page();
  d.l(`第三部分 ${y}年度其他重要事项的情况说明`, '一、“三公”经费支出情况');
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  const tb = d.f('threePublic.total.budget', '“三公”经费年初预算数', u.threePublic.budget);
  d.p(
    `${y}年度“三公”经费财政拨款支出决算${tp}，比年初预算数${tb}${d.vsBudget(tp, u.threePublic.final, u.threePublic.budget, { style: 'amount' })}，比上年${d.yoy(tp, u.threePublic.final, u.threePublic.prior)}。`,
  );
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const vh = d.c('threePublic.vehiclesHeld', '公务用车保有量', u.counts.vehiclesHeld, '辆');
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', u.counts.receptionBatches, '批次');
  const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', u.counts.receptionPeople, '人次');
  d.p(
    `其中：因公出国（境）费0.00万元；公务用车运行维护费${vo}，年末公务用车保有量${vh}；公务接待费${rc}，占“三公”经费的${d.share(rc, u.reception.final, u.threePublic.final, 'threePublic.total')}，国内公务接待${rb}，${rp}。`,
  );
  d.l('二、机关运行经费支出情况');
  const am = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  d.p(`${y}年度本部门机关运行经费支出${am}，比上年${d.yoy(am, u.adminCost.amount, u.adminCost.prior)}。`);
  d.l('三、政府采购支出情况');
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  const pg = d.f('procurement.goods', '政府采购货物支出', u.procurement.goods);
  const ps = d.f('procurement.services', '政府采购服务支出', u.procurement.services);
  const pw = d.f('procurement.works', '政府采购工程支出', u.procurement.works);
  const sme = d.f('procurement.sme', '授予中小企业合同金额', u.procurement.sme);
  d.p(
    `${y}年度本部门政府采购支出总额${pt}，其中：政府采购货物支出${pg}、政府采购工程支出${pw}、政府采购服务支出${ps}。授予中小企业合同金额${sme}，占政府采购支出总额的${d.share(sme, u.procurement.sme, u.procurement.total, 'procurement.total')}。`,
  );
  d.l('四、国有资产占用情况');
  const vt = d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  d.p(`截至${y}年12月31日，本部门共有车辆${vt}，单价100万元（含）以上设备0台（套）。`);
  d.page();
  d.l(`第四部分 ${y}年度部门绩效评价情况`);
  d.p('本部门对全部项目开展了绩效自评，评价结果已在本部门网站公开。');
}

/** Shaanxi county department: "三公"经费、培训费及会议费 together; 专业名词解释. */
export function layoutSn(d: DocBuilder, u: Unit): void {
  const y = u.year;
  d.l(`${u.name}${y}年部门决算`, '保密审查情况：已审查', '部门主要负责人审签情况：已审签');
  d.l('第一部分 部门概况', '一、部门主要职责及内设机构', '（一）主要职责');
  for (const t of functionsText('dept')) d.p(t);
  d.l('（二）内设机构');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  d.p(`本部门内设${nd}股室：${listNames(u.divisions)}。`);
  d.l('二、部门决算单位构成', '本部门决算仅为机关本级决算。', '三、部门人员情况');
  const au = d.c('unit.staff.authorised', '编制数', u.staff.authorised, '人');
  const ac = d.c('unit.staff.actual', '实有人数', u.staff.actual, '人');
  const aa = d.c('unit.staff.active', '在职人员', u.staff.active, '人');
  const rt = d.c('unit.staff.retired', '退休人员', u.staff.retired, '人');
  d.p(`本部门编制数${au}，实有人数${ac}，其中在职人员${aa}，退休人员${rt}。`);
  d.page();
  d.l(`第二部分 ${y}年部门决算表`);
  [
    '收入支出决算总表',
    '收入决算总表',
    '支出决算总表',
    '财政拨款收入支出决算总表',
    '一般公共预算财政拨款支出决算表',
    '一般公共预算财政拨款基本支出决算表',
    '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表',
    '政府性基金预算财政拨款收入支出决算表',
    '国有资本经营预算财政拨款支出决算表',
  ].forEach((t, i) => d.l(`${cn(i)}、${t}`));
  d.page();
  d.l(`第三部分 ${y}年部门决算情况说明`, '一、收入支出决算总体情况说明');
  const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
  const eg = d.f('t1.expenditureGrandTotal', '支出总计', u.expenditureGrandTotal);
  d.p(
    `${y}年度收入总计${ig}，支出总计${eg}，与上年相比，收支总计各${d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}，主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  d.yoy(eg, u.expenditureGrandTotal, u.prior.incomeGrandTotal);
  d.l(`二、${y}年度财政拨款收入支出总体情况说明`);
  const fi = d.f('t4.incomeTotal.total', '财政拨款收入', u.fiscal.incomeTotal);
  const fe = d.f('t4.expenditureTotal.total', '财政拨款支出', u.fiscal.expenditureTotal);
  d.p(
    `${y}年度财政拨款收入${fi}，财政拨款支出${fe}。其中一般公共预算财政拨款支出${d.a(u.t5.total)}，主要用于人员工资、机构运转和审计业务工作。`,
  );
  d.l(`三、${y}年度“三公”经费、培训费及会议费支出情况说明`);
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  const tb = d.f('threePublic.total.budget', '“三公”经费年初预算数', u.threePublic.budget);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  d.p(
    `${y}年度“三公”经费支出${tp}，年初预算${tb}，较预算${d.vsBudget(tp, u.threePublic.final, u.threePublic.budget, { style: 'amount' })}，主要原因是厉行节约、压减公务接待，其中：因公出国（境）费0万元，公务用车运行维护费${vo}，公务接待费${rc}。`,
  );
  const mf = d.f('generalExpense.meeting', '会议费', u.meeting.final, { proposed: true });
  const tf = d.f('generalExpense.training', '培训费', u.training.final, { proposed: true });
  const mc = d.c('generalExpense.meetingCount', '举办会议次数', u.meeting.count, '次', { proposed: true });
  const tc = d.c('generalExpense.trainingCount', '举办培训期数', u.training.count, '期', { proposed: true });
  d.p(`会议费支出${mf}，召开会议${mc}；培训费支出${tf}，组织培训${tc}。`);
  d.l(`四、${y}年度部门绩效管理情况说明`);
  d.p('本部门对重点项目开展了绩效自评，完成了年度绩效目标。');
  d.l('五、其他重要事项的情况说明');
  const ac2 = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  d.p(
    `（一）机关运行经费支出${ac2}。（二）政府采购支出总额${pt}。（三）截至${y}年底，本部门共有车辆${u.assets.vehicles}辆。`,
  );
  d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  glossary(d, '第四部分 专业名词解释');
}
