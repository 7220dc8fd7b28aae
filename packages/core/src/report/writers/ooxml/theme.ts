/** The DrawingML theme part shared by the DOCX and XLSX writers (ECMA-376 Part 1 §20.1.6). */
import { XML_DECLARATION } from './xml.ts';

/**
 * A small theme for both writers: Office's default colours and fonts (the charts' axis and legend text names the theme's East Asian
 * font, "+mn-ea", which resolves through the script list to 等线 in Word and to the same fallback in LibreOffice as
 * before). Format scheme entries are plain fills and lines, as the schema requires three of each.
 */
const THEME_COLORS: readonly [string, string][] = [
  ['accent1', '4472C4'],
  ['accent2', 'ED7D31'],
  ['accent3', 'A5A5A5'],
  ['accent4', 'FFC000'],
  ['accent5', '5B9BD5'],
  ['accent6', '70AD47'],
  ['hlink', '0563C1'],
  ['folHlink', '954F72'],
];
const themeFont = (latin: string, hans: string) =>
  `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>` +
  `<a:font script="Hans" typeface="${hans}"/><a:font script="Hant" typeface="新細明體"/><a:font script="Jpan" typeface="游明朝"/>`;
const phFill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const three = (x: string) => x + x + x;
export const THEME_XML =
  XML_DECLARATION +
  `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office">` +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>' +
  THEME_COLORS.map(([name, rgb]) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`).join('') +
  '</a:clrScheme><a:fontScheme name="Office">' +
  `<a:majorFont>${themeFont('Calibri Light', '等线 Light')}</a:majorFont><a:minorFont>${themeFont('Calibri', '等线')}</a:minorFont>` +
  '</a:fontScheme><a:fmtScheme name="Office">' +
  `<a:fillStyleLst>${three(phFill)}</a:fillStyleLst>` +
  `<a:lnStyleLst>${three(`<a:ln w="6350">${phFill}</a:ln>`)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${three('<a:effectStyle><a:effectLst/></a:effectStyle>')}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${three(phFill)}</a:bgFillStyleLst>` +
  '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';
