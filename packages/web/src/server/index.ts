/** @juesuan/web server: the pieces other code (tests, benchmarks) starts the server with. */
export { createApp } from './app.ts';
export { startServer, prepareDeps, type RunningServer, type StartOptions } from './server.ts';
export { openDatabase, type Database } from './db/database.ts';
export { migrate, checkMigrationPrefix } from './db/migrator.ts';
export { MIGRATIONS } from './db/migrations/index.ts';
export { ApiError, ApiErrorCode } from './errors.ts';
