/** The cluster bootstrap's summary line, its counts in the language's number format («N = 3 335»). */
import type { BootstrapResult } from '../../engine/stability/bootstrap';
import { formatInteger } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { stabilityStrings } from './strings';

export function bootstrapInfo(b: Pick<BootstrapResult, 'valid' | 'failed' | 'nClusters' | 'n'>, lang: Language): string {
  const n = (x: number) => formatInteger(x, lang);
  return stabilityStrings[lang].bootInfo(n(b.valid), b.failed ? n(b.failed) : '', n(b.nClusters), n(b.n));
}
