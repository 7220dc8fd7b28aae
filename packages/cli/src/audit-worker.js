// Worker thread for `juesuan audit --jobs N`: loads the TypeScript sources through tsx, then audits files it is sent.
import { register } from 'tsx/esm/api';

register();
await import('./audit-worker-impl.ts');
