/**
 * `@juesuan/core/testing`: generators and sample inputs for tests and benchmarks — generated units, a
 * hand-built report document, minimal PDFs. Not part of the library's public surface (`@juesuan/core`).
 */
export { generateUnitData, type GenerateOptions } from './generate-unit.ts';
export { sampleDocument } from './sample-document.ts';
export { minimalPdf, jpegSize, type MinimalPdfPage } from './minimal-pdf.ts';
export { wan } from '../money/amount.ts';
