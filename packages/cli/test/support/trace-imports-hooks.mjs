// Module resolution hooks for trace-imports.mjs. They run on Node's loader thread, so each URL is written to the
// file synchronously: nothing is lost when the process exits.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (file) appendFileSync(file, r.url + '\n');
  return r;
}
