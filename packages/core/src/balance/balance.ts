/**
 * 舍位平衡 (rounding with balancing), as the final-accounts software offers it: amounts kept in 元 are
 * printed in 万元 with two decimals, each cell rounded on its own, so a printed total can differ from
 * the sum of its printed parts. Here every cell is rounded half-up to 0.01 万元, and then the fewest
 * cells, preferring those whose exact value lies nearest the other rounding, are moved by 0.01 to the
 * other side of their exact value, until every printed relation (identities.ts) holds exactly. No cell
 * moves by more than 0.01 from its plain rounding, and no cell ends 0.01 or more from its exact value
 * (a "controlled rounding"); an exact cell (0, or a whole 0.01 万元) is never moved.
 *
 * The search is a min-conflicts local search over one choice per cell (floor or ceiling), cells that
 * must stay equal (the same figure in two tables) moving together; it is deterministic.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { formatAmount, type Fen } from '../money/amount.ts';
import { amountCells, brokenRelations, printedRelations, type Relation } from './identities.ts';

type Obj = Record<string, unknown>;

/** 0.01 万元 in 分. */
const STEP = 10_000;

export interface BalanceAdjustment {
  /** Data-file path of the cell. */
  path: string;
  /** The exact amount, in 万元 (all decimals). */
  exact: string;
  /** Plain rounding to 0.01 万元. */
  rounded: string;
  /** After balancing. */
  adjusted: string;
  /** The relations that needed the move, e.g. "表一本年收入合计 = Σ各项收入". */
  reason: string;
}

export interface BalanceResult {
  /** The data in 万元 with two decimals. */
  data: Obj;
  adjustments: BalanceAdjustment[];
  /** Relations that still do not hold (empty when balancing succeeded). */
  unresolved: string[];
  /** Relations the exact data itself breaks: not a rounding matter, left as they are. */
  brokenInSource: string[];
}

function roundHalfUp(fen: Fen): number {
  // Steps of 0.01 万元, half away from zero (amounts are not negative except 结余分配).
  const q = Math.trunc(fen / STEP);
  const r = fen - q * STEP;
  if (2 * Math.abs(r) >= STEP) return q + Math.sign(r);
  return q;
}

function wanText(fen: Fen, decimals = 6): string {
  return formatAmount(fen, { unit: '万元', decimals });
}

/** Deterministic PRNG (mulberry32) for the search's tie-breaking. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

interface Var {
  /** Member cell paths. */
  paths: string[];
  rounded: number;
  /** +1 or −1: the other side of the exact value; 0 when the value is exact. */
  dir: number;
  /** Extra distance from the exact value a move costs, in steps (0 for an exact half). */
  cost: number;
  flipped: boolean;
  cons: number[];
  coef: number[];
}

interface Con {
  kind: 'eq' | 'le';
  vars: number[];
  coef: number[];
  res: number;
  what: string;
}

function violation(c: { kind: 'eq' | 'le'; res: number }, res = c.res): number {
  return c.kind === 'eq' ? Math.abs(res) : Math.max(0, res);
}

/**
 * Balances a data file's amounts in 万元 with two decimals. Input amounts may be in any unit and
 * precision; output amounts are strings such as "12.35", and `amountUnit: 万元`, `decimals: 2`.
 */
export function balanceData(input: Obj, options: { maxIterations?: number } = {}): BalanceResult {
  const data = structuredClone(input);
  const cells = amountCells(data);
  const relations = printedRelations(data, cells);
  const brokenInSource = brokenRelations(relations, cells.fen).map((b) => b.relation);
  const broken = new Set(brokenInSource);
  const usable = relations.filter((r) => !broken.has(r));
  const { vars, varOf, cons } = roundingProblem(cells.fen, usable);
  const solver = new Solver(vars, cons);
  solver.repair(options.maxIterations ?? 20_000 + 200 * vars.length);
  solver.fewerMoves();

  const adjustments: BalanceAdjustment[] = [];
  const finalFen = new Map<string, Fen>();
  for (const [path, fen] of cells.fen) {
    const v = vars[varOf.get(path)!]!;
    const steps = v.rounded + (v.flipped ? v.dir : 0);
    finalFen.set(path, steps * STEP);
    if (v.flipped) {
      const reasons = [
        ...new Set(v.cons.filter((ci) => cons[ci]!.vars.length > 1).map((ci) => cons[ci]!.what)),
      ];
      adjustments.push({
        path,
        exact: wanText(fen),
        rounded: wanText(v.rounded * STEP, 2),
        adjusted: wanText(steps * STEP, 2),
        reason: reasons.slice(0, 3).join('；'),
      });
    }
  }
  writeAmounts(data, finalFen);
  data['amountUnit'] = '万元';
  data['decimals'] = 2;
  const unresolved = brokenRelations(usable, finalFen).map((b) => b.relation.what);
  return { data, adjustments, unresolved, brokenInSource: brokenInSource.map((r) => r.what) };
}

/**
 * The problem to solve: one variable per figure (cells that print the same figure move together), rounded
 * half-up, that may move one step towards its exact value; one constraint per relation that holds in the source.
 */
function roundingProblem(
  fenOf: ReadonlyMap<string, Fen>,
  usable: readonly Relation[],
): { vars: Var[]; varOf: Map<string, number>; cons: Con[] } {
  // Cells that are the same figure move together.
  const uf = new UnionFind();
  for (const r of usable)
    if (r.kind === 'eq' && r.terms.length === 2 && r.terms[0]![1] === -r.terms[1]![1])
      uf.union(r.terms[0]![0], r.terms[1]![0]);
  const varOf = new Map<string, number>();
  const vars: Var[] = [];
  for (const [path, fen] of fenOf) {
    const root = uf.find(path);
    let i = varOf.get(root);
    if (i === undefined) {
      const rounded = roundHalfUp(fen);
      const err = fen / STEP - rounded;
      i = vars.length;
      vars.push({
        paths: [],
        rounded,
        dir: fen % STEP === 0 ? 0 : err > 0 || (err === 0 && false) ? 1 : -1,
        cost: 1 - 2 * Math.abs(err),
        flipped: false,
        cons: [],
        coef: [],
      });
      varOf.set(root, i);
    }
    vars[i]!.paths.push(path);
    varOf.set(path, i);
  }
  const cons: Con[] = [];
  for (const r of usable) {
    const coefBy = new Map<number, number>();
    for (const [p, c] of r.terms) {
      const v = varOf.get(p)!;
      coefBy.set(v, (coefBy.get(v) ?? 0) + c);
    }
    const vs = [...coefBy].filter(([, c]) => c !== 0);
    if (vs.length === 0) continue;
    const res = vs.reduce((s, [v, c]) => s + c * vars[v]!.rounded, 0);
    const ci = cons.length;
    cons.push({ kind: r.kind, vars: vs.map(([v]) => v), coef: vs.map(([, c]) => c), res, what: r.what });
    for (const [v, c] of vs) {
      vars[v]!.cons.push(ci);
      vars[v]!.coef.push(c);
    }
  }
  return { vars, varOf, cons };
}

/** Min-conflicts local search with a tabu list over the rounding moves (deterministic: a fixed seed). */
class Solver {
  private readonly rnd = prng(20240601);
  private readonly tabu = new Map<number, number>();
  private violated: number;
  private clock = 0;

  constructor(
    private readonly vars: Var[],
    private readonly cons: Con[],
  ) {
    this.violated = cons.filter((c) => violation(c) > 0).length;
  }

  private flipDelta(v: Var): number {
    return v.flipped ? -v.dir : v.dir;
  }

  /** Change of total violation if v flips. */
  private gain(vi: number): number {
    const v = this.vars[vi]!;
    const d = this.flipDelta(v);
    let g = 0;
    v.cons.forEach((ci, k) => {
      const c = this.cons[ci]!;
      g += violation(c, c.res + v.coef[k]! * d) - violation(c);
    });
    return g;
  }

  private flip(vi: number): void {
    const v = this.vars[vi]!;
    const d = this.flipDelta(v);
    v.cons.forEach((ci, k) => {
      const c = this.cons[ci]!;
      const before = violation(c) > 0;
      c.res += v.coef[k]! * d;
      const after = violation(c) > 0;
      if (before && !after) this.violated--;
      else if (!before && after) this.violated++;
    });
    v.flipped = !v.flipped;
  }

  /** Min-conflicts repair: moves cells of violated relations until none is violated or the budget ends. */
  repair(budget: number): boolean {
    const { vars, cons, rnd, tabu } = this;
    for (let n = 0; n < budget && this.violated > 0; n++) {
      const iter = this.clock++;
      const bad = cons.filter((c) => violation(c) > 0);
      const c = bad[Math.floor(rnd() * bad.length)]!;
      let best = -1;
      let bestScore = Infinity;
      const candidates: number[] = [];
      c.vars.forEach((vi, k) => {
        const v = vars[vi]!;
        if (v.dir === 0) return;
        const after = violation(c, c.res + c.coef[k]! * this.flipDelta(v));
        if (after >= violation(c)) return;
        candidates.push(vi);
        if ((tabu.get(vi) ?? -1) > iter) return;
        // Total violation first; then prefer undoing a move, then the cheapest new move, then fewer links.
        const score = this.gain(vi) * 1000 + (v.flipped ? -1 : 1 + v.cost) + v.cons.length * 0.001;
        if (score < bestScore) [best, bestScore] = [vi, score];
      });
      if (candidates.length === 0) continue;
      if (best < 0 || rnd() < 0.1) best = candidates[Math.floor(rnd() * candidates.length)]!;
      this.flip(best);
      tabu.set(best, iter + 3 + Math.floor(rnd() * 4));
    }
    return this.violated === 0;
  }

  /** Fewer moves: undo each move in turn and repair around it; keep the result when it moves fewer cells. */
  fewerMoves(): void {
    if (this.violated !== 0) return;
    const { vars, cons } = this;
    const flippedCount = () => vars.reduce((n, v) => n + (v.flipped ? 1 : 0), 0);
    for (let round = 0; round < 2; round++) {
      const order = vars
        .map((v, i) => [v, i] as const)
        .filter(([v]) => v.flipped)
        .sort((x, y) => y[0].cost - x[0].cost);
      for (const [v, vi] of order) {
        if (!v.flipped) continue;
        const before = flippedCount();
        const saved = vars.map((x) => x.flipped);
        const savedRes = cons.map((c) => c.res);
        this.flip(vi);
        this.tabu.set(vi, this.clock + 50);
        if (!(this.repair(300) && flippedCount() < before)) {
          vars.forEach((x, i) => (x.flipped = saved[i]!));
          cons.forEach((c, i) => (c.res = savedRes[i]!));
          this.violated = 0;
        }
      }
    }
  }
}

/** Writes amounts back into the data by path (`a.b[2].c`). */
function writeAmounts(data: Obj, fen: Map<string, Fen>): void {
  for (const [path, v] of fen) {
    const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
    let cur: unknown = data;
    for (let i = 0; i < keys.length - 1; i++) {
      const k = keys[i]!;
      cur = Array.isArray(cur) ? cur[Number(k)] : (cur as Obj)[k];
      if (cur === null || typeof cur !== 'object')
        throw new JuesuanError(ErrorCode.BadInput, `找不到 ${path}`);
    }
    (cur as Obj)[keys[keys.length - 1]!] = wanText(v, 2);
  }
}

export type { Relation };
