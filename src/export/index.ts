/** Public API of the export layer: views import from here. */
export * from './reportTable';
export { neutraliseText, isDangerousText } from './neutralise';
export { plainCellText, displayCellText, plainNumber } from './cellText';
export { buildRegressionTable, type RegressionColumnInput, type RegressionTableOptions } from './regressionTable';
export { tableToCsv, csvBytes, BOM, type CsvOptions } from './csv';
export { tableToHtml, tableToTsv, copyTable } from './clipboard';
export { tablesToXlsx, numberFormat, sheetName, type XlsxMeta } from './xlsx';
export { describeSpec, isSyntheticSpec, type DescriptionLine } from './describeSpec';
export { saveProject, openProject, projectFileName, PROJECT_EXTENSION, type EmbeddedFile, type OpenedProject } from './projectFile';
export { downloadBytes, safeFileBase, MIME } from './download';
export { generateRScript } from './scripts/rScript';
export { generateStataScript } from './scripts/stataScript';
export { DEFAULT_DATA_FILE } from './scripts/common';
export { tableToTidyCsv, analysisDataColumns } from './analysisData';
export { sourceLine } from './sourceLine';
