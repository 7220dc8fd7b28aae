/**
 * Layouts of one region each: Hubei county (第一部分：基本情况 … 第二部分 with "收入支出决算总体及增减
 * 变动情况", 第五部分 the tables one cell per line), Guangxi school units in 元 with "无变化" claims
 * for each income kind, Gansu (天水) with "完成年初预算 x%，决算数大于预算数 y 万元", stand-alone "三公"
 * statements (Guangdong, Hunan, Inner Mongolia), stand-alone 政府采购 statements, and single pages
 * of longer publications (Shanghai 项 list, a central "三公" section).
 */
import type { Fen } from '../../../src/money/amount.ts';
import type { DocBuilder } from './doc.ts';
import { functionsText, glossary, itemKey, itemName, listNames, why } from './common.ts';
import { classesOf, generalItems, type Unit } from './model.ts';
import { printTable } from './tables.ts';

/** Hubei (曾都-style) county department. */
export function layoutHb(d: DocBuilder, u: Unit): void {
  const y = u.year;
  d.l(`${u.name}${y}年度决算公开说明`, '（目录）');
  d.l(
    '第一部分：基本情况',
    '第二部分：' + `${y}年度部门决算情况说明`,
    '第三部分：其他重要事项情况说明',
    '第四部分：名词解释',
    `第五部分：${y}年度部门决算公开报表`,
  );
  d.page();
  d.l('第一部分：基本情况', '一、部门主要职能');
  for (const t of functionsText('dept')) d.p(t);
  d.l('二、部门和所属预算单位机构设置情况');
  const nd = d.c('unit.divisionCount', '内设机构数', u.divisions.length, '个');
  d.p(`本部门内设${nd}股室：${listNames(u.divisions)}，无所属预算单位。`);
  d.l('三、人员构成情况');
  const au = d.c('unit.staff.authorised', '编制数', u.staff.authorised, '人');
  const ac = d.c('unit.staff.actual', '实有人数', u.staff.actual, '人');
  const aa = d.c('unit.staff.active', '在职人员', u.staff.active, '人');
  const rt = d.c('unit.staff.retired', '退休人员', u.staff.retired, '人');
  d.p(`核定编制${au}，年末实有人数${ac}，其中在职人员${aa}，退休人员${rt}。`);
  d.page();
  d.l(`第二部分：${y}年度部门决算情况说明`, `一、${y}年度收入支出决算总体及增减变动情况`);
  const ig = d.f('t1.incomeGrandTotal', '收入总计', u.incomeGrandTotal);
  const it = d.f('t1.incomeTotal', '本年收入', u.incomeTotal);
  const oc = d.f('t1.openingCarryover', '年初结转和结余', u.openingCarryover);
  d.p(
    `（一）收入情况：${y}年度收入总计${ig}，其中本年收入${it}，年初结转和结余${oc}。收入总计较上年${d.yoy(ig, u.incomeGrandTotal, u.prior.incomeGrandTotal)}，主要原因是${why(u.incomeGrandTotal, u.prior.incomeGrandTotal, y)}。`,
  );
  const eg = d.f('t1.expenditureGrandTotal', '支出总计', u.expenditureGrandTotal);
  const et = d.f('t1.expenditureTotal', '本年支出', u.expenditureTotal);
  const cc = d.f('t1.closingCarryover', '年末结转和结余', u.closingCarryover);
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `（二）支出情况：${y}年度支出总计${eg}，其中本年支出${et}（基本支出${b}，项目支出${p}），年末结转和结余${cc}。`,
  );
  d.l(`二、${y}年度财政拨款支出决算情况`);
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', u.t5.total);
  d.p(`${y}年度一般公共预算财政拨款支出${g}，较上年${d.yoy(g, u.t5.total, u.t5.prior)}。按功能分类科目：`);
  classesOf(u).forEach((c, i) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    d.p(`${i + 1}.${c.name}${f}，占${d.share(f, c.total, u.t5.total, 't5.total.total')}。`);
  });
  d.l(`三、${y}年度一般公共决算财政拨款安排的“三公”经费支出决算及增减变动情况说明`);
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  d.p(
    `${y}年度“三公”经费支出${tp}，较上年${d.yoy(tp, u.threePublic.final, u.threePublic.prior)}，主要原因是${u.threePublic.final >= u.threePublic.prior ? '防汛检查接待任务增加' : '严格控制公务接待和公务用车支出'}。其中：公务用车运行维护费${vo}，公务接待费${rc}，无因公出国（境）费和公务用车购置费。`,
  );
  d.l(
    `四、${y}年度政府性基金支出决算情况`,
    '本部门无政府性基金预算支出。',
    `五、${y}年度国有资本经营预算支出决算情况`,
    '本部门无国有资本经营预算支出。',
  );
  d.page();
  d.l('第三部分：其他重要事项情况说明', '一、关于机关运行经费支出说明');
  const am = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  d.p(`${y}年度本部门机关运行经费支出${am}，较上年${d.yoy(am, u.adminCost.amount, u.adminCost.prior)}。`);
  d.l('二、关于政府采购支出说明');
  const pt = d.f('procurement.total', '政府采购支出总额', u.procurement.total);
  d.p(`${y}年度本部门政府采购支出总额${pt}，主要为办公设备和物业服务采购。`);
  d.l('三、关于国有资产占用情况说明');
  const vt = d.c('assets.vehicles.total', '车辆', u.assets.vehicles, '辆');
  d.p(`截至${y}年12月31日，本部门共有车辆${vt}。`);
  d.l(
    `四、关于${y}年度预算绩效情况的说明`,
    '本部门对全部项目开展了绩效自评。',
    '五、政府购买服务情况',
    '本年度无政府购买服务项目。',
  );
  d.page();
  glossary(d, '第四部分：名词解释');
  d.page();
  d.l(`第五部分：${y}年度部门决算公开报表`);
  ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'].forEach((t, i) => {
    printTable(d, u, t, { form: 'cells', label: `表${i + 1}：`, unitName: u.name, year: y });
    d.page();
  });
}

/** Guangxi school unit in 元: each income kind with its change and "与去年相比无变化" claims. */
export function layoutGx(d: DocBuilder, u: Unit): void {
  const y = u.year;
  const py = y - 1;
  d.l(`${u.name}${y}年度单位决算公开`);
  d.l('第一部分 单位概况', '一、主要职能');
  for (const t of functionsText('school')) d.p(t);
  d.l('二、机构设置及人员情况');
  const ac = d.c('unit.staff.actual', '实有人数', u.staff.actual, '人');
  const aa = d.c('unit.staff.active', '在职人员', u.staff.active, '人');
  const rt = d.c('unit.staff.retired', '退休人员', u.staff.retired, '人');
  d.p(`本单位为公益一类事业单位，实有人数${ac}，其中在职人员${aa}，退休人员${rt}。`);
  d.page();
  d.l(`第二部分 ${y}年度单位决算情况说明`, '一、收入支出决算总体情况说明');
  const ig = d.f('t1.incomeGrandTotal', '总收入', u.incomeGrandTotal);
  const it = d.f('t1.incomeTotal', '本年收入', u.incomeTotal);
  d.p(
    `（一）本单位${y}年度总收入${ig}，其中本年收入${it}，较${py}年度决算数${d.yoy(it, u.incomeTotal, u.prior.incomeTotal)}，主要原因是：${why(u.incomeTotal, u.prior.incomeTotal, y)}。`,
  );
  const kinds: [string, string, Fen, string][] = [
    ['t1.generalBudget', '一般公共预算财政拨款收入', u.generalBudget, '为本级财政当年拨付的资金'],
    ['t1.governmentFund', '政府性基金预算财政拨款收入', u.governmentFund, '为政府性基金预算安排的资金'],
    ['t1.businessIncome', '事业收入', u.businessIncome, '为开展专业业务活动取得的收入'],
    ['t1.operatingIncome', '经营收入', u.operatingIncome, '为在业务活动之外开展非独立核算经营活动取得的收入'],
    ['t1.otherIncome', '其他收入', u.otherIncome, '为财政拨款、事业收入、经营收入之外取得的收入'],
  ];
  kinds.forEach(([key, name, v, what], i) => {
    const f = d.f(key, name, v);
    if (v === 0) {
      f.changes.push({ against: 'prior', direction: '持平' });
      d.p(
        `${i + 1}.${name}${f}，${what}。较${py}年度决算数增加0.00元，增长0%，主要原因是：本单位无${name}，与去年相比无变化，与预算相比无变化。`,
      );
    } else {
      const prior = i === 0 ? u.prior.generalBudget : v;
      d.p(
        `${i + 1}.${name}${f}，${what}。较${py}年度决算数${d.yoy(f, v, prior, { flat: '无变化' })}，主要原因是：${why(v, prior, i)}。`,
      );
    }
  });
  const oc = d.f('t1.openingCarryover', '上年结转和结余', u.openingCarryover);
  d.p(`${kinds.length + 1}.上年结转和结余${oc}，为以前年度尚未完成、结转到本年继续使用的资金。`);
  const eg = d.f('t1.expenditureGrandTotal', '总支出', u.expenditureGrandTotal);
  const et = d.f('t1.expenditureTotal', '本年支出', u.expenditureTotal);
  d.p(
    `（二）本单位${y}年度总支出${eg}，其中本年支出${et}，较${py}年度决算数${d.yoy(et, u.expenditureTotal, u.prior.expenditureTotal)}。`,
  );
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `1.基本支出${b}，占本年支出的${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}；2.项目支出${p}，占本年支出的${d.share(p, u.project, u.expenditureTotal, 't1.expenditureTotal')}。`,
  );
  d.l('二、一般公共预算财政拨款支出情况说明');
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出', u.t5.total);
  d.p(`${y}年本年一般公共预算财政拨款支出${g}，其中：`);
  generalItems(u).forEach((x) => {
    const v = x.gBasic + x.gProject;
    const f = d.f(itemKey(x), itemName(x), v);
    d.p(
      `${x.xiang}支出${f}，占一般公共预算支出的${d.share(f, v, u.t5.total, 't5.total.total')}，同比${d.yoy(f, v, x.prior, { flat: '无变化' })}。`,
    );
  });
  d.l('三、一般公共预算基本支出情况说明');
  const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
  const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
  d.p(`${y}年本年一般公共预算基本支出${d.a(u.t5.basic)}，其中：人员经费${pe}，公用经费${pu}。`);
  d.l('四、一般公共预算“三公”经费情况说明');
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  d.p(
    `${y}年单位“三公”经费支出${tp}，同比${d.yoy(tp, u.threePublic.final, u.threePublic.prior, { flat: '无变化' })}。本单位无公务用车，无因公出国（境）支出，无公务接待支出，故“三公”经费支出决算表为空表。`,
  );
}

/** Gansu (天水) unit, printed in traditional characters by the builder. */
export function layoutGs(d: DocBuilder, u: Unit): void {
  const y = u.year;
  d.l(`${u.name}${y}年度部门决算公开`, `一、${u.name}概况`, '（一）主要职能');
  d.p(functionsText('school')[0]!);
  d.l('（二）机构设置情况');
  const au = d.c('unit.staff.authorised', '编制数', u.staff.authorised, '人');
  const aa = d.c('unit.staff.active', '在职人员', u.staff.active, '人');
  const rt = d.c('unit.staff.retired', '退休人员', u.staff.retired, '人');
  d.p(`本单位为教育事业单位，核定人员编制${au}，实际在职人员${aa}，退休职工${rt}。`);
  d.l(`二、${u.name}${y}年度部门决算情况说明`, '（一）收入决算情况');
  const it = d.f('t1.incomeTotal', '收入', u.incomeTotal);
  const fi = d.f('t2.total.fiscal', '财政拨款收入', u.generalBudget + u.governmentFund);
  const bi = d.f('t1.businessIncome', '事业收入', u.businessIncome);
  d.p(
    `${y}年度，本单位收入为${it}，其中：财政拨款收入${fi}，占${d.share(fi, u.generalBudget + u.governmentFund, u.incomeTotal, 't1.incomeTotal')}；事业收入${bi}，占${d.share(bi, u.businessIncome, u.incomeTotal, 't1.incomeTotal')}；经营收入0万元，占0%；其他收入0万元，占0%。`,
  );
  d.l('（二）支出决算情况');
  const et = d.f('t1.expenditureTotal', '支出', u.expenditureTotal);
  const b = d.f('t3.total.basic', '基本支出', u.basic);
  const p = d.f('t3.total.project', '项目支出', u.project);
  d.p(
    `${y}年度，本单位支出为${et}。其中：基本支出${b}，占${d.share(b, u.basic, u.expenditureTotal, 't1.expenditureTotal')}；项目支出${p}，占${d.share(p, u.project, u.expenditureTotal, 't1.expenditureTotal')}；经营支出0万元，占0%。`,
  );
  d.l('（三）财政拨款收入决算情况');
  const fg = d.f('t4.incomeGrandTotal.total', '财政拨款收入总计', u.fiscal.grand);
  d.p(
    `${y}年度，本单位财政拨款收入总计${fg}，与上年相比${d.yoy(fg, u.fiscal.grand, u.fiscal.prior, { words: ['增加', '减少', '增长', '降低'] })}。`,
  );
  d.l('三、一般公共预算财政拨款支出决算情况');
  const g = d.f('t5.total.total', '一般公共预算财政拨款支出总计', u.t5.total);
  const diff = u.t5.total - u.t5.budget;
  d.p(
    `${y}年度，本单位一般公共预算财政拨款支出总计${g}，与上年相比${d.yoy(g, u.t5.total, u.t5.prior, { words: ['增加', '减少', '增长', '降低'] })}；完成年初预算${d.completion(g, u.t5.total, u.t5.budget)}，决算数${diff >= 0 ? '大于' : '小于'}预算数${d.a(Math.abs(diff))}，主要原因：${why(u.t5.total, u.t5.budget, y, true)}。其中：`,
  );
  classesOf(u).forEach((c, i) => {
    const f = d.f(`t5.${c.code}.total`, `${c.name}（类）`, c.total);
    d.p(`${i + 1}.${c.name}${f}，完成年初预算${d.completion(f, c.total, c.budget)}。`);
  });
  d.l('四、一般公共预算财政拨款基本支出决算情况');
  const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
  const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
  d.p(`${y}年度，本单位一般公共预算财政拨款基本支出${d.a(u.t5.basic)}，其中：人员经费${pe}，公用经费${pu}。`);
  d.l('五、“三公”经费支出情况');
  const tp = d.f('threePublic.total', '“三公”经费', u.threePublic.final);
  d.p(`${y}年度，本单位“三公”经费支出${tp}，全部为公务接待费。本单位无公务用车，无因公出国（境）支出。`);
}

/** Stand-alone "三公" statements. */
export function layoutSg(d: DocBuilder, u: Unit, style: 'gd' | 'hn' | 'nm'): void {
  const y = u.year;
  const tp = u.threePublic;
  if (style === 'gd') {
    d.l(`${y}年${u.name}“三公”经费增减情况说明`);
    const t = d.f('threePublic.total', '“三公”经费', tp.final);
    const ab = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
    const vh = d.c('threePublic.vehiclesHeld', '公务用车保有量', u.counts.vehiclesHeld, '辆');
    const vv = d.f('threePublic.vehicle', '公务用车购置及运行维护费', u.vehicle.final);
    const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
    const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', u.counts.receptionBatches, '批次');
    const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', u.counts.receptionPeople, '人');
    d.p(
      `“三公”经费包括因公出国（境）费、公务用车购置及运行维护费和公务接待费。${y}年${u.name}财政预算拨款“三公”经费支出合计${t}，比上年${d.yoy(t, tp.final, tp.prior, { style: 'amount' })}。` +
        `其中：因公出国（境）费${ab}，占${d.share(ab, u.abroad.final, tp.final, 'threePublic.total')}，比上年${d.yoy(ab, u.abroad.final, u.abroad.prior, { style: 'amount' })}；` +
        `公务用车保有量${vh}，购置及运行维护费${vv}，占${d.share(vv, u.vehicle.final, tp.final, 'threePublic.total')}，比上年${d.yoy(vv, u.vehicle.final, u.vehicle.prior, { style: 'amount' })}；` +
        `公务接待费${rc}，占${d.share(rc, u.reception.final, tp.final, 'threePublic.total')}，比上年${d.yoy(rc, u.reception.final, u.reception.prior, { style: 'amount' })}，接待${rb}，约${rp}。` +
        `经费${tp.final <= tp.prior ? '减少' : '增加'}的原因主要是${tp.final <= tp.prior ? '严格执行中央八项规定精神，从严控制公务接待和公务用车支出' : '上级检查和调研接待任务增加'}。`,
    );
    return;
  }
  if (style === 'hn') {
    d.l(`${u.name}${y}年度“三公”经费决算公开`);
    const b = d.f('threePublic.total.budget', '“三公”经费年初预算数', tp.budget);
    const t = d.f('threePublic.total', '“三公”经费', tp.final);
    const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
    const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
    const vh = d.c('threePublic.vehiclesHeld', '公务用车保有量', u.counts.vehiclesHeld, '辆');
    const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', u.counts.receptionBatches, '个');
    const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', u.counts.receptionPeople, '人');
    d.p(
      `${y}年度“三公”经费财政拨款支出预算为${b}，${y}年实际支出“三公”经费决算为${t}。其中公务接待费为${rc}，占${d.share(rc, u.reception.final, tp.final, 'threePublic.total')}；公务用车运行维护费为${vo}，占${d.share(vo, u.vehicleOperation.final, tp.final, 'threePublic.total')}。` +
        `本年度“三公”经费决算数未超过${y}年预算数。与上年相比，“三公”经费${d.yoy(t, tp.final, tp.prior)}，主要是认真贯彻落实中央八项规定精神，从严控制“三公”经费开支。` +
        `本年无因公出国（境）人数，公务用车保有量为${vh}，国内公务接待批次为${rb}，接待人次为${rp}。`,
    );
    return;
  }
  // nm: next year's budget and this year's final in one statement.
  const ny = y + 1;
  d.l(`${u.name}${ny}年“三公”经费预算及${y}年“三公”经费决算情况说明`);
  const nb = Math.round((tp.final * 1.08) / 100) * 100;
  const nrec = Math.round((u.reception.final * 0.95) / 100) * 100;
  const nveh = nb - nrec;
  d.l(`一、${ny}年“三公”经费预算安排情况`);
  const b1 = d.f('threePublic.total.nextBudget', `${ny}年“三公”经费预算`, nb, { proposed: true });
  const b2 = d.f('threePublic.reception.nextBudget', `${ny}年公务接待费预算`, nrec, { proposed: true });
  const b3 = d.f('threePublic.vehicleOperation.nextBudget', `${ny}年公务用车运行费预算`, nveh, {
    proposed: true,
  });
  d.p(
    `${ny}年度“三公”经费预算总计${b1}，其中：因公出国（境）经费0万元，公务接待${b2}，公务用车运行费用${b3}。`,
  );
  d.l(`二、${y}年“三公”经费决算情况`);
  const t = d.f('threePublic.total', '“三公”经费', tp.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  d.p(
    `${y}年度“三公”经费合计支出${t}，其中：因公出国（境）经费0万元，公务接待${rc}，公务用车运行费用${vo}。`,
  );
  d.p(
    `${ny}年度“三公”经费预算较${y}年度决算${d.yoy(b1, nb, tp.final, { style: 'amount' })}，其中公务接待较上年同期${d.yoy(b2, nrec, u.reception.final)}，公务用车运行费用较上年同期${d.yoy(b3, nveh, u.vehicleOperation.final)}，主要原因是车辆使用年限增加，维修保养费用相应增加。`,
  );
}

/** Stand-alone 政府采购 statement, with a small table on lines. */
export function layoutCg(d: DocBuilder, u: Unit): void {
  const y = u.year;
  const p = u.procurement;
  d.l(`${u.name}${y}年度政府采购情况说明`);
  const pt = d.f('procurement.total', '政府采购支出总额', p.total);
  const pg = d.f('procurement.goods', '政府采购货物支出', p.goods);
  const pw = d.f('procurement.works', '政府采购工程支出', p.works);
  const ps = d.f('procurement.services', '政府采购服务支出', p.services);
  d.p(
    `${y}年度，我局政府采购支出总额${pt}，较上年${d.yoy(pt, p.total, p.prior)}。其中：政府采购货物支出${pg}，占${d.share(pg, p.goods, p.total, 'procurement.total')}；政府采购工程支出${pw}，占${d.share(pw, p.works, p.total, 'procurement.total')}；政府采购服务支出${ps}，占${d.share(ps, p.services, p.total, 'procurement.total')}。`,
  );
  const sme = d.f('procurement.sme', '授予中小企业合同金额', p.sme);
  const sm = d.f('procurement.smallMicro', '授予小微企业合同金额', p.smallMicro);
  d.p(
    `授予中小企业合同金额${sme}，占政府采购支出总额的${d.share(sme, p.sme, p.total, 'procurement.total')}，其中：授予小微企业合同金额${sm}，占政府采购支出总额的${d.share(sm, p.smallMicro, p.total, 'procurement.total')}。`,
  );
  d.l('政府采购情况表', '金额单位：万元', '项目  采购金额');
  d.l(`合计  ${d.n(p.total)}`, `货物  ${d.n(p.goods)}`, `工程  ${d.n(p.works)}`, `服务  ${d.n(p.services)}`);
  d.l(`授予中小企业合同金额  ${d.n(p.sme)}`, `其中：授予小微企业合同金额  ${d.n(p.smallMicro)}`);
}

/** One page of the Shanghai form, beginning in the middle of the 项 list. */
export function layoutShExcerpt(d: DocBuilder, u: Unit): void {
  const y = u.year;
  const items = generalItems(u);
  d.l(`${u.name}${y}年度部门决算`);
  const first = items[0]!;
  const v0 = first.gBasic + first.gProject;
  const f0 = d.f(itemKey(first), itemName(first), v0);
  d.p(
    `支出决算为${f0}，完成年初预算的${d.completion(f0, v0, first.budget)}。决算数${v0 >= first.budget ? '大于' : '小于'}预算数的主要原因是${why(v0, first.budget, 1, true)}。`,
  );
  items.slice(1).forEach((x, i) => {
    const v = x.gBasic + x.gProject;
    const b = d.f(itemKey(x, true), `${itemName(x)}年初预算数`, x.budget);
    const f = d.f(itemKey(x), itemName(x), v);
    d.p(
      `${i + 2}.${itemName(x)}。年初预算为${b}，支出决算为${f}，完成年初预算的${d.completion(f, v, x.budget)}。${v === x.budget ? '决算数与预算数持平' : `决算数${v > x.budget ? '大于' : '小于'}预算数的主要原因是${why(v, x.budget, i, true)}`}。`,
    );
  });
  d.l('六、一般公共预算财政拨款基本支出决算情况说明');
  const gb = d.f('t5.total.basic', '一般公共预算财政拨款基本支出', u.t5.basic);
  const pe = d.f('t6.personnelTotal', '人员经费', u.personnelTotal);
  const pu = d.f('t6.publicTotal', '公用经费', u.publicTotal);
  d.p(
    `${y}年度本部门一般公共预算财政拨款基本支出${gb}，其中：人员经费${pe}，主要包括基本工资、津贴补贴、绩效工资、社会保障缴费等；公用经费${pu}，主要包括办公费、差旅费、工会经费等。`,
  );
  d.l('— 12 —');
}

/** The "三公" section of a central department's publication, as a page cut from it. */
export function layoutCentralThreePublic(d: DocBuilder, u: Unit): void {
  const y = u.year;
  const tp = u.threePublic;
  d.l(`${u.name}${y}年度部门决算`);
  d.l('九、财政拨款“三公”经费支出决算情况说明');
  const b = d.f('threePublic.total.annualBudget', '“三公”经费全年预算数', tp.budget);
  const f = d.f('threePublic.total', '“三公”经费', tp.final);
  d.p(
    `（一）“三公”经费财政拨款支出决算总体情况说明。${y}年度“三公”经费财政拨款支出全年预算为${b}，支出决算为${f}，完成全年预算的${d.completion(f, tp.final, tp.budget, tp.budget)}。决算数小于全年预算数的主要原因是：严格落实过紧日子要求，压减出国（境）团组和公务接待。`,
  );
  const ab = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
  const vh = d.f('threePublic.vehicle', '公务用车购置及运行维护费', u.vehicle.final);
  const rc = d.f('threePublic.reception', '公务接待费', u.reception.final);
  d.p(
    `（二）“三公”经费财政拨款支出决算具体情况说明。${y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${ab}，占${d.share(ab, u.abroad.final, tp.final, 'threePublic.total')}；公务用车购置及运行维护费支出决算${vh}，占${d.share(vh, u.vehicle.final, tp.final, 'threePublic.total')}；公务接待费支出决算${rc}，占${d.share(rc, u.reception.final, tp.final, 'threePublic.total')}。具体情况如下：`,
  );
  const ab2 = d.f('threePublic.abroad', '因公出国（境）费', u.abroad.final);
  const ag = d.c('threePublic.abroadGroups', '因公出国（境）团组数', u.counts.abroadGroups, '个');
  const ap = d.c('threePublic.abroadPeople', '因公出国（境）人次', u.counts.abroadPeople, '人次');
  d.p(
    `1.因公出国（境）费支出${ab2}，比上年${d.yoy(ab2, u.abroad.final, u.abroad.prior)}，主要原因是国际交流任务变化。全年安排因公出国（境）团组${ag}，累计${ap}。`,
  );
  const vp = d.f('threePublic.vehiclePurchase', '公务用车购置费', u.vehiclePurchase.final);
  const vo = d.f('threePublic.vehicleOperation', '公务用车运行维护费', u.vehicleOperation.final);
  const vn = d.c('threePublic.vehiclesPurchased', '公务用车购置数', u.counts.vehiclesPurchased, '辆');
  const vhn = d.c('threePublic.vehiclesHeld', '公务用车保有量', u.counts.vehiclesHeld, '辆');
  d.p(
    `2.公务用车购置及运行维护费支出${d.a(u.vehicle.final)}。其中：公务用车购置费${vp}，购置公务用车${vn}；公务用车运行维护费${vo}，主要用于车辆燃料、维修、保险等。截至${y}年12月31日，公务用车保有量${vhn}。`,
  );
  const rc2 = d.f('threePublic.reception', '公务接待费', u.reception.final);
  const rb = d.c('threePublic.receptionBatches', '国内公务接待批次', u.counts.receptionBatches, '批次');
  const rp = d.c('threePublic.receptionPeople', '国内公务接待人次', u.counts.receptionPeople, '人次');
  d.p(
    `3.公务接待费支出${rc2}，比上年${d.yoy(rc2, u.reception.final, u.reception.prior)}，主要原因是${u.reception.final >= u.reception.prior ? '承接的业务交流活动增加' : '压减了接待活动'}。其中：国内公务接待${rb}，${rp}；外事接待0批次，0人次。`,
  );
  d.l('十、其他重要事项的情况说明', '（一）机关运行经费支出情况');
  const am = d.f('adminCost.amount', '机关运行经费', u.adminCost.amount);
  d.p(
    `${y}年度本部门机关运行经费支出${am}，比上年${d.yoy(am, u.adminCost.amount, u.adminCost.prior)}，主要原因是办公用房维修支出减少。`,
  );
}

void glossary;
