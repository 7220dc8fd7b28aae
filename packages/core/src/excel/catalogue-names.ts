/**
 * Codes of rows printed by name only ("一、一般公共服务支出", an indented "行政运行"): looked up in the
 * year's classification, a 类 by its name, a 款 among the children of the 类 above it, a 项 among the
 * children of the 款 above it (names such as 行政运行 repeat under every 款, so context decides).
 */
import { builtinCatalogue, builtinYears } from '../classification/builtin.ts';
import type { Catalogue, CatalogueSet, ClassificationKind } from '../classification/catalogue.ts';
import { rowLabelCore } from './vocabulary.ts';

export interface NameIndex {
  kind: ClassificationKind;
  catalogue: Catalogue | undefined;
  classes: Map<string, string>;
  /** parent code → normalised name → code */
  children: Map<string, Map<string, string>>;
}

const cache = new Map<string, NameIndex>();

/** The catalogue of a year, or of the nearest built-in year when that year has none. */
export function catalogueFor(
  kind: ClassificationKind,
  year: number,
  set?: CatalogueSet,
): Catalogue | undefined {
  const own = set?.[kind];
  if (own) return own;
  const years = builtinYears(kind);
  if (years.length === 0) return undefined;
  const y = years.includes(year) ? year : year < years[0]! ? years[0]! : years[years.length - 1]!;
  return builtinCatalogue(kind, y);
}

export function nameIndex(kind: ClassificationKind, year: number, set?: CatalogueSet): NameIndex {
  const key = set?.[kind] ? undefined : `${kind}-${year}`;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const catalogue = catalogueFor(kind, year, set);
  const idx: NameIndex = { kind, catalogue, classes: new Map(), children: new Map() };
  for (const e of catalogue?.entries.values() ?? []) {
    const n = rowLabelCore(e.name);
    if (e.level === '类') idx.classes.set(n, e.code);
    else {
      let m = idx.children.get(e.parent);
      if (!m) idx.children.set(e.parent, (m = new Map()));
      if (!m.has(n)) m.set(n, e.code);
    }
  }
  if (key) cache.set(key, idx);
  return idx;
}

/** Code of a name-only row given the 类 and 款 above it, or undefined. */
export function codeByName(
  idx: NameIndex,
  label: string,
  context: { lastClass?: string; lastSection?: string },
  classOnly = false,
): string | undefined {
  const n = rowLabelCore(label);
  if (n === '') return undefined;
  const cls = idx.classes.get(n);
  if (cls) return cls;
  if (classOnly) return undefined;
  if (context.lastSection) {
    const item = idx.children.get(context.lastSection)?.get(n);
    if (item) return item;
  }
  if (context.lastClass) {
    const section = idx.children.get(context.lastClass)?.get(n);
    if (section) return section;
  }
  return undefined;
}

/** The catalogue name of a code, if listed. */
export function nameOfCode(idx: NameIndex, code: string): string | undefined {
  return idx.catalogue?.entries.get(code)?.name;
}
