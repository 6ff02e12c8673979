/** The worker's preview of a valid formula (min, max, mean, missing), shown under the input before adding. */
import { Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { formatInteger, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { variableStrings } from './strings';
import { useFormulaPreview } from './useFormulaPreview';

export function FormulaPreview({ expression }: { expression: string | null }) {
  const s = useStrings(variableStrings);
  const lang = useLanguage();
  const { pending, result } = useFormulaPreview(expression);
  if (!expression) return null;
  if (pending) return <Paragraph data-size="sm">{s.previewPending}</Paragraph>;
  if (!result) return null;
  if (!result.ok) {
    return <ValidationMessage data-testid="formula-preview-error">{lang === 'nb' ? result.problem.message : result.problem.messageEn}</ValidationMessage>;
  }
  const p = result.preview;
  return (
    <Paragraph data-size="sm" data-testid="formula-preview">
      {s.previewLabel}: {s.min} {formatSignificant(p.min, lang)}, {s.max} {formatSignificant(p.max, lang)}, {s.mean}{' '}
      {formatSignificant(p.mean, lang)}; {s.missingCount(formatInteger(p.nMissing, lang), formatInteger(p.n, lang))}
    </Paragraph>
  );
}
