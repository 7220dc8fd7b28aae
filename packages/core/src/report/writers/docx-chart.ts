/**
 * Native Word charts (DrawingML charts, ECMA-376 Part 1 §21.2): a pie of one series, or clustered columns of
 * categories × series, each with its data in a small embedded workbook so that "Edit data" works in Word and WPS.
 * Colours are written as RGB, not theme references, so that the chart looks the same whatever theme the
 * application falls back to (the package carries none).
 */
import { CHART_PALETTE } from '../charts.ts';
import type { ChartSpec } from '../document.ts';
import { escapeXml, XML_DECLARATION } from './ooxml/xml.ts';
import { zip } from './ooxml/zip.ts';

/** The same colours as the HTML charts (charts.ts). */
const CHART_COLORS: readonly string[] = CHART_PALETTE;
const FONT = '宋体';
/** Axis lines and grid lines: 15 % black. Axis and legend text: 65 % black. */
const LINE_GREY = 'D9D9D9';
const TEXT_GREY = '595959';

/** Size of the drawing: 560 × 300 px at 96 dpi, in EMU. */
export const CHART_EXTENT = { cx: 560 * 9525, cy: 300 * 9525 } as const;

export type DrawnChart = { kind: 'pie' | 'column'; chart: ChartSpec };

/**
 * How a chart is drawn: a pie when it is one series without negative parts, columns otherwise; undefined when
 * there is nothing to draw or a value is not a finite number (the writer then prints the data as a table).
 */
export function drawnChart(chart: ChartSpec): DrawnChart | undefined {
  if (chart.series.length === 0 || chart.categories.length === 0) return undefined;
  if (!chart.series.every((s) => s.values.every((v) => Number.isFinite(v)))) return undefined;
  const [first] = chart.series;
  const pie =
    chart.kind === 'pie' &&
    chart.series.length === 1 &&
    first !== undefined &&
    first.values.every((v) => v >= 0);
  return { kind: pie ? 'pie' : 'column', chart };
}

const PLAIN_DECIMAL = /^(\d{1,13})(?:\.(\d+))?$/;

/**
 * A chart value as printed in the alternative text and the fallback table: "1,234.57", exactly as
 * `toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })` prints it — half away from
 * zero on the shortest decimal form of the number — without the cost of Intl (hundreds of values per report).
 */
export function chartNumber(v: number): string {
  const m = PLAIN_DECIMAL.exec(String(Math.abs(v)));
  if (m === null || Object.is(v, -0))
    return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const frac = m[2] ?? '';
  const cents =
    Number(m[1]) * 100 + Number((frac + '00').slice(0, 2)) + (frac.length > 2 && frac[2]! >= '5' ? 1 : 0);
  // A negative value that rounds to zero keeps its sign ("-0.00"), as Intl prints it.
  const int = String(Math.floor(cents / 100));
  const grouped = int.length <= 3 ? int : int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${v < 0 ? '-' : ''}${grouped}.${String(cents % 100).padStart(2, '0')}`;
}

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const NO_LINE = '<a:noFill/><a:ln><a:noFill/></a:ln><a:effectLst/>';
const GREY_LINE = `<a:ln w="9525" cap="flat" cmpd="sng" algn="ctr">${solid(LINE_GREY)}<a:round/></a:ln>`;

function textProperties(size: number, color: string, bodyPr: string): string {
  return (
    `<c:txPr>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="0" i="0" u="none" strike="noStrike" kern="1200" baseline="0">` +
    `${solid(color)}<a:latin typeface="${FONT}"/><a:ea typeface="+mn-ea"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr>` +
    '<a:endParaRPr lang="en-US"/></a:p></c:txPr>'
  );
}

const BODY_ROTATED =
  '<a:bodyPr rot="-60000000" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square" anchor="ctr" anchorCtr="1"/>';
const BODY_FLAT =
  '<a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square" anchor="ctr" anchorCtr="1"/>';
const BODY_LABEL =
  '<a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square" lIns="38100" tIns="19050" ' +
  'rIns="38100" bIns="19050" anchor="ctr" anchorCtr="1"><a:spAutoFit/></a:bodyPr>';

const FLAGS = (val: boolean, leaderLines: boolean) =>
  `<c:showLegendKey val="0"/><c:showVal val="${val ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
  `<c:showPercent val="0"/><c:showBubbleSize val="0"/>${leaderLines ? '<c:showLeaderLines val="1"/>' : ''}`;

function valueLabels(size: number, leaderLines: boolean): string {
  return (
    `<c:dLbls><c:numFmt formatCode="#,##0.00" sourceLinked="0"/><c:spPr>${NO_LINE}</c:spPr>` +
    textProperties(size, '000000', BODY_LABEL) +
    `<c:dLblPos val="outEnd"/>${FLAGS(true, leaderLines)}</c:dLbls>`
  );
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('') +
    '</c:strCache>'
  );
}

function numCache(values: readonly number[]): string {
  return (
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`).join('') +
    '</c:numCache>'
  );
}

/** One series: its name in row 1 of its column, categories in column A, values below the name. */
function seriesXml(chart: ChartSpec, i: number, style: string, labels: string): string {
  const s = chart.series[i]!;
  const col = column(i + 1);
  const last = chart.categories.length + 1;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>Sheet1!$${col}$1</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    style +
    labels +
    `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${last}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Sheet1!$${col}$2:$${col}$${last}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`
  );
}

function pieXml(chart: ChartSpec): string {
  const slices = chart.categories
    .map(
      (_, i) =>
        `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr>${solid(CHART_COLORS[i % CHART_COLORS.length]!)}` +
        `<a:ln w="19050">${solid('FFFFFF')}</a:ln><a:effectLst/></c:spPr></c:dPt>`,
    )
    .join('');
  return (
    '<c:pieChart><c:varyColors val="1"/>' +
    seriesXml(chart, 0, slices, valueLabels(900, true)) +
    `<c:dLbls>${FLAGS(false, true)}</c:dLbls><c:firstSliceAng val="0"/></c:pieChart>`
  );
}

function axisText(): string {
  return textProperties(900, TEXT_GREY, BODY_ROTATED);
}

function columnXml(chart: ChartSpec): string {
  // Labels on every bar only while they fit side by side; the axis carries the scale otherwise.
  const labels = chart.categories.length * chart.series.length <= 8 ? valueLabels(800, false) : '';
  const series = chart.series
    .map((_, i) =>
      seriesXml(
        chart,
        i,
        `<c:spPr>${solid(CHART_COLORS[i % CHART_COLORS.length]!)}<a:ln><a:noFill/></a:ln><a:effectLst/></c:spPr><c:invertIfNegative val="0"/>`,
        labels,
      ),
    )
    .join('');
  return (
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    `<c:dLbls>${FLAGS(false, false)}</c:dLbls><c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/><c:spPr><a:noFill/>${GREY_LINE}<a:effectLst/></c:spPr>${axisText()}` +
    '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>' +
    '<c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    `<c:majorGridlines><c:spPr>${GREY_LINE}<a:effectLst/></c:spPr></c:majorGridlines>` +
    '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/><c:spPr>${NO_LINE}</c:spPr>${axisText()}` +
    '<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
  );
}

/** The chart part; `dataRelId` names the relationship to its embedded workbook. */
export function chartXml(drawn: DrawnChart, dataRelId: string): string {
  const plot = drawn.kind === 'pie' ? pieXml(drawn.chart) : columnXml(drawn.chart);
  return (
    XML_DECLARATION +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>${plot}<c:spPr>${NO_LINE}</c:spPr></c:plotArea>` +
    `<c:legend><c:legendPos val="${drawn.kind === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/><c:spPr>${NO_LINE}</c:spPr>` +
    `${textProperties(1000, TEXT_GREY, BODY_FLAT)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}${GREY_LINE}<a:effectLst/></c:spPr>` +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>' +
    `<c:externalData r:id="${dataRelId}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>`
  );
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKBOOK_PARTS = {
  contentTypes:
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>',
  rels:
    XML_DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>',
  workbook:
    XML_DECLARATION +
    `<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  workbookRels:
    XML_DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    '</Relationships>',
  styles:
    XML_DECLARATION +
    `<styleSheet xmlns="${SHEET_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
};

/** The chart's data as a one-sheet workbook: series names in row 1, categories in column A. */
export function chartWorkbook(chart: ChartSpec): Promise<Uint8Array> {
  const strings: string[] = [];
  const text = (ref: string, value: string) => `<c r="${ref}" t="s"><v>${strings.push(value) - 1}</v></c>`;
  const rows = [`<row r="1">${chart.series.map((x, i) => text(`${column(i + 1)}1`, x.name)).join('')}</row>`];
  chart.categories.forEach((c, r) => {
    const n = r + 2;
    rows.push(
      `<row r="${n}">${text(`A${n}`, c)}` +
        chart.series
          .map((x, i) => `<c r="${column(i + 1)}${n}"><v>${String(x.values[r] ?? 0)}</v></c>`)
          .join('') +
        '</row>',
    );
  });
  const sheet =
    XML_DECLARATION +
    `<worksheet xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${column(chart.series.length)}${chart.categories.length + 1}"/>` +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`;
  const shared =
    XML_DECLARATION +
    `<sst xmlns="${SHEET_NS}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join('') +
    '</sst>';
  return zip(
    [
      { path: '[Content_Types].xml', data: WORKBOOK_PARTS.contentTypes },
      { path: '_rels/.rels', data: WORKBOOK_PARTS.rels },
      { path: 'xl/workbook.xml', data: WORKBOOK_PARTS.workbook },
      { path: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_PARTS.workbookRels },
      { path: 'xl/worksheets/sheet1.xml', data: sheet },
      { path: 'xl/styles.xml', data: WORKBOOK_PARTS.styles },
      { path: 'xl/sharedStrings.xml', data: shared },
      // Stored: the DOCX around it deflates the whole workbook at once.
    ],
    { store: true },
  );
}
