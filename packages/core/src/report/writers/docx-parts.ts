/**
 * The parts of a DOCX package that do not depend on the document's content — styles, settings, font table,
 * page-number footers, the draft header with its watermark — and the package plumbing (content types,
 * relationships, document properties). ECMA-376 Part 1 §17.7 (styles), §17.15 (settings), §17.8 (fonts),
 * §17.10 (headers and footers); Part 2 (packaging). See docs/adr/0009-office-files-written-directly.md.
 */
import { attrs, escapeXml, XML_DECLARATION } from './ooxml/xml.ts';

export { THEME_XML } from './ooxml/theme.ts';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  w10: 'urn:schemas-microsoft-com:office:word',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

/** Relationship types (ECMA-376 Part 1 §15.2). */
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  fontTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  package: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${NS.rels}">` +
    rels.map((r) => `<Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target })}/>`).join('') +
    '</Relationships>'
  );
}

const CT = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  fontTable: 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

/** `[Content_Types].xml` for the main parts and the given headers, footers and charts (by part path). */
export function contentTypesXml(parts: { headers: string[]; footers: string[]; charts: string[] }): string {
  const override = (path: string, type: string) =>
    `<Override${attrs({ PartName: `/${path}`, ContentType: type })}/>`;
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
    `<Default Extension="xlsx" ContentType="${CT.xlsx}"/>` +
    override('word/document.xml', CT.document) +
    override('word/styles.xml', CT.styles) +
    override('word/settings.xml', CT.settings) +
    override('word/fontTable.xml', CT.fontTable) +
    override('word/theme/theme1.xml', CT.theme) +
    override('docProps/core.xml', CT.core) +
    override('docProps/app.xml', CT.app) +
    parts.headers.map((p) => override(p, CT.header)).join('') +
    parts.footers.map((p) => override(p, CT.footer)).join('') +
    parts.charts.map((p) => override(p, CT.chart)).join('') +
    '</Types>'
  );
}

export const PACKAGE_RELS_XML = relationshipsXml([
  { id: 'rId1', type: REL.officeDocument, target: 'word/document.xml' },
  { id: 'rId2', type: REL.coreProperties, target: 'docProps/core.xml' },
  { id: 'rId3', type: REL.extendedProperties, target: 'docProps/app.xml' },
]);

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  lastModifiedBy: string;
  date: Date;
}

/** docProps/core.xml (ECMA-376 Part 2 §11, Dublin Core). */
export function corePropertiesXml(p: CoreProperties): string {
  const when = p.date.toISOString();
  const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    text('dc:title', p.title) +
    text('dc:subject', p.subject) +
    text('dc:creator', p.creator) +
    text('cp:keywords', p.keywords) +
    text('dc:description', p.description) +
    text('cp:lastModifiedBy', p.lastModifiedBy) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export const APP_PROPERTIES_XML =
  XML_DECLARATION +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

/** Odd and even pages get their own footers (GB/T 9704 §7.5 puts the page number outside). */
export const SETTINGS_XML =
  XML_DECLARATION +
  `<w:settings xmlns:w="${NS.w}"><w:displayBackgroundShape/><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/>` +
  '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat>' +
  '</w:settings>';

/** Font names as Chinese government documents name them; the font table gives each a fallback (see FONT_TABLE_XML). */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * The font table: each official font with an alternative name, the GB2312 charset (86) and the code-page bit for
 * GB2312, so that Word/WPS without 方正小标宋简体 or 仿宋_GB2312 substitute a Chinese font (宋体, 仿宋 …) and
 * LibreOffice picks a CJK font through its own substitution rather than drawing boxes.
 */
const FONT_ENTRIES: readonly { name: string; alt: string; panose: string; family: string }[] = [
  { name: DOCX_FONTS.title, alt: '宋体', panose: '02010600030101010101', family: 'roman' },
  { name: DOCX_FONTS.heading1, alt: 'SimHei', panose: '02010609060101010101', family: 'swiss' },
  { name: DOCX_FONTS.heading2, alt: '楷体', panose: '02010609060101010101', family: 'roman' },
  { name: DOCX_FONTS.body, alt: '仿宋', panose: '02010609060101010101', family: 'roman' },
  { name: DOCX_FONTS.table, alt: 'SimSun', panose: '02010600030101010101', family: 'roman' },
];

export const FONT_TABLE_XML =
  XML_DECLARATION +
  `<w:fonts xmlns:w="${NS.w}">` +
  FONT_ENTRIES.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/>` +
      '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/></w:font>',
  ).join('') +
  `<w:font w:name="${DOCX_FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
  '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

/** Chinese type sizes in half-points: 2号 22 pt, 小二 18 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { er: 44, xiaoEr: 36, san: 32, si: 28, xiaoSi: 24, wu: 21, xiaoWu: 18 } as const;

/** Fixed line spacing of the body, 28 pt (GB/T 9704: 22 lines per page). */
const BODY_LINE = 560;
const TWO_CHARS = 640; // two 16 pt characters in twips

interface StyleSpec {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  quickFormat?: boolean;
  /** pPr content, in schema order. */
  pPr?: string;
  font?: string;
  bold?: boolean;
  color?: string;
  size?: number;
}

const spacing = (line: number, rule: 'exact' | 'auto', before = 0, after = 0) =>
  `<w:spacing w:after="${after}" w:before="${before}" w:line="${line}" w:lineRule="${rule}"/>`;
const BODY_SPACING = spacing(BODY_LINE, 'exact');
const FIRST_LINE = `<w:ind w:firstLine="${TWO_CHARS}" w:firstLineChars="200"/>`;

const rFonts = (eastAsia: string) =>
  `<w:rFonts w:ascii="${DOCX_FONTS.latin}" w:cs="${DOCX_FONTS.latin}" w:eastAsia="${eastAsia}" w:hAnsi="${DOCX_FONTS.latin}"/>`;

function styleXml(s: StyleSpec): string {
  let rPr = '';
  if (s.font !== undefined) rPr += rFonts(s.font);
  if (s.bold === true) rPr += '<w:b/><w:bCs/>';
  if (s.bold === false) rPr += '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (s.color !== undefined) rPr += `<w:color w:val="${s.color}"/>`;
  if (s.size !== undefined) rPr += `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>`;
  return (
    `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
    (s.basedOn !== undefined ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next !== undefined ? `<w:next w:val="${s.next}"/>` : '') +
    (s.quickFormat === true ? '<w:qFormat/>' : '') +
    (s.pPr !== undefined ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
    (rPr !== '' ? `<w:rPr>${rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

const heading = (level: 1 | 2 | 3, font: string, bold: boolean, pPr: string): StyleSpec => ({
  id: `Heading${level}`,
  name: `Heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  pPr: `<w:keepNext/>${BODY_SPACING}${pPr}<w:outlineLvl w:val="${level - 1}"/>`,
  font,
  bold,
  color: '000000',
  size: SIZE.san,
});

/**
 * GB/T 9704-2012 styles: title 方正小标宋简体 2号, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold 3号, body 仿宋_GB2312
 * 3号 on a fixed 28 pt line with a two-character first-line indent, tables in 宋体 五号 or 小四.
 */
const STYLES: readonly StyleSpec[] = [
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    pPr: `${spacing(700, 'exact')}<w:jc w:val="center"/>`,
    font: DOCX_FONTS.title,
    color: '000000',
    size: SIZE.er,
  },
  heading(1, DOCX_FONTS.heading1, false, '<w:jc w:val="center"/>'),
  heading(2, DOCX_FONTS.heading2, false, FIRST_LINE),
  heading(3, DOCX_FONTS.body, true, FIRST_LINE),
  {
    id: 'Body',
    name: 'Body Text',
    basedOn: 'Normal',
    quickFormat: true,
    pPr: `${BODY_SPACING}${FIRST_LINE}<w:jc w:val="both"/>`,
    font: DOCX_FONTS.body,
    size: SIZE.san,
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    pPr: `${BODY_SPACING}<w:jc w:val="center"/>`,
    font: DOCX_FONTS.heading2,
    size: SIZE.san,
  },
  {
    id: 'TableTitle',
    name: 'Table Title',
    basedOn: 'Normal',
    pPr: `<w:keepNext/>${spacing(240, 'auto', 120, 120)}<w:jc w:val="center"/>`,
    font: DOCX_FONTS.title,
    size: SIZE.xiaoEr,
  },
  {
    id: 'TableText',
    name: 'Table Text',
    basedOn: 'Normal',
    pPr: spacing(240, 'auto'),
    font: DOCX_FONTS.table,
    size: SIZE.wu,
  },
  { id: 'TableTextLarge', name: 'Table Text Large', basedOn: 'TableText', size: SIZE.xiaoSi },
  {
    // The hairline paragraph between the two Word tables of one printed table (docx.ts splitAtGroupHeaders).
    id: 'TableJoin',
    name: 'Table Join',
    basedOn: 'Normal',
    pPr: `<w:keepNext/>${spacing(20, 'exact')}`,
    size: 2,
  },
  {
    id: 'PageNumber',
    name: 'Page Number Line',
    basedOn: 'Normal',
    font: DOCX_FONTS.pageNumber,
    size: SIZE.si,
  },
  {
    id: 'DraftMark',
    name: 'Draft Mark',
    basedOn: 'Normal',
    pPr: '<w:jc w:val="center"/>',
    font: DOCX_FONTS.heading1,
    bold: true,
    color: 'C00000',
    size: SIZE.xiaoSi,
  },
];

export const STYLES_XML =
  XML_DECLARATION +
  `<w:styles xmlns:w="${NS.w}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(DOCX_FONTS.body)}<w:sz w:val="${SIZE.san}"/><w:szCs w:val="${SIZE.san}"/>` +
  '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  `<w:pPrDefault><w:pPr>${spacing(240, 'auto')}</w:pPr></w:pPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
  '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/>' +
  '<w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>' +
  STYLES.map(styleXml).join('') +
  '</w:styles>';

/** The page number "— n —" in 4号 宋体, one character in from the edge of the text block (GB/T 9704 §7.5). */
export function pageNumberFooterXml(side: 'odd' | 'even'): string {
  const ind =
    side === 'odd'
      ? '<w:ind w:right="280"/><w:jc w:val="right"/>'
      : '<w:ind w:left="280"/><w:jc w:val="left"/>';
  return (
    XML_DECLARATION +
    `<w:ftr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="PageNumber"/>${ind}</w:pPr>` +
    '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    '<w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
  );
}

export const DRAFT_HEADER = '草稿（校验未通过）';

/**
 * The draft header: a red line of text and a grey diagonal "草稿" behind the text of every page, as Word's own
 * text watermark draws it (a VML WordArt shape, type 136, in the header; Word, WPS and LibreOffice all show it).
 */
export function draftHeaderXml(shapeId: string, mark: string = DRAFT_HEADER): string {
  const shapetype =
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>' +
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>' +
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>' +
    '<v:f eqn="sum @6 0 @5"/></v:formulas><v:path textpathok="t" o:connecttype="custom" ' +
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>' +
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>' +
    '</v:shapetype>';
  // 420 pt wide, 5:8 high, turned 315°, centred on the margins, behind the text.
  const shape =
    `<v:shape id="${escapeXml(shapeId)}" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;` +
    'width:420pt;height:262.5pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;' +
    'mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" ' +
    'o:allowincell="f" fillcolor="#D0D0D0" stroked="f"><v:fill opacity="0.35"/>' +
    `<v:textpath style="font-family:&quot;${DOCX_FONTS.heading1}&quot;;font-size:1pt" string="草稿"/></v:shape>`;
  return (
    XML_DECLARATION +
    `<w:hdr xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:v="${NS.v}" xmlns:o="${NS.o}" xmlns:w10="${NS.w10}">` +
    `<w:p><w:pPr><w:pStyle w:val="DraftMark"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(mark)}</w:t></w:r>` +
    `<w:r><w:pict>${shapetype}${shape}</w:pict></w:r></w:p></w:hdr>`
  );
}
