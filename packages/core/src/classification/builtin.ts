/** The built-in catalogues, one per kind and year, parsed on first use. */
import { BUILTIN_CATALOGUE_CSV } from './builtin-data.generated.ts';
import { catalogueFromCsv, type Catalogue, type CatalogueSet, type ClassificationKind } from './catalogue.ts';

const cache = new Map<string, Catalogue>();

/** Years that have a built-in catalogue of this kind. */
export function builtinYears(kind: ClassificationKind): number[] {
  return Object.keys(BUILTIN_CATALOGUE_CSV)
    .filter((k) => k.startsWith(kind + '-'))
    .map((k) => Number(k.slice(kind.length + 1)))
    .sort((a, b) => a - b);
}

/** The built-in catalogue for a year, or undefined when the year is not covered. */
export function builtinCatalogue(kind: ClassificationKind, year: number): Catalogue | undefined {
  const key = `${kind}-${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const text = BUILTIN_CATALOGUE_CSV[key];
  if (text === undefined) return undefined;
  const c = catalogueFromCsv(text, {
    year,
    kind,
    file: `${key}.csv`,
    source: `内置科目表 ${key}`,
    complete: false,
  });
  cache.set(key, c);
  return c;
}

/** Both built-in catalogues of a year. */
export function builtinCatalogues(year: number): CatalogueSet {
  const set: CatalogueSet = {};
  const f = builtinCatalogue('function', year);
  const e = builtinCatalogue('economic', year);
  if (f) set.function = f;
  if (e) set.economic = e;
  return set;
}
