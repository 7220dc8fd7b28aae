import { buildReport, builtinProfile, disclosureFromData, generateUnitData, writeDocx, writeXlsx, writeHtml } from '@juesuan/core';
const docs = Array.from({ length: 40 }, (_, i) => buildReport(disclosureFromData(generateUnitData({ seed: i + 1, rounded: true })), builtinProfile('xinjiang-2022'))).map((d) => (process.env.NOCHART ? { ...d, blocks: d.blocks.filter((b) => b.type !== 'chart') } : d));
const which = process.env.W ?? 'docx';
for (let i = 0; i < 5; i++) which === 'docx' ? await writeDocx(docs[i]!) : which === 'xlsx' ? await writeXlsx(docs[i]!) : writeHtml(docs[i]!);
const t0 = performance.now();
for (const d of docs) which === 'docx' ? await writeDocx(d) : which === 'xlsx' ? await writeXlsx(d) : writeHtml(d);
console.log(which, ((performance.now() - t0) / docs.length).toFixed(1), 'ms/doc');
