/** Public API of the ingest layer (docs/CONTRACTS.md). */
export { ingestFile, sniffFormat } from './ingestFile';
export { buildDataset } from './dataset/buildDataset';
export { MAX_FILE_BYTES, checkFileSize } from './limits';
export { proposeMapping } from './mapping';
export type {
  Dataset,
  ImportedSource,
  IngestOptions,
  IngestProgress,
  SourceVariable,
  ValidationReport,
  VariableInfo,
} from './types';
