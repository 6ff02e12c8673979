/**
 * «Last ned analysedata (CSV)»: the worker, which holds the built table, writes the tidy CSV; the main
 * thread only saves the bytes. The file keeps the exact name the R/Stata scripts read.
 */
import { problem, type Problem } from '../../engine/problem';
import { DEFAULT_DATA_FILE } from '../../export/scripts/common';
import { downloadBytes, MIME } from '../../export/download';
import type { AnalysisSpec } from '../../spec/schema';
import { getAnalysisClient } from '../../store/workerClient';

export async function downloadAnalysisData(spec: AnalysisSpec): Promise<Problem | null> {
  try {
    const bytes = await getAnalysisClient().analysisData(spec);
    downloadBytes(bytes, DEFAULT_DATA_FILE, MIME.csv);
    return null;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return problem('analysis-data-failed', `Kunne ikke lage analysedataene: ${msg}`, `Could not build the analysis data: ${msg}`);
  }
}
