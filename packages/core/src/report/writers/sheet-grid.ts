/**
 * A worksheet as a grid of styled cells, and the SpreadsheetML package written from it (ECMA-376 Part 1 §18:
 * workbook, worksheets, shared strings, a style sheet with one cell format per distinct style). Merged areas
 * share the style of their top-left cell, so that every cell of the area carries its borders, as Excel expects.
 * See docs/adr/0009-office-files-written-directly.md.
 */
import { THEME_XML } from './ooxml/theme.ts';
import { escapeXml, XML_DECLARATION } from './ooxml/xml.ts';
import { zip, type DeflateRaw, type ZipEntry } from './ooxml/zip.ts';

export interface CellFont {
  name: string;
  size: number;
  bold: boolean;
  /** ARGB, e.g. FFC00000. */
  color?: string;
}

export interface CellAlignment {
  horizontal: 'left' | 'center' | 'right';
  vertical: 'middle' | 'bottom';
  wrapText?: boolean;
  indent?: number;
}

export interface CellStyle {
  font?: CellFont;
  alignment?: CellAlignment;
  /** Thin black lines on all four sides. */
  border?: boolean;
  /** Number format code; '@' is text. */
  numFmt?: string;
  /** Solid background, ARGB (e.g. FFFFF200 for a figure the data does not give). */
  fill?: string;
}

export interface GridCell {
  value: string | number | undefined;
  style: CellStyle;
}

/** One worksheet: cells by row and column (1-based), merges, row heights, view and print setup. */
export class SheetGrid {
  private readonly cells = new Map<number, GridCell>();
  /** Covered cell → top-left cell of its merged area. */
  private readonly covered = new Map<number, number>();
  readonly merges: string[] = [];
  readonly rowHeights = new Map<number, number>();
  columnWidths: number[] = [];
  defaultRowHeight: number | undefined;
  /** A4, fit to the page width, centred, in this orientation; undefined: the application's defaults. */
  print: 'landscape' | 'portrait' | undefined;
  /** Print the whole sheet on one page (scaled down), not just fitted to the page width. */
  fitToOnePage = false;
  /** Rows above the frozen pane (0: none). */
  frozenRows = 0;
  /** First and last row printed on every page. */
  printTitleRows: [number, number] | undefined;
  /** Last row of the print area (all columns). */
  printAreaRows = 0;
  header: string | undefined;
  footer: string | undefined;

  constructor(
    readonly name: string,
    readonly width: number,
  ) {}

  private static key(r: number, c: number): number {
    return r * 16384 + c;
  }

  /** The cell at (r, c); inside a merged area, its top-left cell. */
  cell(r: number, c: number): GridCell {
    let k = SheetGrid.key(r, c);
    k = this.covered.get(k) ?? k;
    let cell = this.cells.get(k);
    if (cell === undefined) {
      cell = { value: undefined, style: {} };
      this.cells.set(k, cell);
    }
    return cell;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    const master = SheetGrid.key(r1, c1);
    this.cell(r1, c1);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) this.covered.set(SheetGrid.key(r, c), master);
    this.merges.push(`${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`);
  }

  lastRow(): number {
    let last = 0;
    for (const k of this.cells.keys()) last = Math.max(last, Math.floor(k / 16384));
    for (const k of this.covered.keys()) last = Math.max(last, Math.floor(k / 16384));
    for (const r of this.rowHeights.keys()) last = Math.max(last, r);
    return last;
  }

  /** Each written cell of row r in column order: its own cell, or the top-left cell of the area covering it. */
  *row(r: number): Generator<{ col: number; cell: GridCell; covered: boolean }> {
    for (let c = 1; c <= this.width; c++) {
      const k = SheetGrid.key(r, c);
      const master = this.covered.get(k);
      const cell = this.cells.get(master ?? k);
      if (cell !== undefined) yield { col: c, cell, covered: master !== undefined };
    }
  }
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Fonts, formats and cell formats of a workbook, each distinct one once. */
class StyleSheet {
  private readonly fonts = new Map<string, number>([
    // Font 0 is the Normal style's: Excel measures column widths in its digits.
    [
      '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
      0,
    ],
  ]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
  ]);
  /** Style object → cell format index (the same object serves every cell of a merged area). */
  private readonly byStyle = new WeakMap<CellStyle, number>();

  /** Cell format key → index, keyed on the style's fields (cheaper than writing the XML of every cell's format). */
  private readonly byKey = new Map<string, number>();

  index(style: CellStyle): number {
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const f = style.font;
    const a = style.alignment;
    const key =
      (f === undefined ? '' : `${f.name}|${f.size}|${f.bold ? 1 : 0}|${f.color ?? ''}`) +
      `|${style.numFmt ?? ''}|${style.border === true ? 1 : 0}|${style.fill ?? ''}|` +
      (a === undefined
        ? ''
        : `${a.horizontal}|${a.vertical}|${a.wrapText === true ? 1 : 0}|${a.indent ?? 0}`);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.add(style);
      this.byKey.set(key, id);
    }
    this.byStyle.set(style, id);
    return id;
  }

  private add(style: CellStyle): number {
    const fontId = style.font === undefined ? 0 : this.font(style.font);
    const numFmtId = style.numFmt === undefined ? 0 : this.numFmt(style.numFmt);
    const borderId = style.border === true ? 1 : 0;
    const fillId = style.fill === undefined ? 0 : this.fill(style.fill);
    const a = style.alignment;
    let xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : '') +
      (fontId !== 0 ? ' applyFont="1"' : '') +
      (fillId !== 0 ? ' applyFill="1"' : '') +
      (borderId !== 0 ? ' applyBorder="1"' : '') +
      (a !== undefined ? ' applyAlignment="1"' : '');
    xf +=
      a === undefined
        ? '/>'
        : `><alignment horizontal="${a.horizontal}" vertical="${a.vertical === 'middle' ? 'center' : 'bottom'}"` +
          (a.wrapText === true ? ' wrapText="1"' : '') +
          (a.indent !== undefined && a.indent > 0 ? ` indent="${a.indent}"` : '') +
          '/></xf>';
    let id = this.xfs.get(xf);
    if (id === undefined) {
      id = this.xfs.size;
      this.xfs.set(xf, id);
    }
    return id;
  }

  private font(f: CellFont): number {
    const xml =
      `<font>${f.bold ? '<b/>' : ''}${f.color !== undefined ? `<color rgb="${f.color}"/>` : ''}` +
      `<sz val="${f.size}"/><name val="${escapeXml(f.name)}"/></font>`;
    let id = this.fonts.get(xml);
    if (id === undefined) {
      id = this.fonts.size;
      this.fonts.set(xml, id);
    }
    return id;
  }

  /** Fills 0 and 1 are the two Excel requires (none, gray125); solid fills follow. */
  private readonly fills = new Map<string, number>();

  private fill(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) {
      id = 2 + this.fills.size;
      this.fills.set(argb, id);
    }
    return id;
  }

  private numFmt(code: string): number {
    if (code === '@') return 49; // built-in text format
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size; // first id free for custom formats
      this.numFmts.set(code, id);
    }
    return id;
  }

  xml(): string {
    const thin =
      '<left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>' +
      '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/>';
    return (
      XML_DECLARATION +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.size > 0
        ? `<numFmts count="${this.numFmts.size}">` +
          [...this.numFmts]
            .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
            .join('') +
          '</numFmts>'
        : '') +
      `<fonts count="${this.fonts.size}">${[...this.fonts.keys()].join('')}</fonts>` +
      `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
      [...this.fills.keys()]
        .map(
          (argb) =>
            `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
        .join('') +
      '</fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${[...this.xfs.keys()].join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  id(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    let out =
      XML_DECLARATION +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">`;
    for (const text of this.index.keys()) {
      // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
      const keep = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
      out += `<si><t${keep}>${escapeXml(text)}</t></si>`;
    }
    return out + '</sst>';
  }
}

function sheetXml(ws: SheetGrid, styles: StyleSheet, strings: SharedStrings): string {
  const last = ws.lastRow();
  const lastCol = columnLetter(ws.width);
  let out =
    XML_DECLARATION +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (ws.print !== undefined ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${lastCol}${Math.max(1, last)}"/>`;
  if (ws.frozenRows > 0) {
    const top = `A${ws.frozenRows + 1}`;
    out +=
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${ws.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  }
  out +=
    ws.defaultRowHeight !== undefined
      ? `<sheetFormatPr defaultRowHeight="${ws.defaultRowHeight}" customHeight="1"/>`
      : '<sheetFormatPr defaultRowHeight="15"/>';
  if (ws.columnWidths.length > 0) {
    out += `<cols>${ws.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  }
  out += '<sheetData>';
  for (let r = 1; r <= last; r++) {
    const h = ws.rowHeights.get(r);
    let row = '';
    for (const { col, cell, covered } of ws.row(r)) {
      const ref = `${columnLetter(col)}${r}`;
      const s = styles.index(cell.style);
      const sAttr = s === 0 ? '' : ` s="${s}"`;
      if (covered || cell.value === undefined) row += `<c r="${ref}"${sAttr}/>`;
      else if (typeof cell.value === 'number')
        row += `<c r="${ref}"${sAttr}><v>${String(cell.value)}</v></c>`;
      else row += `<c r="${ref}"${sAttr} t="s"><v>${strings.id(cell.value)}</v></c>`;
    }
    if (row === '' && h === undefined) continue;
    out += `<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${row}</row>`;
  }
  out += '</sheetData>';
  if (ws.merges.length > 0)
    out += `<mergeCells count="${ws.merges.length}">${ws.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  out +=
    ws.print !== undefined
      ? '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        `<pageSetup paperSize="9" orientation="${ws.print}" scale="100" fitToWidth="1" fitToHeight="${ws.fitToOnePage ? 1 : 0}"/>`
      : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (ws.header !== undefined || ws.footer !== undefined) {
    out +=
      '<headerFooter>' +
      (ws.header !== undefined ? `<oddHeader>${escapeXml(ws.header)}</oddHeader>` : '') +
      (ws.footer !== undefined ? `<oddFooter>${escapeXml(ws.footer)}</oddFooter>` : '') +
      '</headerFooter>';
  }
  return out + '</worksheet>';
}

export interface WorkbookProperties {
  creator: string;
  lastModifiedBy: string;
  title: string;
  subject: string;
  company: string;
  keywords: string;
  deflate?: DeflateRaw;
}

/** A sheet name inside a formula: quoted, quotes doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(sheets: readonly SheetGrid[]): string {
  const names: string[] = [];
  sheets.forEach((ws, i) => {
    if (ws.printAreaRows > 0)
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${quoted(ws.name)}!$A$1:$${columnLetter(ws.width)}$${ws.printAreaRows}`)}</definedName>`,
      );
    if (ws.printTitleRows !== undefined)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoted(ws.name)}!$${ws.printTitleRows[0]}:$${ws.printTitleRows[1]}`)}</definedName>`,
      );
  });
  return (
    XML_DECLARATION +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView/></bookViews><sheets>' +
    sheets
      .map((ws, i) => `<sheet name="${escapeXml(ws.name)}" sheetId="${i + 1}" r:id="rIdSheet${i + 1}"/>`)
      .join('') +
    '</sheets>' +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (list: readonly [string, string, string][]) =>
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
  '</Relationships>';

function contentTypes(sheetCount: number): string {
  const o = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const ml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  let sheets = '';
  for (let i = 1; i <= sheetCount; i++) sheets += o(`xl/worksheets/sheet${i}.xml`, `${ml}.worksheet+xml`);
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    o('xl/workbook.xml', `${ml}.sheet.main+xml`) +
    sheets +
    o('xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml') +
    o('xl/styles.xml', `${ml}.styles+xml`) +
    o('xl/sharedStrings.xml', `${ml}.sharedStrings+xml`) +
    o('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    o('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function corePropertiesXml(p: WorkbookProperties, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const t = (tag: string, v: string) => `<${tag}>${escapeXml(v)}</${tag}>`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    t('dc:creator', p.creator) +
    t('dc:title', p.title) +
    t('dc:subject', p.subject) +
    t('cp:keywords', p.keywords) +
    t('cp:lastModifiedBy', p.lastModifiedBy) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * Extended properties. The application is named as Excel: LibreOffice lays rows out the way Excel does (text
 * position in fixed-height rows) only for files that say they come from Excel, and the tables are made for Excel.
 */
function appPropertiesXml(p: WorkbookProperties, sheets: readonly SheetGrid[]): string {
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">` +
    sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('') +
    `</vt:vector></TitlesOfParts><Company>${escapeXml(p.company)}</Company></Properties>`
  );
}

/** Writes the sheets, in order, as an XLSX package. */
export function writeWorkbook(sheets: readonly SheetGrid[], props: WorkbookProperties): Promise<Uint8Array> {
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const sheetParts: ZipEntry[] = sheets.map((ws, i) => ({
    path: `xl/worksheets/sheet${i + 1}.xml`,
    data: sheetXml(ws, styles, strings),
  }));
  const date = new Date();
  const relList: [string, string, string][] = sheets.map((_, i) => [
    `rIdSheet${i + 1}`,
    `${REL_BASE}/worksheet`,
    `worksheets/sheet${i + 1}.xml`,
  ]);
  relList.push(
    ['rIdStyles', `${REL_BASE}/styles`, 'styles.xml'],
    ['rIdTheme', `${REL_BASE}/theme`, 'theme/theme1.xml'],
    ['rIdStrings', `${REL_BASE}/sharedStrings`, 'sharedStrings.xml'],
  );
  return zip(
    [
      { path: '[Content_Types].xml', data: contentTypes(sheets.length), reuse: true },
      {
        path: '_rels/.rels',
        data: rels([
          ['rId1', `${REL_BASE}/officeDocument`, 'xl/workbook.xml'],
          [
            'rId2',
            'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
            'docProps/core.xml',
          ],
          ['rId3', `${REL_BASE}/extended-properties`, 'docProps/app.xml'],
        ]),
        reuse: true,
      },
      { path: 'xl/workbook.xml', data: workbookXml(sheets) },
      { path: 'xl/_rels/workbook.xml.rels', data: rels(relList), reuse: true },
      ...sheetParts,
      { path: 'xl/theme/theme1.xml', data: THEME_XML, reuse: true },
      { path: 'xl/styles.xml', data: styles.xml() },
      { path: 'xl/sharedStrings.xml', data: strings.xml() },
      { path: 'docProps/core.xml', data: corePropertiesXml(props, date) },
      { path: 'docProps/app.xml', data: appPropertiesXml(props, sheets) },
    ],
    { date, ...(props.deflate !== undefined ? { deflate: props.deflate } : {}) },
  );
}
