import { Button, Tag } from '@digdir/designsystemet-react';
import { useAnalysisStore, selectIsSynthetic, selectSyntheticShare } from '../store/analysisStore';
import { useUiStore } from '../store/uiStore';
import { useStrings } from '../i18n/useStrings';
import type { Language } from '../i18n/language';
import { syntheticBadge } from '../spec/synthetic';
import { StartActions } from './StartActions';
import { shellStrings } from './strings';

export function Header() {
  const s = useStrings(shellStrings);
  const isDemo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const language = useUiStore((st) => st.language);
  const setLanguage = useUiStore((st) => st.setLanguage);
  return (
    <header className="kl-header">
      <div className="kl-brand">
        <span className="kl-product">{s.product}</span>
        <span className="kl-tagline">{s.tagline}</span>
      </div>
      {isDemo && (
        <Tag
          data-color="warning"
          className="kl-synthetic"
          data-testid="synthetic-badge"
          title={s.syntheticTitle}
        >
          {syntheticBadge(language, share)}
        </Tag>
      )}
      <div className="kl-header-actions">
        <StartActions />
        <div role="group" aria-label={s.language} className="kl-lang">
          {(['nb', 'en'] as Language[]).map((l) => (
            <Button
              key={l}
              data-size="sm"
              variant={language === l ? 'primary' : 'secondary'}
              aria-pressed={language === l}
              lang={l}
              onClick={() => setLanguage(l)}
            >
              {l === 'nb' ? 'Norsk' : 'English'}
            </Button>
          ))}
        </div>
      </div>
    </header>
  );
}
