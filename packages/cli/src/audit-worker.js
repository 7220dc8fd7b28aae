// Worker thread for `juesuan audit --jobs N` when the CLI runs from its sources (the "@juesuan/source" condition,
// see package.json "imports"): Node 20 does not pass tsx's loader on to worker threads, so it is registered here
// before the TypeScript is imported. The built CLI starts dist/audit-worker-impl.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./audit-worker-impl.ts');
