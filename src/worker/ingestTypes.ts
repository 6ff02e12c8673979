/** The ingest and variable-builder types the worker passes along (owned by those modules). */
import type { DataSpec } from '../spec/sections/data';
import type { VariablesSpec } from '../spec/sections/variables';
import type { Dataset, ImportedSource, IngestOptions } from '../ingest/types';
import type { BuildResult } from '../engine/variables/types';

export type {
  Dataset,
  ImportedSource,
  IngestProgress,
  VariableInfo,
  ValidationReport,
} from '../ingest/types';
export type { DerivedVariableInfo } from '../engine/variables/types';

export type IngestFile = (
  input: { name: string; bytes: Uint8Array },
  opts?: IngestOptions,
) => Promise<ImportedSource>;
export type BuildDataset = (sources: ImportedSource[], data: DataSpec) => Dataset;
export type BuildVariables = (dataset: Dataset, spec: VariablesSpec) => BuildResult;
