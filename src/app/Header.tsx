import { Button, Tag } from '@digdir/designsystemet-react';
import { useAnalysisStore, selectIsDemo } from '../store/analysisStore';
import { loadDemo } from '../store/actions';
import { useUiStore } from '../store/uiStore';
import { useStrings } from '../i18n/useStrings';
import type { Language } from '../i18n/language';
import { shellStrings } from './strings';

export function Header() {
  const s = useStrings(shellStrings);
  const isDemo = useAnalysisStore(selectIsDemo);
  const busy = useAnalysisStore((st) => st.status === 'loading');
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
          {s.synthetic}
        </Tag>
      )}
      <div className="kl-header-actions">
        <Button variant="tertiary" data-size="sm" onClick={() => void loadDemo()} disabled={busy}>
          {isDemo ? s.reloadDemo : s.loadDemo}
        </Button>
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
