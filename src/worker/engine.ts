/**
 * The engine and ingest entry points the pipeline calls, gathered in one place so that tests can
 * inject fakes (the pipeline takes an `EngineDeps`).
 */
import type { Table } from '../engine/table';
import type { ModelResult, ModelSpec } from '../engine/model/types';
import { fitModel } from '../engine/model/fitModel';
import { buildVariables } from '../engine/variables/buildVariables';
import { buildDataset, ingestFile } from '../ingest';
import type { BuildDataset, BuildVariables, IngestFile } from './ingestTypes';

export interface EngineDeps {
  ingestFile: IngestFile;
  buildDataset: BuildDataset;
  buildVariables: BuildVariables;
  fitModel(table: Table, spec: ModelSpec): ModelResult;
}

export const defaultDeps: EngineDeps = { ingestFile, buildDataset, buildVariables, fitModel };
