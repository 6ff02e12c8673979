/** The merged-municipality code list of a region dimension («Kommuner 2024, sammenslåtte tidsserier»). */
import type { CodelistInfo } from './types';

export function mergedSeriesList(lists: CodelistInfo[]): CodelistInfo | null {
  return lists.find((c) => /KommSummer/i.test(c.id)) ?? lists.find((c) => /sammensl|aggregated time series/i.test(c.label)) ?? null;
}
