// `node --import ./trace-imports.mjs …` with JUESUAN_TRACE_IMPORTS=<file>: appends every ES module URL the process
// resolves to <file>, one a line (the test of the built bin checks what `juesuan --help` loads).
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, {
  data: { file: process.env['JUESUAN_TRACE_IMPORTS'] },
});
