/**
 * CSV bytes → one grid. Spreadsheets saved as CSV on Chinese Windows are GB 18030 (GBK) unless saved
 * as "CSV UTF-8", so UTF-8 is tried first (strictly) and GB 18030 second. RFC 4180 quoting, commas,
 * semicolons or tabs as separators (whichever the first lines use most).
 */
import { newSheet, setCell, type Workbook } from './grid.ts';

export function decodeSpreadsheetText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    const t = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function separatorOf(text: string): string {
  const head = text.slice(0, 4000);
  const count = (ch: string) => head.split(ch).length - 1;
  const candidates = [',', '\t', ';'].map((s) => [s, count(s)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/** Parses CSV text into rows of fields (quotes may span lines). */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readCsvGrid(bytes: Uint8Array, file: string): Workbook {
  const rows = parseCsv(decodeSpreadsheetText(bytes));
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const sheet = newSheet(base || 'CSV');
  rows.forEach((cells, r) =>
    cells.forEach((text, c) => {
      if (text.trim() !== '') setCell(sheet, r, c, { text });
    }),
  );
  return { file, sheets: [sheet] };
}
