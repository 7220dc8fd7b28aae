/**
 * Imported official catalogues live as CSV files (`function-2024.csv`, `economic-2024.csv`) in a
 * directory the user chooses; validate --catalogue <dir> uses them instead of the built-in subset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalogues, catalogueFromCsv, type CatalogueSet } from '@juesuan/core';

export function loadCatalogueDir(dir: string, year: number): CatalogueSet {
  const set: CatalogueSet = builtinCatalogues(year);
  for (const kind of ['function', 'economic'] as const) {
    const file = join(dir, `${kind}-${year}.csv`);
    if (existsSync(file))
      set[kind] = catalogueFromCsv(readFileSync(file, 'utf8'), {
        year,
        kind,
        file,
        source: file,
        complete: true,
      });
  }
  return set;
}
