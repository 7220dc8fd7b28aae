/**
 * `npm start`: the server process. Settings come from the environment: PORT, HOST, JUESUAN_DATA_DIR,
 * DATABASE_URL (PostgreSQL instead of SQLite), JUESUAN_TRUST_PROXY, JUESUAN_SECURE_COOKIES,
 * JUESUAN_UI_DIR and JUESUAN_EXAMPLES_DIR (set by the start script).
 */
import { ApiError } from './errors.ts';
import { startServer } from './server.ts';

const env = process.env;
const port = env['PORT'] ? Number(env['PORT']) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT 不是有效的端口号：${env['PORT']}`);
  process.exit(2);
}
const secure = env['JUESUAN_SECURE_COOKIES'] ?? 'auto';
if (secure !== 'auto' && secure !== 'always' && secure !== 'never') {
  console.error(`JUESUAN_SECURE_COOKIES 应为 auto、always 或 never，实际为「${secure}」`);
  process.exit(2);
}

try {
  const server = await startServer({
    port,
    host: env['HOST'] ?? '0.0.0.0',
    dataDir: env['JUESUAN_DATA_DIR'] ?? './data',
    databaseUrl: env['DATABASE_URL'] || undefined,
    examplesDir: env['JUESUAN_EXAMPLES_DIR'],
    config: {
      uiDir: env['JUESUAN_UI_DIR'],
      trustProxy: env['JUESUAN_TRUST_PROXY'] === '1',
      secureCookies: secure,
    },
  });
  console.log(`决算 Juesuan 已启动：${server.url}`);
  console.log(`数据库：${server.database.description}`);
  if (server.seed.seeded) console.log('已创建演示机构，并导入示例 examples/changji-2022.yaml。');
  if (server.seed.adminPassword) {
    console.log('');
    console.log('首个系统管理员账号（密码只显示这一次，请登录后立即修改）：');
    console.log('  用户名：admin');
    console.log(`  密码：  ${server.seed.adminPassword}`);
    console.log('');
  }
  const stop = (): void => {
    console.log('正在停止……');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  if (e instanceof ApiError) console.error(`无法启动：${e.message}`);
  else console.error('无法启动：', e);
  process.exit(1);
}
