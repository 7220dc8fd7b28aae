// `npm start`: build what is out of date, then run the server (database, migrations, demo data on
// first start, API + UI). PORT and JUESUAN_DATA_DIR choose the port and the data folder.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildServer, buildUi, paths } from './build.mjs';

const t0 = Date.now();
const s = await buildServer();
const u = await buildUi();
if (s || u)
  console.log(
    `已构建${s ? '服务器' : ''}${s && u ? '和' : ''}${u ? '界面' : ''}（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
  );
process.env.JUESUAN_UI_DIR ??= paths.ui;
process.env.JUESUAN_EXAMPLES_DIR ??= join(paths.repo, 'examples');
await import(pathToFileURL(paths.server).href);
