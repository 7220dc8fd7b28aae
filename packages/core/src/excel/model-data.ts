/**
 * The model → data-file form, for `exportWorkbook(disclosure)`. A stopgap with the same result as the
 * project serialiser (saveDisclosure, helper D) for what the workbook holds; switch to it when it lands.
 * Amounts are written exactly in the model's unit.
 */
import type { Disclosure, Row } from '../model/disclosure.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_IDS, TABLE_SPECS, fixedRowLabel } from '../model/tables.ts';
import type { Fen, MoneyUnit } from '../money/amount.ts';
import { fenText } from './amounts.ts';

type Obj = Record<string, unknown>;

function put(o: Obj, k: string, v: unknown): void {
  if (v !== undefined) o[k] = v;
}

function amounts(bag: Record<string, Fen | undefined> | undefined, unit: MoneyUnit): Obj | undefined {
  if (!bag) return undefined;
  const o: Obj = {};
  for (const [k, v] of Object.entries(bag)) if (v !== undefined) o[k] = fenText(v, unit);
  return o;
}

function rowData(id: (typeof TABLE_IDS)[number], r: Row, unit: MoneyUnit): Obj {
  const o: Obj = r.code !== undefined ? { code: r.code } : { row: r.key };
  if (r.code !== undefined ? r.name !== '' : r.name !== fixedRowLabel(id, r.key)) o['name'] = r.name;
  const vals = amounts(r.values, unit) ?? {};
  for (const c of TABLE_SPECS[id].columns) if (vals[c.id] !== undefined) o[c.id] = vals[c.id];
  if (r.prior) o['prior'] = amounts(r.prior, unit);
  if (r.budget) o['initialBudget'] = amounts(r.budget, unit);
  if (r.reasons) o['reasons'] = { ...r.reasons };
  return o;
}

/** A data file equivalent to the model (same model when loaded again). */
export function dataFromModel(d: Disclosure): Obj {
  const unit = d.amountUnit;
  const a = (v: Fen | undefined) => (v === undefined ? undefined : fenText(v, unit));
  const out: Obj = { format: FORMAT_ID, year: d.year, amountUnit: unit, decimals: d.decimals };
  put(out, 'profile', d.profile);
  out['unit'] = structuredClone(d.unit);
  const tables: Obj = {};
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    if (t.source === undefined && t.rows.length === 0 && t.emptyStatement === undefined) continue;
    const to: Obj = {};
    put(to, 'emptyStatement', t.emptyStatement);
    to['rows'] = t.rows.map((r) => rowData(id, r, unit));
    tables[id] = to;
  }
  out['tables'] = tables;
  if (Object.keys(d.threePublic).length > 0) out['threePublic'] = { ...d.threePublic };
  if (d.adminCost) {
    const c: Obj = {};
    put(c, 'amount', a(d.adminCost.amount));
    put(c, 'prior', a(d.adminCost.prior));
    put(c, 'budget', a(d.adminCost.budget));
    if (d.adminCost.reasons) c['reasons'] = { ...d.adminCost.reasons };
    out['adminCost'] = c;
  }
  if (d.procurement) {
    const p: Obj = {};
    for (const k of ['total', 'goods', 'works', 'services', 'sme', 'smallMicro', 'smeReserved'] as const)
      put(p, k, a(d.procurement[k]));
    put(p, 'emptyStatement', d.procurement.emptyStatement);
    out['procurement'] = p;
  }
  if (d.assets) {
    const s = d.assets;
    const o: Obj = {};
    put(o, 'fixedAssetsOriginal', a(s.fixedAssetsOriginal));
    put(o, 'buildingArea', s.buildingArea);
    put(o, 'buildingValue', a(s.buildingValue));
    if (s.vehicles) {
      const v: Obj = {};
      put(v, 'total', s.vehicles.total);
      put(v, 'value', a(s.vehicles.value));
      if (s.vehicles.byCategory) v['byCategory'] = { ...s.vehicles.byCategory };
      put(v, 'otherNote', s.vehicles.otherNote);
      o['vehicles'] = v;
    }
    put(o, 'equipmentOver1m', s.equipmentOver1m);
    put(o, 'generalEquipmentOver500k', s.generalEquipmentOver500k);
    put(o, 'specialEquipmentOver1m', s.specialEquipmentOver1m);
    out['assets'] = o;
  }
  if (d.performance) {
    const p = d.performance;
    const o: Obj = {};
    put(o, 'evaluatedProjects', p.evaluatedProjects);
    put(o, 'budgetTotal', a(p.budgetTotal));
    put(o, 'executedTotal', a(p.executedTotal));
    put(o, 'text', p.text);
    o['projects'] = p.projects.map((pr) => {
      const po: Obj = { name: pr.name };
      put(po, 'department', pr.department);
      put(po, 'implementer', pr.implementer);
      const funds: Obj = {};
      for (const k of ['total', 'fiscal', 'carryover', 'other'] as const) {
        const l = pr.funds[k];
        if (!l) continue;
        const lo: Obj = {};
        put(lo, 'initialBudget', a(l.initialBudget));
        put(lo, 'annualBudget', a(l.annualBudget));
        put(lo, 'executed', a(l.executed));
        funds[k] = lo;
      }
      po['funds'] = funds;
      po['executionWeight'] = pr.executionWeight;
      put(po, 'executionScore', pr.executionScore);
      if (pr.goals) po['goals'] = pr.goals.map((g) => ({ ...g }));
      po['indicators'] = pr.indicators.map((i) => {
        const io: Obj = {
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          target: i.target,
          actual: i.actual,
          weight: i.weight,
        };
        put(io, 'score', i.score);
        put(io, 'deviationReason', i.deviationReason);
        return io;
      });
      put(po, 'totalScore', pr.totalScore);
      put(po, 'grade', pr.grade);
      return po;
    });
    out['performance'] = o;
  }
  if (d.notes) out['notes'] = { ...d.notes };
  return out;
}
