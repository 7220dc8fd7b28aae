/**
 * Yunnan department and township publications: 第一部分 概况 (一、主要职能 二、部门基本情况) /
 * 第二部分 决算表 (with "“三公”经费、行政参公单位机关运行经费情况表" and the performance tables) /
 * 第三部分 决算情况说明 with only four sections (一 收入 二 支出 三 一般公共预算 四 "三公") /
 * 第四部分 其他重要事项及相关口径情况说明 (机关运行经费, 国有资产, 政府采购, 绩效自评 …) /
 * 第五部分 名词解释. Income is stated as "收入共计" with 本年收入 and 年初结转; "三公" against the
 * budget worded "较预算减少 x 万元，降低 y%".
 */
import type { DocBuilder } from './doc.ts';
import { functionsText, glossary, itemKey, itemName, listNames, why } from './common.ts';
import { classesOf, generalItems, type Unit } from './model.ts';
import { printTable } from './tables.ts';

export function layoutYn(d: DocBuilder, u: Unit, o: { work: 'town' | 'dept'; tables?: 'cells' }): void {
  const y = u.year;
  d.l(`监督索引号53${String(u.spec.seed).padStart(6, '0')}01000`);
  d.l(`${u.name}${y}年度部门决算`);
  d.l('目  录');
  const listed = [
    '收入支出决算表',
    '收入决算表',
    '支出决算表',
    '财政拨款收入支出决算表',
    '一般公共预算财政拨款收入支出决算表',
    '一般公共预算财政拨款基本支出决算表',
    '一般公共预算财政拨款项目支出决算表',
    '政府性基金预算财政拨款收入支出决算表',
    '国有资本经营预算财政拨款收入支出决算表',
    '“三公”经费、行政参公单位机关运行经费情况表',
  ];
  d.l(
    `第一部分 ${u.name}概况`,
    '第二部分 ' + `${y}年度部门决算表`,
    `第三部分 ${y}年度部门决算情况说明`,
    '第四部分 其他重要事项及相关口径情况说明',
    '第五部分 名词解释',
  );
  d.page();
  d.l(`第一部分 ${u.name}概况`, '一、主要职能', '（一）主要职能');
  for (const t of functionsText(o.work)) d.p(t);
  d.l(`（二）${y}年度重点工作完成情况`);
  d.p('全年围绕年初确定的重点任务，推进产业发展、基础设施建设和民生保障各项工作，完成了年度目标。');
  d.l('二、部门基本情况');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  const s = u.staff;
  const ac = d.c('unit.staff.actual', '实有人数', s.actual, '人');
  const aa = d.c('unit.staff.active', '在职人员', s.active, '人');
  const rt = d.c('unit.staff.retired', '退休人员', s.retired, '人');
  d.p(
    `本部门设${nd}内设机构：${listNames(u.divisions)}。${y}年末实有人数${ac}，其中：在职人员${aa}，退休人员${rt}。`,
  );
  d.page();
  d.l(`第二部分 ${y}年度部门决算表`);
  listed.forEach((t, i) => d.l(`${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i]}、${t}`));
  if (o.tables) {
    printTable(d, u, 't1', { form: 'cells', title: '收入支出决算表', unitName: u.name, year: y });
    printTable(d, u, 't7', {
      form: 'cells',
      title: '“三公”经费、行政参公单位机关运行经费情况表',
      unitName: u.name,
      year: y,
    });
  } else d.l('（详见附件）');
  d.page();
  d.l(`第三部分 ${y}年度部门决算情况说明`);
  d.l('一、收入决算情况说明');
  const ig = d.f('t1.incomeGrandTotal', '收入共计', u.incomeGrandTotal);
  const it = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
  const oc = d.f('t1.openingCarryover', '年初结转和结余', u.openingCarryover);
  d.p(
    `本部门${y}年度收入共计${ig}，其中：本年收入合计${it}，年初结转和结余${oc}。与上年相比，收入共计${d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}，主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  const it2 = d.f('t1.incomeTotal', '本年收入合计', u.incomeTotal);
  const gb = d.f('t1.generalBudget', '一般公共预算财政拨款收入', u.generalBudget);
  const gf = d.f('t1.governmentFund', '政府性基金预算财政拨款收入', u.governmentFund);
  const ot = d.f('t1.otherIncome', '其他收入', u.otherIncome + u.businessIncome + u.superiorSubsidy);
  d.p(
    `本年收入合计${it2}中：一般公共预算财政拨款收入${gb}，占${d.share(gb, u.generalBudget, u.incomeTotal, 't1.incomeTotal')}；政府性基金预算财政拨款收入${gf}，占${d.share(gf, u.governmentFund, u.incomeTotal, 't1.incomeTotal')}；其他收入${ot}，占${d.share(ot, u.otherIncome + u.businessIncome + u.superiorSubsidy, u.incomeTotal, 't1.incomeTotal')}。`,
  );
  d.l('二、支出决算情况说明');
  const eg = d.f('t1.expenditureGrandTotal', '支出共计', u.expenditureGrandTotal);
  const et = d.f('t1.expenditureTotal', '本年支出合计', u.expenditureTotal);
  const cc = d.f('t1.closingCarryover', '年末结转和结余', u.closingCarryover);
  d.p(
    `本部门${y}年度支出共计${eg}，其中：本年支出合计${et}，年末结转和结余${cc}。与上年相比，支出共计${d.yoy(eg, u.expenditureGrandTotal, u.prior.incomeGrandTotal)}。`,
  );
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `本年支出合计中：基本支出${b}，占${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}；项目支出${p}，占${d.share(p, u.project, u.expenditureTotal, 't1.expenditureTotal')}。`,
  );
  d.l('三、一般公共预算财政拨款支出决算情况说明');
  const t5 = u.t5;
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', t5.total);
  d.p(
    `${y}年度一般公共预算财政拨款支出${g}，占本年支出合计的${d.share(g, t5.total, u.expenditureTotal, 't1.expenditureTotal')}，与上年相比${d.yoy(g, t5.total, t5.prior)}，主要原因是${why(t5.total, t5.prior, y + 3)}；与年初预算相比，完成年初预算的${d.completion(g, t5.total, t5.budget)}。`,
  );
  const parts = classesOf(u).map((c) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    return `${c.name}${f}，占${d.share(f, c.total, t5.total, 't5.total.total')}`;
  });
  d.p(`按支出功能分类：${parts.join('；')}。`);
  generalItems(u).forEach((x, i) => {
    const amount = x.gBasic + x.gProject;
    const f = d.f(itemKey(x), itemName(x), amount);
    const words =
      amount === x.budget
        ? '与年初预算持平'
        : `${amount > x.budget ? '超' : '未完成'}年初预算的主要原因是${why(amount, x.budget, i, true)}`;
    d.p(`（${i + 1}）${itemName(x)}支出${f}，完成年初预算的${d.completion(f, amount, x.budget)}，${words}。`);
  });
  d.l('四、一般公共预算财政拨款“三公”经费支出决算情况说明');
  const tp = u.threePublic;
  const tf = d.f('threePublic.total', '“三公”经费', tp.final);
  const comp = d.completion(tf, tp.final, tp.budget);
  const vs = d.vsBudget(tf, tp.final, tp.budget, { style: 'seed', words: ['增加', '减少', '增长', '降低'] });
  d.p(
    `${y}年度“三公”经费财政拨款支出决算为${tf}，完成预算的${comp}，较预算${vs}，主要原因是厉行节约，压减了公务接待和公务用车运行支出。`,
  );
  const ab = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const vp = d.f('threePublic.vehiclePurchase', '公务用车购置费', u.vehiclePurchase.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  const vh = d.c('threePublic.vehiclesHeld', '公务用车保有量', u.counts.vehiclesHeld, '辆');
  const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', u.counts.receptionBatches, '批次');
  const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', u.counts.receptionPeople, '人次');
  d.p(
    `其中：因公出国（境）费${ab}；公务用车购置费${vp}；公务用车运行维护费${vo}，年末公务用车保有量${vh}；公务接待费${rc}，共接待${rb}，${rp}。`,
  );
  d.page();
  d.l('第四部分 其他重要事项及相关口径情况说明');
  d.l('一、机关运行经费支出情况');
  const a = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  d.p(
    `本部门${y}年度机关运行经费支出${a}，比上年${d.yoy(a, u.adminCost.amount, u.adminCost.prior, { words: ['增加', '减少', '增长', '降低'] })}，主要原因是${why(u.adminCost.amount, u.adminCost.prior, y + 2)}。`,
  );
  d.l('二、国有资产占用情况');
  const vt = d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  const le = d.c(
    'assets.vehicles.byCategory.lawEnforcement',
    '执法执勤用车',
    u.assets.byCategory.lawEnforcement,
    '辆',
  );
  const em = d.c('assets.vehicles.byCategory.emergency', '应急保障用车', u.assets.byCategory.emergency, '辆');
  const ov = d.c('assets.vehicles.byCategory.other', '其他用车', u.assets.byCategory.other, '辆');
  d.p(`截至${y}年12月31日，本部门共有车辆${vt}，其中：执法执勤用车${le}，应急保障用车${em}，其他用车${ov}。`);
  d.l('三、政府采购支出情况');
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  const pg = d.f('procurement.goods', '政府采购货物支出', u.procurement.goods);
  const pw = d.f('procurement.works', '政府采购工程支出', u.procurement.works);
  const ps = d.f('procurement.services', '政府采购服务支出', u.procurement.services);
  d.p(
    `本部门${y}年度政府采购支出总额${pt}，其中：政府采购货物支出${pg}、政府采购工程支出${pw}、政府采购服务支出${ps}。`,
  );
  d.l('四、部门绩效自评情况');
  d.p('本部门按要求对项目支出开展了绩效自评，自评报告及自评表随本公开一并公布。');
  d.l('五、其他重要事项情况说明');
  d.p('本部门无其他需要说明的重要事项。');
  d.l('六、相关口径说明');
  d.p('本公开中的金额单位均为万元，部分合计数与分项之和因四舍五入存在尾差。');
  d.page();
  glossary(d, '第五部分 名词解释');
}
